export type OutboxStatus = "pending" | "sent" | "failed";

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

export interface OutboxMessage extends MailContent {
  id: string;
  kind: string;
  to: string[];
  headers: Record<string, string>;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}
