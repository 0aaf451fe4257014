import type { Clock } from "../ports.js";
import type { Mailer, OutboxStore } from "../ports-curation.js";
import { SerialRunner } from "./serial.js";

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

/**
 * Deliver what is due. A message is marked sent only after the server accepted it, and
 * only once (the store's mark is conditional); an error schedules a retry with backoff and
 * after MAX_ATTEMPTS leaves it "failed", visible to staff, who can retry it.
 */
export async function deliverDue(
  outbox: OutboxStore,
  mailer: Mailer,
  clock: Clock,
  from: string,
  limit = 50,
): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retried: 0, failed: 0 };
  const due = await outbox.due(clock.now().toISOString(), limit);
  for (const message of due) {
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

  constructor(
    outbox: OutboxStore,
    mailer: Mailer,
    clock: Clock,
    from: string,
    log: (m: string) => void = () => {},
  ) {
    this.runner = new SerialRunner(
      async () => {
        const result = await deliverDue(outbox, mailer, clock, from);
        const failed = result.retried + result.failed > 0;
        if (failed) log(`delivery failed, will retry (${mailer.description})`);
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
