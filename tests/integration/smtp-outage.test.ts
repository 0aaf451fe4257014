import { afterAll, describe, expect, it } from "vitest";
import { requestLogin } from "../../src/core/services/auth.js";
import { startTestRuntime, TestClock, type TestRuntime } from "../helpers/runtime.js";
import { TestSmtp } from "../helpers/smtp.js";

/**
 * The SMTP server goes away mid-way: nothing is lost, nothing is sent twice, failures are
 * visible to staff, and a restart of our server does not send anything again.
 */
let smtp: TestSmtp | null = null;
let rt: TestRuntime | null = null;

afterAll(async () => {
  await rt?.close();
  await smtp?.stop();
});

const addresses = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, i) => `person${from + i}@example.org`);

async function until(cond: () => Promise<boolean> | boolean, ms = 15_000) {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("SMTP outage", () => {
  it("loses nothing and sends nothing twice", async () => {
    smtp = await TestSmtp.start();
    const clock = new TestClock();
    // A long interval: the test drives delivery itself.
    rt = await startTestRuntime({ clock, env: { SMTP_URL: smtp.url, OUTBOX_INTERVAL_SECONDS: "3600" } });
    const deps = rt.deps.curation;

    for (const email of addresses(0, 3)) await requestLogin(deps, { email, language: "fr" });
    await until(() => smtp?.received.length === 3);

    await smtp.stop();
    for (const email of addresses(3, 6)) await requestLogin(deps, { email, language: "en" });
    await rt.outboxSender.kick();
    const counts = await deps.outbox.counts();
    expect(counts).toEqual({ sent: 3, pending: 3, failed: 0 });
    const pending = await deps.outbox.list({ status: "pending", limit: 10, offset: 0 });
    expect(pending.items.some((m) => m.attempts === 1 && m.lastError !== null)).toBe(true);

    // Our server restarts while the mail server is still down; then the mail server returns.
    rt = await rt.restart();
    await smtp.listen();
    clock.advance(3_600_000);
    await rt.outboxSender.kick();
    await until(() => smtp?.received.length === 6);
    await rt.outboxSender.kick();
    rt = await rt.restart();
    await rt.outboxSender.kick();
    await new Promise((r) => setTimeout(r, 300));

    const got = smtp.received.flatMap((m) => m.to).sort();
    expect(got).toEqual(addresses(0, 6).sort());
    expect(new Set(smtp.received.map((m) => m.messageId)).size).toBe(6);
    expect(await rt.deps.curation.outbox.counts()).toEqual({ sent: 6, pending: 0, failed: 0 });
    expect(smtp.received.filter((m) => /sign-in link/.test(m.subject))).toHaveLength(3);
  });
});
