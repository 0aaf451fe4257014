/**
 * The closed set of domain errors. The HTTP layer maps each code to a status in one place
 * (src/http/problem.ts); use cases throw these and nothing else on purpose.
 */
export const ERROR_CODES = [
  "validation",
  "not_found",
  "conflict",
  "unauthenticated",
  "forbidden",
  "rate_limited",
  "gone",
  "unavailable",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldError {
  /** JSON pointer-like dotted path, e.g. "priorities.0.sector". */
  field: string;
  code: string;
  fr: string;
  en: string;
  /** Values the client could have meant (an ambiguous code's possible readings). */
  candidates?: string[];
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail: { fr: string; en: string },
    readonly fields: FieldError[] = [],
  ) {
    super(detail.en);
    this.name = "DomainError";
  }
}

export const notFound = (what: string) =>
  new DomainError("not_found", {
    fr: `${what} introuvable.`,
    en: `${what} not found.`,
  });
