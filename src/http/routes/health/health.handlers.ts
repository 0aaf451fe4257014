import type { AppRouteHandler } from "../../openapi.js";
import type { HealthRoute } from "./health.routes.js";

export const health: AppRouteHandler<HealthRoute> = async (c) => {
  const h = await c.get("deps").health();
  const ok = h.database && h.search;
  return c.json({ status: ok ? ("ok" as const) : ("degraded" as const), ...h }, ok ? 200 : 503);
};
