import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import {
  createProfile,
  getProfile,
  listProfiles,
  setProfileStatus,
  updateProfile,
} from "../../core/services/profiles.js";
import {
  ProfileInputSchema,
  ProfileStatusSchema,
  SideSchema,
  toPublicProfile,
} from "../../core/schemas/profile.js";
import type { AppEnv } from "../context.js";
import { json, pageOf, problemResponses, PublicProfileSchema } from "../openapi-schemas.js";

const IdParam = z.object({ id: z.string().min(1).max(64) });
const tags = ["profiles"];

const create = createRoute({
  method: "post",
  path: "/api/profiles",
  tags,
  summary: "Publish a profile (Malian planche or partner profile)",
  request: { body: { content: { "application/json": { schema: ProfileInputSchema } }, required: true } },
  responses: { 201: json(PublicProfileSchema, "Created"), ...problemResponses },
});

const list = createRoute({
  method: "get",
  path: "/api/profiles",
  tags,
  summary: "List profiles",
  request: {
    query: z
      .object({
        side: SideSchema.optional(),
        status: ProfileStatusSchema.default("published"),
        limit: z.coerce.number().int().min(1).max(100).default(20),
        offset: z.coerce.number().int().min(0).default(0),
      })
      .strict(),
  },
  responses: { 200: json(pageOf(PublicProfileSchema), "A page of profiles"), ...problemResponses },
});

const read = createRoute({
  method: "get",
  path: "/api/profiles/{id}",
  tags,
  summary: "Read a profile (public fields)",
  request: { params: IdParam },
  responses: { 200: json(PublicProfileSchema, "The profile"), ...problemResponses },
});

const update = createRoute({
  method: "put",
  path: "/api/profiles/{id}",
  tags,
  summary: "Replace a profile's content",
  request: {
    params: IdParam,
    headers: z.object({
      "if-match": z
        .string()
        .regex(/^"?\d+"?$/)
        .optional(),
    }),
    body: { content: { "application/json": { schema: ProfileInputSchema } }, required: true },
  },
  responses: { 200: json(PublicProfileSchema, "Updated"), ...problemResponses },
});

const archive = createRoute({
  method: "delete",
  path: "/api/profiles/{id}",
  tags,
  summary: "Archive a profile (it leaves the directory and the index; the record stays)",
  request: { params: IdParam },
  responses: { 200: json(PublicProfileSchema, "Archived"), ...problemResponses },
});

export function registerProfileRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(create, async (c) => {
    const deps = c.get("deps");
    const p = await createProfile(deps.profiles, c.req.valid("json"), {
      status: deps.initialStatus,
      ownerId: null,
    });
    c.header("location", `/api/profiles/${p.id}`);
    return c.json(toPublicProfile(p) as never, 201);
  });

  app.openapi(list, async (c) => {
    const q = c.req.valid("query");
    const page = await listProfiles(c.get("deps").profiles, q);
    return c.json({ ...page, items: page.items.map(toPublicProfile) } as never, 200);
  });

  app.openapi(read, async (c) => {
    const p = await getProfile(c.get("deps").profiles, c.req.valid("param").id);
    c.header("etag", `"${p.version}"`);
    return c.json(toPublicProfile(p) as never, 200);
  });

  app.openapi(update, async (c) => {
    const ifMatch = c.req.valid("header")["if-match"];
    const p = await updateProfile(c.get("deps").profiles, c.req.valid("param").id, c.req.valid("json"), {
      expectedVersion: ifMatch ? Number(ifMatch.replaceAll('"', "")) : undefined,
    });
    c.header("etag", `"${p.version}"`);
    return c.json(toPublicProfile(p) as never, 200);
  });

  app.openapi(archive, async (c) => {
    const p = await setProfileStatus(c.get("deps").profiles, c.req.valid("param").id, "archived");
    return c.json(toPublicProfile(p) as never, 200);
  });
}
