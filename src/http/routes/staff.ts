import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { DomainError } from "../../core/errors.js";
import { ApproveSchema, ReturnSchema } from "../../core/schemas/account.js";
import { PhaseChangeSchema, PHASES, ProposeSchema } from "../../core/schemas/introduction.js";
import { requireStaff } from "../../core/services/auth.js";
import {
  changePhase,
  dismissInterest,
  proposeFromInterest,
  proposeIntroduction,
  suggestions,
} from "../../core/services/introductions.js";
import { approveProfile, returnProfile, reviewQueue } from "../../core/services/review.js";
import { computeStats } from "../../core/services/stats.js";
import type { AppEnv } from "../context.js";
import { json, problemResponses } from "../openapi-schemas.js";
import { rateLimit } from "../rate-limit.js";

const any = z.record(z.string(), z.unknown());
const tags = ["staff"];
const Id = z.object({ id: z.string().min(1).max(64) });
const body = <T extends z.ZodType>(schema: T) => ({
  body: { content: { "application/json": { schema } }, required: true },
});
const ok = (d: string) => ({
  200: json(any, d),
  ...problemResponses,
  401: { description: "Not signed in" },
  403: { description: "Not staff" },
});

const routes = {
  queue: createRoute({
    method: "get",
    path: "/api/staff/review-queue",
    tags,
    summary: "Profiles waiting for review (with contact)",
    responses: ok("Queue"),
  }),
  approve: createRoute({
    method: "post",
    path: "/api/staff/profiles/{id}/approve",
    tags,
    summary: "Publish a profile, with an optional quality score",
    request: { params: Id, ...body(ApproveSchema) },
    responses: ok("Published"),
  }),
  sendBack: createRoute({
    method: "post",
    path: "/api/staff/profiles/{id}/return",
    tags,
    summary: "Send a profile back to its owner with a reason (e-mailed)",
    request: { params: Id, ...body(ReturnSchema) },
    responses: ok("Returned"),
  }),
  suggestions: createRoute({
    method: "get",
    path: "/api/staff/suggestions",
    tags,
    summary: "Best matches that have no introduction yet, with their explanation",
    request: {
      query: z
        .object({
          limit: z.coerce.number().int().min(1).max(200).default(30),
          lang: z.enum(["fr", "en"]).default("fr"),
        })
        .strict(),
    },
    responses: ok("Suggestions"),
  }),
  propose: createRoute({
    method: "post",
    path: "/api/staff/introductions",
    tags,
    summary: "Propose an introduction (both sides get an e-mail with accept / decline links)",
    request: body(ProposeSchema),
    responses: { ...ok("Proposed"), 201: json(any, "Proposed") },
  }),
  board: createRoute({
    method: "get",
    path: "/api/staff/introductions",
    tags,
    summary: "Introductions by phase (the pipeline board)",
    request: { query: z.object({ phase: z.enum(PHASES).optional() }).strict() },
    responses: ok("Board"),
  }),
  phase: createRoute({
    method: "post",
    path: "/api/staff/introductions/{id}/phase",
    tags,
    summary: "Move an introduction to its next phase (dated, with who)",
    request: { params: Id, ...body(PhaseChangeSchema) },
    responses: ok("Moved"),
  }),
  interests: createRoute({
    method: "get",
    path: "/api/staff/interests",
    tags,
    summary: "Expressions of interest waiting for staff",
    request: {
      query: z.object({ status: z.enum(["pending", "proposed", "dismissed"]).default("pending") }).strict(),
    },
    responses: ok("Interests"),
  }),
  interestPropose: createRoute({
    method: "post",
    path: "/api/staff/interests/{id}/propose",
    tags,
    summary: "Turn an expression of interest into an introduction",
    request: { params: Id, ...body(z.object({ note: z.string().trim().max(2000).default("") }).strict()) },
    responses: { ...ok("Proposed"), 201: json(any, "Proposed") },
  }),
  interestDismiss: createRoute({
    method: "post",
    path: "/api/staff/interests/{id}/dismiss",
    tags,
    summary: "Dismiss an expression of interest",
    request: { params: Id },
    responses: ok("Dismissed"),
  }),
  outbox: createRoute({
    method: "get",
    path: "/api/staff/outbox",
    tags,
    summary: "Outgoing e-mails: sent, pending, failed",
    request: {
      query: z
        .object({
          status: z.enum(["pending", "sent", "failed"]).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        })
        .strict(),
    },
    responses: ok("Outbox"),
  }),
  retry: createRoute({
    method: "post",
    path: "/api/staff/outbox/{id}/retry",
    tags,
    summary: "Retry a failed e-mail",
    request: { params: Id },
    responses: ok("Queued again"),
  }),
  stats: createRoute({
    method: "get",
    path: "/api/staff/stats",
    tags,
    summary: "Statistics: profiles by région and sector, unmet needs, coverage, pipeline",
    responses: ok("Statistics"),
  }),
  audit: createRoute({
    method: "get",
    path: "/api/staff/audit",
    tags,
    summary: "Audit log of staff actions",
    request: {
      query: z
        .object({
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        })
        .strict(),
    },
    responses: ok("Audit log"),
  }),
};

