import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { freePort } from "../../src/adapters/meilisearch/local-server.js";

export interface Received {
  messageId: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** Header lines as received, e.g. "List-Unsubscribe: <…>". */
  rawHeaders: string;
}

/** A real SMTP server inside the test process; it can be stopped and started again on its port. */
export class TestSmtp {
  readonly received: Received[] = [];
  private server: SMTPServer | null = null;

  private constructor(readonly port: number) {}

  static async start(): Promise<TestSmtp> {
    const s = new TestSmtp(await freePort());
    await s.listen();
    return s;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async listen(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            const to = (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((a) =>
              a.value.map((v) => v.address ?? ""),
            );
            this.received.push({
              messageId: mail.messageId ?? "",
              to,
              subject: mail.subject ?? "",
              text: mail.text ?? "",
              html: typeof mail.html === "string" ? mail.html : "",
              rawHeaders: mail.headerLines.map((h) => h.line.replace(/\r?\n\s+/g, " ")).join("\n"),
            });
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.port, "127.0.0.1", () => resolve());
    });
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Wait until a message matching `pred` has arrived. */
  async waitFor(pred: (m: Received) => boolean, timeoutMs = 15_000): Promise<Received> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const m = this.received.find(pred);
      if (m) return m;
      if (Date.now() > deadline) {
        throw new Error(
          `no matching e-mail within ${timeoutMs} ms; got: ${this.received.map((r) => `${r.to.join(",")}: ${r.subject}`).join(" | ")}`,
        );
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  link(m: Received, purpose: string): string {
    const found = new RegExp(`(https?://[^\\s]+/t/${purpose}/[A-Za-z0-9_.-]+)`).exec(m.text);
    if (!found?.[1]) throw new Error(`no ${purpose} link in "${m.subject}"`);
    return found[1];
  }
}
