import { createRoute } from "@hono/zod-openapi";
import {
  IntroductionDetailSchema,
  InterestInputSchema,
  InterestSchema,
  RespondSchema,
} from "../../../core/schemas/introduction.js";
import { ALWAYS, E, IdParam, JSON_CHANGE, json, jsonBody, signedIn, signedInChange } from "../../openapi.js";

const tags = ["introductions"];

export const read = createRoute({
  method: "get",
  path: "/api/introductions/{id}",
  operationId: "getIntroduction",
  tags,
  summary: "An introduction, its dated history, and the other side's contact once both accepted",
  security: signedIn,
  request: { params: IdParam },
  responses: {
    200: json(IntroductionDetailSchema, "The introduction"),
    400: E[400],
    401: E[401],
    403: E[403],
    404: E[404],
    ...ALWAYS,
  },
});

export const respond = createRoute({
  method: "post",
  path: "/api/introductions/{id}/respond",
  operationId: "respondToIntroduction",
  tags,
  summary: "Accept or decline from the web page (same effect as the e-mail links)",
  security: signedInChange,
  request: { params: IdParam, ...jsonBody(RespondSchema) },
  responses: {
    200: json(IntroductionDetailSchema, "Recorded"),
    401: E[401],
    404: E[404],
    409: E[409],
    410: E[410],
    ...JSON_CHANGE,
  },
});

export const interest = createRoute({
  method: "post",
  path: "/api/profiles/{id}/interest",
  operationId: "expressInterest",
  tags,
  summary: "Express interest in a published planche (goes to the staff queue)",
  security: signedInChange,
  request: { params: IdParam, ...jsonBody(InterestInputSchema) },
  responses: { 201: json(InterestSchema, "Recorded"), 401: E[401], 404: E[404], 429: E[429], ...JSON_CHANGE },
});
