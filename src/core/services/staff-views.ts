import { DomainError } from "../errors.js";
import type { ProfileStore } from "../ports.js";
import type { CurationStore, OutboxStore } from "../ports-curation.js";
import type { User } from "../schemas/account.js";
import {
  type Board,
  type InterestQueue,
  type Interest,
  PHASES,
  type Phase,
} from "../schemas/introduction.js";
import type { OutboxPage, OutboxStatus } from "../schemas/mail.js";
import { auditEntry, type CurationDeps, commit } from "./curation-deps.js";

/** Names of the profiles behind a list of ids, read once. */
async function namesOf(
  store: Pick<ProfileStore, "getMany">,
  ids: Iterable<string>,
): Promise<Map<string, string>> {
  const profiles = await store.getMany([...new Set(ids)]);
  return new Map(profiles.map((p) => [p.id, p.collectivite.name]));
}

/** The pipeline board: every phase in order, each with its introductions and both names. */
export async function pipelineBoard(
  ctx: { curation: Pick<CurationStore, "introductions">; store: Pick<ProfileStore, "getMany"> },
  phase?: Phase,
): Promise<Board> {
  const items = await ctx.curation.introductions({ phase });
  const names = await namesOf(
    ctx.store,
    items.flatMap((i) => [i.maliId, i.partnerId]),
  );
  const byPhase = Object.fromEntries(
    PHASES.map((p) => [p, [] as Board["byPhase"][Phase]]),
  ) as Board["byPhase"];
  for (const i of items) {
    byPhase[i.phase].push({ ...i, maliName: names.get(i.maliId), partnerName: names.get(i.partnerId) });
  }
  return { phases: [...PHASES], byPhase };
}

/** Expressions of interest of a status, with both collectivités' names. */
export async function interestQueue(
  ctx: { curation: Pick<CurationStore, "interests">; store: Pick<ProfileStore, "getMany"> },
  status: Interest["status"],
): Promise<InterestQueue> {
  const interests = await ctx.curation.interests(status);
  const names = await namesOf(
    ctx.store,
    interests.flatMap((i) => [i.plancheId, i.partnerId]),
  );
  return {
    items: interests.map((i) => ({
      ...i,
      plancheName: names.get(i.plancheId),
      partnerName: names.get(i.partnerId),
    })),
  };
}

/** The outbox as staff see it: status and counts, never a body (it may hold someone's single-use link). */
export async function outboxPage(
  ctx: { outbox: Pick<OutboxStore, "list" | "counts"> },
  q: { status?: OutboxStatus; limit: number; offset: number },
): Promise<OutboxPage> {
  const [page, counts] = await Promise.all([ctx.outbox.list(q), ctx.outbox.counts()]);
  const items = page.items.map(({ text: _t, html: _h, headers: _x, ...meta }) => meta);
  return { items, total: page.total, limit: q.limit, offset: q.offset, counts };
}

/** Put a failed message back in the sending queue, audited. */
export async function retryFailedMessage(
  ctx: Pick<CurationDeps, "outbox" | "uow" | "clock" | "newId" | "afterCommit">,
  staff: User,
  id: string,
): Promise<void> {
  if (!(await ctx.outbox.retry(id, ctx.clock.now().toISOString()))) {
    throw DomainError.notFound("outbox.failed_not_found");
  }
  await commit(ctx, { audit: [auditEntry(ctx, staff, "outbox.retry", "outbox", id)] });
}

export async function auditPage(
  ctx: { curation: Pick<CurationStore, "audit"> },
  q: { limit: number; offset: number },
) {
  return { ...(await ctx.curation.audit(q.limit, q.offset)), ...q };
}
