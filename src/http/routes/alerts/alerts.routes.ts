import { createRoute } from "@hono/zod-openapi";
import { AlertSettingsSchema } from "../../../core/schemas/account.js";
import { ALWAYS, E, IdParam, JSON_CHANGE, json, jsonBody, signedIn, signedInChange } from "../../openapi.js";

const tags = ["alerts"];

export const get = createRoute({
  method: "get",
  path: "/api/profiles/{id}/alerts",
  operationId: "getAlerts",
  tags,
  summary: "Match alert settings of a profile (owner or staff)",
  security: signedIn,
  request: { params: IdParam },
  responses: {
    200: json(AlertSettingsSchema, "Settings"),
    400: E[400],
    401: E[401],
    403: E[403],
    404: E[404],
    ...ALWAYS,
  },
});

export const put = createRoute({
  method: "put",
  path: "/api/profiles/{id}/alerts",
  operationId: "setAlerts",
  tags,
  summary: "Opt in to match alerts: at once or weekly, above a score threshold",
  security: signedInChange,
  request: { params: IdParam, ...jsonBody(AlertSettingsSchema) },
  responses: { 200: json(AlertSettingsSchema, "Saved"), 401: E[401], 404: E[404], ...JSON_CHANGE },
});
