import { createRoute } from "@hono/zod-openapi";
import { z } from "zod";
import {
  ApproveSchema,
  AuditPageSchema,
  ReturnSchema,
  ReviewQueueSchema,
} from "../../../core/schemas/account.js";
import {
  BoardSchema,
  INTEREST_STATUSES,
  InterestQueueSchema,
  InterestSchema,
  IntroductionSchema,
  PHASES,
  PhaseChangeSchema,
  ProposeSchema,
  SuggestionListSchema,
} from "../../../core/schemas/introduction.js";
import { OUTBOX_STATUSES, OutboxPageSchema } from "../../../core/schemas/mail.js";
import { OkSchema } from "../../../core/schemas/problem.js";
import { ProfileStandingSchema } from "../../../core/schemas/profile.js";
import { StatsSchema } from "../../../core/schemas/stats.js";
import {
  ALWAYS,
  E,
  IdParam,
  JSON_CHANGE,
  json,
  jsonBody,
  LangQuery,
  PageQuery,
  STATE_CHANGE,
  signedIn,
  signedInChange,
} from "../../openapi.js";

const tags = ["staff"];
/** Every staff route: signed in (401) as AMM staff (403). */
const staffOnly = { 401: E[401], 403: E[403] } as const;
const read = { ...staffOnly, ...ALWAYS } as const;
const readWithQuery = { 400: E[400], ...read } as const;

export const queue = createRoute({
  method: "get",
  path: "/api/staff/review-queue",
  operationId: "staffReviewQueue",
  tags,
  summary: "Profiles waiting for review (with contact)",
  security: signedIn,
  responses: { 200: json(ReviewQueueSchema, "Queue"), ...read },
});

export const approve = createRoute({
  method: "post",
  path: "/api/staff/profiles/{id}/approve",
  operationId: "approveProfile",
  tags,
  summary: "Publish a profile, with an optional quality score",
  security: signedInChange,
  request: { params: IdParam, ...jsonBody(ApproveSchema) },
  responses: {
    200: json(ProfileStandingSchema, "Published"),
    ...staffOnly,
    404: E[404],
    409: E[409],
    429: E[429],
    ...JSON_CHANGE,
  },
});

export const sendBack = createRoute({
  method: "post",
  path: "/api/staff/profiles/{id}/return",
  operationId: "returnProfile",
  tags,
  summary: "Send a profile back to its owner with a reason (e-mailed)",
  security: signedInChange,
  request: { params: IdParam, ...jsonBody(ReturnSchema) },
  responses: {
    200: json(ProfileStandingSchema, "Returned"),
    ...staffOnly,
    404: E[404],
    409: E[409],
    429: E[429],
    ...JSON_CHANGE,
  },
});

export const suggestions = createRoute({
  method: "get",
  path: "/api/staff/suggestions",
  operationId: "staffSuggestions",
  tags,
  summary: "Best matches that have no introduction yet, with their explanation",
  security: signedIn,
  request: {
    query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(30), lang: LangQuery }).strict(),
  },
  responses: { 200: json(SuggestionListSchema, "Suggestions"), ...readWithQuery },
});

const proposed = {
  201: json(IntroductionSchema, "Proposed: both sides get an e-mail with accept / decline links"),
  ...staffOnly,
  404: E[404],
  409: E[409],
  ...JSON_CHANGE,
} as const;

export const propose = createRoute({
  method: "post",
  path: "/api/staff/introductions",
  operationId: "proposeIntroduction",
  tags,
  summary: "Propose an introduction (both sides get an e-mail with accept / decline links)",
  security: signedInChange,
  request: jsonBody(ProposeSchema),
  responses: {
    201: json(IntroductionSchema, "Proposed: both sides get an e-mail with accept / decline links"),
    ...staffOnly,
    404: E[404],
    409: E[409],
    429: E[429],
    ...JSON_CHANGE,
  },
});

export const board = createRoute({
  method: "get",
  path: "/api/staff/introductions",
  operationId: "staffBoard",
  tags,
  summary: "Introductions by phase (the pipeline board)",
  security: signedIn,
  request: { query: z.object({ phase: z.enum(PHASES).optional() }).strict() },
  responses: { 200: json(BoardSchema, "Board"), ...readWithQuery },
});

export const phase = createRoute({
  method: "post",
  path: "/api/staff/introductions/{id}/phase",
  operationId: "changePhase",
  tags,
  summary: "Move an introduction to its next phase (dated, with who)",
  security: signedInChange,
  request: { params: IdParam, ...jsonBody(PhaseChangeSchema) },
  responses: {
    200: json(IntroductionSchema, "Moved"),
    ...staffOnly,
    404: E[404],
    409: E[409],
    ...JSON_CHANGE,
  },
});

export const interests = createRoute({
  method: "get",
  path: "/api/staff/interests",
  operationId: "staffInterests",
  tags,
  summary: "Expressions of interest waiting for staff",
  security: signedIn,
  request: { query: z.object({ status: z.enum(INTEREST_STATUSES).default("pending") }).strict() },
  responses: { 200: json(InterestQueueSchema, "Interests"), ...readWithQuery },
});

export const interestPropose = createRoute({
  method: "post",
  path: "/api/staff/interests/{id}/propose",
  operationId: "proposeFromInterest",
  tags,
  summary: "Turn an expression of interest into an introduction",
  security: signedInChange,
  request: {
    params: IdParam,
    ...jsonBody(z.object({ note: z.string().trim().max(2000).default("") }).strict()),
  },
  responses: proposed,
});

export const interestDismiss = createRoute({
  method: "post",
  path: "/api/staff/interests/{id}/dismiss",
  operationId: "dismissInterest",
  tags,
  summary: "Dismiss an expression of interest",
  security: signedInChange,
  request: { params: IdParam },
  responses: {
    200: json(InterestSchema, "Dismissed"),
    ...staffOnly,
    404: E[404],
    409: E[409],
    ...STATE_CHANGE,
  },
});

export const outbox = createRoute({
  method: "get",
  path: "/api/staff/outbox",
  operationId: "staffOutbox",
  tags,
  summary: "Outgoing e-mails: sent, pending, failed (never their bodies)",
  security: signedIn,
  request: { query: z.object({ status: z.enum(OUTBOX_STATUSES).optional(), ...PageQuery }).strict() },
  responses: { 200: json(OutboxPageSchema, "Outbox"), ...readWithQuery },
});

export const retry = createRoute({
  method: "post",
  path: "/api/staff/outbox/{id}/retry",
  operationId: "retryMessage",
  tags,
  summary: "Retry a failed e-mail",
  security: signedInChange,
  request: { params: IdParam },
  responses: { 200: json(OkSchema, "Queued again"), ...staffOnly, 404: E[404], ...STATE_CHANGE },
});

export const stats = createRoute({
  method: "get",
  path: "/api/staff/stats",
  operationId: "staffStats",
  tags,
  summary: "Statistics: profiles by région and sector, unmet needs, coverage, pipeline",
  security: signedIn,
  responses: { 200: json(StatsSchema, "Statistics"), ...read },
});

export const audit = createRoute({
  method: "get",
  path: "/api/staff/audit",
  operationId: "staffAudit",
  tags,
  summary: "Audit log of staff actions",
  security: signedIn,
  request: { query: z.object(PageQuery).strict() },
  responses: { 200: json(AuditPageSchema, "Audit log"), ...readWithQuery },
});
