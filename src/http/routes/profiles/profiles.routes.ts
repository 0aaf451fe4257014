import { createRoute } from "@hono/zod-openapi";
import { z } from "zod";
import {
  ProfileInputSchema,
  ProfilePageSchema,
  ProfileSchema,
  ProfileStatusSchema,
  PublicProfileSchema,
  SideSchema,
} from "../../../core/schemas/profile.js";
import {
  ALWAYS,
  anyone,
  E,
  IdParam,
  JSON_CHANGE,
  json,
  jsonBody,
  STATE_CHANGE,
  signedIn,
  signedInChange,
} from "../../openapi.js";

const tags = ["profiles"];
const etag = {
  ETag: { description: "The profile's version, for If-Match", schema: { type: "string" as const } },
};

export const create = createRoute({
  method: "post",
  path: "/api/profiles",
  operationId: "createProfile",
  tags,
  summary: "Publish a profile (Malian planche or partner profile)",
  description:
    "Signed in. A contact's profile waits for staff review (or stays a draft with ?draft=true); staff publish directly.",
  security: signedInChange,
  request: {
    query: z.object({ draft: z.enum(["true", "false"]).default("false") }).strict(),
    ...jsonBody(ProfileInputSchema),
  },
  responses: {
    201: {
      ...json(PublicProfileSchema, "Created"),
      headers: { Location: { description: "The new profile", schema: { type: "string" as const } } },
    },
    401: E[401],
    ...JSON_CHANGE,
  },
});

export const list = createRoute({
  method: "get",
  path: "/api/profiles",
  operationId: "listProfiles",
  tags,
  summary: "List profiles: published ones for anyone, mine (any status) when signed in, any status for staff",
  security: anyone,
  request: {
    query: z
      .object({
        side: SideSchema.optional(),
        status: ProfileStatusSchema.optional(),
        /** Only my profiles, any status (signed in). */
        mine: z.enum(["true", "false"]).default("false"),
        limit: z.coerce.number().int().min(1).max(100).default(20),
        offset: z.coerce.number().int().min(0).default(0),
      })
      .strict(),
  },
  responses: {
    200: json(ProfilePageSchema, "A page of profiles"),
    400: E[400],
    401: E[401],
    403: E[403],
    ...ALWAYS,
  },
});

const readable = { 400: E[400], 401: E[401], 403: E[403], 404: E[404], ...ALWAYS } as const;

export const read = createRoute({
  method: "get",
  path: "/api/profiles/{id}",
  operationId: "getProfile",
  tags,
  summary: "Read a profile (public fields); a profile not yet published only by its owner or staff",
  security: anyone,
  request: { params: IdParam },
  responses: { 200: { ...json(PublicProfileSchema, "The profile"), headers: etag }, ...readable },
});

export const privateView = createRoute({
  method: "get",
  path: "/api/profiles/{id}/private",
  operationId: "getPrivateProfile",
  tags,
  summary: "The whole profile, contact included (owner or staff)",
  security: signedIn,
  request: { params: IdParam },
  responses: { 200: json(ProfileSchema, "The profile"), ...readable },
});

const changed = { 401: E[401], 404: E[404], 409: E[409] } as const;

export const update = createRoute({
  method: "put",
  path: "/api/profiles/{id}",
  operationId: "updateProfile",
  tags,
  summary: "Replace a profile's content (If-Match with the version read guards against lost updates)",
  security: signedInChange,
  request: {
    params: IdParam,
    headers: z.object({
      "if-match": z
        .string()
        .regex(/^"?\d+"?$/)
        .optional(),
    }),
    ...jsonBody(ProfileInputSchema),
  },
  responses: { 200: { ...json(PublicProfileSchema, "Updated"), headers: etag }, ...changed, ...JSON_CHANGE },
});

export const archive = createRoute({
  method: "delete",
  path: "/api/profiles/{id}",
  operationId: "archiveProfile",
  tags,
  summary: "Archive a profile (it leaves the directory and the index; the record stays)",
  security: signedInChange,
  request: { params: IdParam },
  responses: { 200: json(PublicProfileSchema, "Archived"), ...changed, ...STATE_CHANGE },
});

export const submit = createRoute({
  method: "post",
  path: "/api/profiles/{id}/submit",
  operationId: "submitProfile",
  tags,
  summary: "Send a draft to the staff review queue",
  security: signedInChange,
  request: { params: IdParam },
  responses: { 200: json(PublicProfileSchema, "Waiting for review"), ...changed, ...STATE_CHANGE },
});

export const renew = createRoute({
  method: "post",
  path: "/api/profiles/{id}/renew",
  operationId: "renewProfile",
  tags,
  summary: "Keep a published profile visible 12 more months",
  security: signedInChange,
  request: { params: IdParam },
  responses: { 200: json(PublicProfileSchema, "Renewed"), ...changed, ...STATE_CHANGE },
});
