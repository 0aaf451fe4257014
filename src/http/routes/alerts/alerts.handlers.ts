import { getAlerts, setAlerts } from "../../../core/services/alerts.js";
import { requireManage } from "../../../core/services/auth.js";
import { getProfile } from "../../../core/services/profiles.js";
import type { AppRouteHandler } from "../../openapi.js";
import type * as routes from "./alerts.routes.js";

export const get: AppRouteHandler<typeof routes.get> = async (c) => {
  const deps = c.get("deps");
  const id = c.req.valid("param").id;
  requireManage(c.get("user"), await getProfile(deps.profiles, id));
  return c.json(await getAlerts(deps.curation, id), 200);
};

export const put: AppRouteHandler<typeof routes.put> = async (c) => {
  const deps = c.get("deps");
  const id = c.req.valid("param").id;
  requireManage(c.get("user"), await getProfile(deps.profiles, id));
  return c.json(await setAlerts(deps.curation, id, c.req.valid("json")), 200);
};
