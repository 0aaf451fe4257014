import { createRoute } from "@hono/zod-openapi";
import { HealthSchema } from "../../../core/schemas/health.js";
import { ProblemSchema } from "../../../core/schemas/problem.js";
import { E, anyone, json } from "../../openapi.js";

export const health = createRoute({
  method: "get",
  path: "/health",
  operationId: "getHealth",
  tags: ["operations"],
  summary: "Whether the database and the search engine answer, and how far the index lags",
  security: anyone,
  responses: {
    200: json(HealthSchema, "All up"),
    414: E[414],
    503: {
      description: "Degraded (a Health document), or the check itself failed (a problem)",
      content: {
        "application/json": { schema: HealthSchema },
        "application/problem+json": { schema: ProblemSchema },
      },
    },
  },
});
export type HealthRoute = typeof health;
