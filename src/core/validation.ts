import type { z } from "zod";
import { DomainError, type FieldError } from "./errors.js";
import { describeIssue } from "./messages/issues.js";

/** Parse or throw a DomainError("validation") that names every bad field in French and English. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw validationError(result.error.issues);
}

export function validationError(issues: readonly z.core.$ZodIssue[]): DomainError {
  const fields: FieldError[] = issues.flatMap((issue) => {
    // Unknown keys are reported once per key, so that each bad field has its own line.
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({
        field: [...issue.path, key].join("."),
        code: "unrecognized_key",
        ...describeIssue(issue),
      }));
    }
    return [{ field: issue.path.join(".") || "(body)", code: issue.code, ...describeIssue(issue) }];
  });
  return DomainError.validation("request.invalid_fields", fields, { count: fields.length });
}
