import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import type { Mailer } from "../../core/ports-curation.js";
import type { OutboxMessage } from "../../core/schemas/mail.js";

/** A stable Message-ID per outbox row lets receivers drop a duplicate after a crash. */
const messageId = (m: OutboxMessage) => `<${m.id}@bourse-aux-partenaires>`;

function envelope(m: OutboxMessage, from: string) {
  return {
    from,
    to: m.to.join(", "),
    subject: m.subject,
    text: m.text,
    html: m.html,
    messageId: messageId(m),
    date: new Date(m.createdAt),
    headers: m.headers,
  };
}

/** SMTP delivery through nodemailer (SMTP_URL, e.g. smtp://user:pass@host:587). */
export class NodemailerMailer implements Mailer {
  private readonly transport: Transporter;
  readonly description: string;

  constructor(smtpUrl: string) {
    const url = new URL(smtpUrl);
    this.description = `SMTP ${url.hostname}:${url.port || "25"}`;
    this.transport = nodemailer.createTransport(smtpUrl, {
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    } as never);
  }

  async send(m: OutboxMessage, from: string): Promise<void> {
    await this.transport.sendMail(envelope(m, from));
  }
}

/**
 * No SMTP configured: each message becomes an .eml file under DATA_DIR/outbox, and a log
 * line says so, so that nothing is silently dropped in development.
 */
export class FileMailer implements Mailer {
  private readonly transport = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: "unix",
  });
  readonly description: string;

  constructor(
    private readonly dir: string,
    private readonly log: (line: string) => void = console.log,
  ) {
    this.description = `files in ${dir}`;
    mkdirSync(dir, { recursive: true });
  }

  async send(m: OutboxMessage, from: string): Promise<void> {
    const info = await this.transport.sendMail(envelope(m, from));
    const file = join(this.dir, `${m.createdAt.replace(/[:.]/g, "-")}-${m.kind}-${m.id}.eml`);
    writeFileSync(file, info.message as Buffer);
    this.log(`[mail] no SMTP configured: "${m.subject}" to ${m.to.join(", ")} written to ${file}`);
  }
}
