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
import { AlertSettingsSchema } from "../../core/schemas/account.js";
import { getAlerts, setAlerts } from "../../core/services/alerts.js";
import { forbidden, requireManage, requireUser } from "../../core/services/auth.js";
import { renewProfile, submitForReview } from "../../core/services/review.js";
import type { AppEnv } from "../context.js";
import { json, pageOf, problemResponses, PublicProfileSchema } from "../openapi-schemas.js";

const IdParam = z.object({ id: z.string().min(1).max(64) });
const tags = ["profiles"];

const create = createRoute({
  method: "post",
  path: "/api/profiles",
  tags,
  summary: "Publish a profile (Malian planche or partner profile)",
  description:
    "Signed in. A contact's profile waits for staff review (or stays a draft with ?draft=true); staff publish directly.",
  request: {
    query: z.object({ draft: z.enum(["true", "false"]).default("false") }).strict(),
    body: { content: { "application/json": { schema: ProfileInputSchema } }, required: true },
  },
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
        status: ProfileStatusSchema.optional(),
        /** Only my profiles, any status (signed in). */
        mine: z.enum(["true", "false"]).default("false"),
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

const Id = { params: IdParam };
const extra = {
  privateView: createRoute({
    method: "get",
    path: "/api/profiles/{id}/private",
    tags,
    summary: "The whole profile, contact included (owner or staff)",
    request: Id,
    responses: { 200: json(z.record(z.string(), z.unknown()), "The profile"), ...problemResponses },
  }),
  submit: createRoute({
    method: "post",
    path: "/api/profiles/{id}/submit",
    tags,
    summary: "Send a draft to the staff review queue",
    request: Id,
    responses: { 200: json(PublicProfileSchema, "Waiting for review"), ...problemResponses },
  }),
  renew: createRoute({
    method: "post",
    path: "/api/profiles/{id}/renew",
    tags,
    summary: "Keep a published profile visible 12 more months",
    request: Id,
    responses: { 200: json(PublicProfileSchema, "Renewed"), ...problemResponses },
  }),
  getAlerts: createRoute({
    method: "get",
    path: "/api/profiles/{id}/alerts",
    tags: ["alerts"],
    summary: "Match alert settings of a profile (owner)",
    request: Id,
    responses: { 200: json(AlertSettingsSchema, "Settings"), ...problemResponses },
  }),
  putAlerts: createRoute({
    method: "put",
    path: "/api/profiles/{id}/alerts",
    tags: ["alerts"],
    summary: "Opt in to match alerts: at once or weekly, above a score threshold",
    request: {
      ...Id,
      body: { content: { "application/json": { schema: AlertSettingsSchema } }, required: true },
    },
    responses: { 200: json(AlertSettingsSchema, "Saved"), ...problemResponses },
  }),
};

export function registerProfileRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(create, async (c) => {
    const deps = c.get("deps");
    const user = requireUser(c.get("user"));
    const draft = c.req.valid("query").draft === "true";
    const p = await createProfile(deps.profiles, c.req.valid("json"), {
      status: draft ? "draft" : user.role === "staff" ? "published" : "pending_review",
      ownerId: user.id,
    });
    c.header("location", `/api/profiles/${p.id}`);
    return c.json(toPublicProfile(p) as never, 201);
  });

  app.openapi(list, async (c) => {
    const q = c.req.valid("query");
    const user = c.get("user");
    let ownerId: string | undefined;
    let status = q.status;
    if (q.mine === "true") {
      ownerId = requireUser(user).id;
    } else if (status && status !== "published" && user?.role !== "staff") {
      throw forbidden();
    } else {
      status = status ?? "published";
    }
    const page = await listProfiles(c.get("deps").profiles, { ...q, status, ownerId });
    return c.json({ ...page, items: page.items.map(toPublicProfile) } as never, 200);
  });

  app.openapi(read, async (c) => {
    const p = await getProfile(c.get("deps").profiles, c.req.valid("param").id);
    if (p.status !== "published") requireManage(c.get("user"), p);
    c.header("etag", `"${p.version}"`);
    return c.json(toPublicProfile(p) as never, 200);
  });

  app.openapi(extra.privateView, async (c) => {
    const p = await getProfile(c.get("deps").profiles, c.req.valid("param").id);
    requireManage(c.get("user"), p);
    return c.json(p as never, 200);
  });

  app.openapi(update, async (c) => {
    const deps = c.get("deps");
    const id = c.req.valid("param").id;
    const user = requireManage(c.get("user"), await getProfile(deps.profiles, id));
    const ifMatch = c.req.valid("header")["if-match"];
    const p = await updateProfile(deps.profiles, id, c.req.valid("json"), {
      expectedVersion: ifMatch ? Number(ifMatch.replaceAll('"', "")) : undefined,
      reviewSubstantialChanges: user.role !== "staff",
    });
    c.header("etag", `"${p.version}"`);
    return c.json(toPublicProfile(p) as never, 200);
  });

  app.openapi(archive, async (c) => {
    const deps = c.get("deps");
    const id = c.req.valid("param").id;
    requireManage(c.get("user"), await getProfile(deps.profiles, id));
    const p = await setProfileStatus(deps.profiles, id, "archived");
    return c.json(toPublicProfile(p) as never, 200);
  });

  app.openapi(extra.submit, async (c) => {
    const deps = c.get("deps");
    const id = c.req.valid("param").id;
    requireManage(c.get("user"), await getProfile(deps.profiles, id));
    return c.json(toPublicProfile(await submitForReview(deps.curation, id)) as never, 200);
  });

  app.openapi(extra.renew, async (c) => {
    const deps = c.get("deps");
    const id = c.req.valid("param").id;
    const user = requireManage(c.get("user"), await getProfile(deps.profiles, id));
    return c.json(toPublicProfile(await renewProfile(deps.curation, user, id)) as never, 200);
  });

  app.openapi(extra.getAlerts, async (c) => {
    const deps = c.get("deps");
    const id = c.req.valid("param").id;
    requireManage(c.get("user"), await getProfile(deps.profiles, id));
    return c.json((await getAlerts(deps.curation, id)) as never, 200);
  });

  app.openapi(extra.putAlerts, async (c) => {
    const deps = c.get("deps");
    const id = c.req.valid("param").id;
    requireManage(c.get("user"), await getProfile(deps.profiles, id));
    return c.json((await setAlerts(deps.curation, id, c.req.valid("json"))) as never, 200);
  });
}
