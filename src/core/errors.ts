import type { FieldError } from "./schemas/problem.js";
import { type MessageArgs, type MessageKey, type Text, text } from "./messages/catalogue.js";

/**
 * The closed set of domain errors. The HTTP layer maps each code to a status in one place
 * (src/http/problem.ts); use cases throw these and nothing else on purpose. What an error
 * says is a key of the message catalogue (src/core/messages/catalogue.ts) with its parameters.
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

export type { FieldError };

/** A field error worded by the catalogue. */
export function fieldError<K extends MessageKey>(
  field: string,
  code: string,
  key: K,
  ...args: MessageArgs<K>
): FieldError {
  return { field, code, ...text(key, ...args) };
}

export class DomainError extends Error {
  readonly detail: Text;

  constructor(
    readonly code: ErrorCode,
    detail: Text,
    readonly fields: FieldError[] = [],
  ) {
    super(detail.en);
    this.name = "DomainError";
    this.detail = detail;
  }

  static of<K extends MessageKey>(code: ErrorCode, key: K, ...args: MessageArgs<K>): DomainError {
    return new DomainError(code, text(key, ...args));
  }
  static validation<K extends MessageKey>(
    key: K,
    fields: FieldError[],
    ...args: MessageArgs<K>
  ): DomainError {
    return new DomainError("validation", text(key, ...args), fields);
  }
  static notFound<K extends MessageKey>(key: K, ...args: MessageArgs<K>): DomainError {
    return DomainError.of("not_found", key, ...args);
  }
  static conflict<K extends MessageKey>(key: K, ...args: MessageArgs<K>): DomainError {
    return DomainError.of("conflict", key, ...args);
  }
  static gone<K extends MessageKey>(key: K, ...args: MessageArgs<K>): DomainError {
    return DomainError.of("gone", key, ...args);
  }
  static forbidden<K extends MessageKey>(
    key: K,
    fields: FieldError[] = [],
    ...args: MessageArgs<K>
  ): DomainError {
    return new DomainError("forbidden", text(key, ...args), fields);
  }
}
