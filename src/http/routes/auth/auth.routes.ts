import { createRoute } from "@hono/zod-openapi";
import { LoginAcceptedSchema, LoginRequestSchema, MeSchema } from "../../../core/schemas/account.js";
import { IntroductionDetailListSchema } from "../../../core/schemas/introduction.js";
import { OkSchema } from "../../../core/schemas/problem.js";
import {
  ALWAYS,
  anyone,
  anyoneChange,
  E,
  JSON_CHANGE,
  json,
  jsonBody,
  STATE_CHANGE,
  signedIn,
} from "../../openapi.js";

const tags = ["accounts"];

export const login = createRoute({
  method: "post",
  path: "/api/auth/login",
  operationId: "requestSignIn",
  tags,
  summary: "Send a sign-in link by e-mail (single use, 20 minutes)",
  description: "Answers 202 whether or not the address is known. Rate-limited per address and per client.",
  security: anyoneChange,
  request: jsonBody(LoginRequestSchema),
  responses: {
    202: json(LoginAcceptedSchema, "Link sent if the address is valid"),
    ...JSON_CHANGE,
    409: E[409],
    429: E[429],
  },
});

export const logout = createRoute({
  method: "post",
  path: "/api/auth/logout",
  operationId: "signOut",
  tags,
  summary: "Close the session",
  security: anyoneChange,
  responses: { 200: json(OkSchema, "Signed out"), ...STATE_CHANGE },
});

export const me = createRoute({
  method: "get",
  path: "/api/me",
  operationId: "getMe",
  tags,
  summary: "The signed-in user (or null), the CSRF token for state-changing requests, and their profiles",
  security: anyone,
  responses: { 200: json(MeSchema, "Me"), ...ALWAYS },
});

export const myIntroductions = createRoute({
  method: "get",
  path: "/api/me/introductions",
  operationId: "listMyIntroductions",
  tags,
  summary: "Introductions involving my profiles",
  security: signedIn,
  responses: { 200: json(IntroductionDetailListSchema, "Introductions"), 401: E[401], ...ALWAYS },
});
