import { DomainError } from "../errors.js";
import type { Clock } from "../ports.js";
import type { Mailer, OutboxStore, UnitOfWork } from "../ports-curation.js";
import { SerialRunner } from "./serial.js";

/** How long a sender holds a message it is delivering; past it, another sender may take it. */
export const CLAIM_MS = 5 * 60_000;

export interface DeliveryDeps {
  outbox: OutboxStore;
  uow: UnitOfWork;
  mailer: Mailer;
  clock: Clock;
  from: string;
  /** This sender instance (host, process…), as the entry names it. */
  owner: string;
}

export const MAX_ATTEMPTS = 8;

/** Exponential backoff: 5 s, 10 s, 20 s … capped at one hour. */
export function backoffMs(attempts: number): number {
  return Math.min(3_600_000, 5_000 * 2 ** Math.max(0, attempts - 1));
}

export interface DeliveryReport {
  sent: number;
  retried: number;
  failed: number;
}

/** Claim one message for this sender; false when another sender holds it or it was sent. */
async function claim(d: DeliveryDeps, id: string): Promise<boolean> {
  const now = d.clock.now();
  const until = new Date(now.getTime() + CLAIM_MS).toISOString();
  try {
    await d.uow.commit(
      { claimOutbox: [{ id, owner: d.owner, until, now: now.toISOString() }] },
      now.toISOString(),
    );
    return true;
  } catch (err) {
    if (err instanceof DomainError && err.code === "conflict") return false;
    throw err;
  }
}

/**
 * Deliver what is due. Each message is first claimed by this sender (a guarded statement),
 * so two instances never send it at once; it is marked sent only after the server accepted
 * it, and only once (the store's mark is conditional). An error schedules a retry with
 * backoff and after MAX_ATTEMPTS leaves it "failed", visible to staff, who can retry it.
 * The one window left (accepted by the server, not yet marked) is covered by the message's
 * stable Message-ID.
 */
export async function deliverDue(d: DeliveryDeps, limit = 50): Promise<DeliveryReport> {
  const { outbox, mailer, clock, from } = d;
  const report: DeliveryReport = { sent: 0, retried: 0, failed: 0 };
  const due = await outbox.due(clock.now().toISOString(), limit);
  for (const message of due) {
    if (!(await claim(d, message.id))) continue;
    try {
      await mailer.send(message, from);
      if (await outbox.markSent(message.id, clock.now().toISOString())) report.sent++;
    } catch (err) {
      const attempts = message.attempts + 1;
      const failed = attempts >= MAX_ATTEMPTS;
      const next = new Date(clock.now().getTime() + backoffMs(attempts)).toISOString();
      await outbox.markAttemptFailed(
        message.id,
        err instanceof Error ? err.message : String(err),
        next,
        failed,
      );
      if (failed) report.failed++;
      else report.retried++;
      // The server is likely down: leave the rest for the next round rather than hammer it.
      break;
    }
  }
  return report;
}

/** Serialises delivery rounds: a kick during a round asks for one more round. */
export class OutboxSender {
  private readonly runner: SerialRunner<DeliveryReport>;

  constructor(deps: DeliveryDeps, log: (m: string) => void = () => {}) {
    this.runner = new SerialRunner(
      async () => {
        const result = await deliverDue(deps);
        const failed = result.retried + result.failed > 0;
        if (failed) log(`delivery failed, will retry (${deps.mailer.description})`);
        return { result, more: result.sent > 0, failed };
      },
      (acc, r) => ({
        sent: (acc?.sent ?? 0) + r.sent,
        retried: (acc?.retried ?? 0) + r.retried,
        failed: (acc?.failed ?? 0) + r.failed,
      }),
    );
  }

  kick(): Promise<DeliveryReport> {
    return this.runner.run();
  }
}