export function registerStaffRoutes(app: OpenAPIHono<AppEnv>): void {
  const d = (c: { get(k: "deps"): AppEnv["Variables"]["deps"] }) => c.get("deps").curation;

  app.openapi(routes.queue, async (c) => {
    requireStaff(c.get("user"));
    const items = await reviewQueue(d(c));
    return c.json({ items } as never, 200);
  });
  app.openapi(routes.approve, async (c) => {
    const staff = requireStaff(c.get("user"));
    await rateLimit(c, `mail:${staff.id}`, 300, 3600);
    const p = await approveProfile(d(c), staff, c.req.valid("param").id, c.req.valid("json").quality);
    return c.json({ id: p.id, status: p.status, expiresAt: p.expiresAt } as never, 200);
  });
  app.openapi(routes.sendBack, async (c) => {
    const staff = requireStaff(c.get("user"));
    await rateLimit(c, `mail:${staff.id}`, 300, 3600);
    const { reason, quality } = c.req.valid("json");
    const p = await returnProfile(d(c), staff, c.req.valid("param").id, reason, quality);
    return c.json({ id: p.id, status: p.status } as never, 200);
  });
  app.openapi(routes.suggestions, async (c) => {
    requireStaff(c.get("user"));
    const q = c.req.valid("query");
    return c.json({ items: await suggestions(d(c), q.limit, q.lang) } as never, 200);
  });
  app.openapi(routes.propose, async (c) => {
    const staff = requireStaff(c.get("user"));
    await rateLimit(c, `propose:${staff.id}`, 200, 3600);
    const intro = await proposeIntroduction(d(c), staff, c.req.valid("json"));
    return c.json(intro as never, 201);
  });
  app.openapi(routes.board, async (c) => {
    requireStaff(c.get("user"));
    const { phase } = c.req.valid("query");
    const items = await d(c).curation.introductions({ phase });
    const names = new Map(
      (await d(c).store.getMany([...new Set(items.flatMap((i) => [i.maliId, i.partnerId]))])).map((p) => [
        p.id,
        p.collectivite.name,
      ]),
    );
    const byPhase: Record<string, unknown[]> = Object.fromEntries(PHASES.map((p) => [p, []]));
    for (const i of items) {
      byPhase[i.phase]?.push({ ...i, maliName: names.get(i.maliId), partnerName: names.get(i.partnerId) });
    }
    return c.json({ phases: PHASES, byPhase } as never, 200);
  });
  app.openapi(routes.phase, async (c) => {
    const staff = requireStaff(c.get("user"));
    const { phase, note } = c.req.valid("json");
    return c.json((await changePhase(d(c), staff, c.req.valid("param").id, phase, note)) as never, 200);
  });
  app.openapi(routes.interests, async (c) => {
    requireStaff(c.get("user"));
    const interests = await d(c).curation.interests(c.req.valid("query").status);
    const names = new Map(
      (await d(c).store.getMany([...new Set(interests.flatMap((i) => [i.plancheId, i.partnerId]))])).map(
        (p) => [p.id, p.collectivite.name],
      ),
    );
    const items = interests.map((i) => ({
      ...i,
      plancheName: names.get(i.plancheId),
      partnerName: names.get(i.partnerId),
    }));
    return c.json({ items } as never, 200);
  });
  app.openapi(routes.interestPropose, async (c) => {
    const staff = requireStaff(c.get("user"));
    const intro = await proposeFromInterest(d(c), staff, c.req.valid("param").id, c.req.valid("json").note);
    return c.json(intro as never, 201);
  });
  app.openapi(routes.interestDismiss, async (c) => {
    const staff = requireStaff(c.get("user"));
    return c.json((await dismissInterest(d(c), staff, c.req.valid("param").id)) as never, 200);
  });
  app.openapi(routes.outbox, async (c) => {
    requireStaff(c.get("user"));
    const q = c.req.valid("query");
    const page = await d(c).outbox.list(q);
    // Bodies stay out: they hold single-use links (sign-in, accept) that only the recipient may use.
    const items = page.items.map(({ text: _t, html: _h, headers: _x, ...meta }) => meta);
    return c.json(
      {
        items,
        total: page.total,
        limit: q.limit,
        offset: q.offset,
        counts: await d(c).outbox.counts(),
      } as never,
      200,
    );
  });
  app.openapi(routes.retry, async (c) => {
    const staff = requireStaff(c.get("user"));
    const ok = await d(c).outbox.retry(c.req.valid("param").id, d(c).clock.now().toISOString());
    if (!ok) throw DomainError.notFound("outbox.failed_not_found");
    await d(c).uow.commit(
      {
        audit: [
          {
            id: d(c).newId(),
            at: d(c).clock.now().toISOString(),
            actorId: staff.id,
            action: "outbox.retry",
            targetType: "outbox",
            targetId: c.req.valid("param").id,
            detail: {},
          },
        ],
      },
      d(c).clock.now().toISOString(),
    );
    void c.get("deps").deliverMail();
    return c.json({ ok: true } as never, 200);
  });
  app.openapi(routes.stats, async (c) => {
    requireStaff(c.get("user"));
    const deps = c.get("deps");
    return c.json(
      (await computeStats({
        store: deps.profiles.store,
        curation: d(c).curation,
        reference: deps.reference,
      })) as never,
      200,
    );
  });
  app.openapi(routes.audit, async (c) => {
    requireStaff(c.get("user"));
    const q = c.req.valid("query");
    return c.json({ ...(await d(c).curation.audit(q.limit, q.offset)), ...q } as never, 200);
  });
}
