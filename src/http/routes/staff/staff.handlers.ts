import { requireStaff } from "../../../core/services/auth.js";
import {
  changePhase,
  dismissInterest,
  proposeFromInterest,
  proposeIntroduction,
  suggestions as bestUnmetPairs,
} from "../../../core/services/introductions.js";
import { approveProfile, returnProfile, reviewQueue } from "../../../core/services/review.js";
import {
  auditPage,
  interestQueue,
  outboxPage,
  pipelineBoard,
  retryFailedMessage,
} from "../../../core/services/staff-views.js";
import { computeStats } from "../../../core/services/stats.js";
import type { AppRouteHandler } from "../../openapi.js";
import { rateLimit } from "../../rate-limit.js";
import type * as routes from "./staff.routes.js";

/** Staff actions that send e-mail are limited per staff member: a runaway script cannot flood inboxes. */
const MAIL_PER_HOUR = 300;

export const queue: AppRouteHandler<typeof routes.queue> = async (c) => {
  requireStaff(c.get("user"));
  return c.json({ items: await reviewQueue(c.get("deps").curation) }, 200);
};

export const approve: AppRouteHandler<typeof routes.approve> = async (c) => {
  const staff = requireStaff(c.get("user"));
  await rateLimit(c, `mail:${staff.id}`, MAIL_PER_HOUR, 3600);
  const p = await approveProfile(
    c.get("deps").curation,
    staff,
    c.req.valid("param").id,
    c.req.valid("json").quality,
  );
  return c.json({ id: p.id, status: p.status, expiresAt: p.expiresAt }, 200);
};

export const sendBack: AppRouteHandler<typeof routes.sendBack> = async (c) => {
  const staff = requireStaff(c.get("user"));
  await rateLimit(c, `mail:${staff.id}`, MAIL_PER_HOUR, 3600);
  const { reason, quality } = c.req.valid("json");
  const p = await returnProfile(c.get("deps").curation, staff, c.req.valid("param").id, reason, quality);
  return c.json({ id: p.id, status: p.status }, 200);
};

export const suggestions: AppRouteHandler<typeof routes.suggestions> = async (c) => {
  requireStaff(c.get("user"));
  const q = c.req.valid("query");
  return c.json({ items: await bestUnmetPairs(c.get("deps").curation, q.limit, q.lang) }, 200);
};

export const propose: AppRouteHandler<typeof routes.propose> = async (c) => {
  const staff = requireStaff(c.get("user"));
  await rateLimit(c, `propose:${staff.id}`, 200, 3600);
  return c.json(await proposeIntroduction(c.get("deps").curation, staff, c.req.valid("json")), 201);
};

export const board: AppRouteHandler<typeof routes.board> = async (c) => {
  requireStaff(c.get("user"));
  return c.json(await pipelineBoard(c.get("deps").curation, c.req.valid("query").phase), 200);
};

export const phase: AppRouteHandler<typeof routes.phase> = async (c) => {
  const staff = requireStaff(c.get("user"));
  const { phase: to, note } = c.req.valid("json");
  return c.json(await changePhase(c.get("deps").curation, staff, c.req.valid("param").id, to, note), 200);
};

export const interests: AppRouteHandler<typeof routes.interests> = async (c) => {
  requireStaff(c.get("user"));
  return c.json(await interestQueue(c.get("deps").curation, c.req.valid("query").status), 200);
};

export const interestPropose: AppRouteHandler<typeof routes.interestPropose> = async (c) => {
  const staff = requireStaff(c.get("user"));
  const intro = await proposeFromInterest(
    c.get("deps").curation,
    staff,
    c.req.valid("param").id,
    c.req.valid("json").note,
  );
  return c.json(intro, 201);
};

export const interestDismiss: AppRouteHandler<typeof routes.interestDismiss> = async (c) => {
  const staff = requireStaff(c.get("user"));
  return c.json(await dismissInterest(c.get("deps").curation, staff, c.req.valid("param").id), 200);
};

export const outbox: AppRouteHandler<typeof routes.outbox> = async (c) => {
  requireStaff(c.get("user"));
  return c.json(await outboxPage(c.get("deps").curation, c.req.valid("query")), 200);
};

export const retry: AppRouteHandler<typeof routes.retry> = async (c) => {
  const staff = requireStaff(c.get("user"));
  await retryFailedMessage(c.get("deps").curation, staff, c.req.valid("param").id);
  void c.get("deps").deliverMail();
  return c.json({ ok: true as const }, 200);
};

export const stats: AppRouteHandler<typeof routes.stats> = async (c) => {
  requireStaff(c.get("user"));
  const deps = c.get("deps");
  return c.json(await computeStats({ ...deps.curation, reference: deps.reference }), 200);
};

export const audit: AppRouteHandler<typeof routes.audit> = async (c) => {
  requireStaff(c.get("user"));
  return c.json(await auditPage(c.get("deps").curation, c.req.valid("query")), 200);
};
