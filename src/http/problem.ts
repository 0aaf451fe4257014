import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { DomainError, type ErrorCode, type FieldError, fieldError } from "../core/errors.js";
import { type MessageArgs, type MessageKey, type Text, text } from "../core/messages/catalogue.js";

/** A body over the limit: a 400 naming the body, as the web app expects. */
export const bodyTooLarge = () =>
  DomainError.validation("request.body_too_large", [
    fieldError("(body)", "too_large", "field.body_too_large"),
  ]);

/** The catch-all for a fault of the server itself. */
export const internalError = () => DomainError.of("unavailable", "server.internal");

/** Errors of the HTTP exchange itself, which no use case raises: the request cannot be read. */
export const TRANSPORT_CODES = [
  "unsupported_media_type",
  "uri_too_long",
  "headers_too_large",
  "malformed_request",
  "request_timeout",
] as const;
export type TransportCode = (typeof TRANSPORT_CODES)[number];
export type ProblemCode = ErrorCode | TransportCode;

/** What a problem is made of: a domain error, or a transport one. */
export interface ProblemSource {
  code: ProblemCode;
  detail: { fr: string; en: string };
  fields: readonly FieldError[];
}

/** A request the HTTP layer cannot read; the counterpart of DomainError for the transport. */
export class TransportError extends Error implements ProblemSource {
  constructor(
    readonly code: TransportCode,
    readonly detail: Text,
    readonly fields: FieldError[] = [],
  ) {
    super(detail.en);
    this.name = "TransportError";
  }

  static of<K extends MessageKey>(code: TransportCode, key: K, ...args: MessageArgs<K>): TransportError {
    return new TransportError(code, text(key, ...args));
  }
}

/** The one place where error codes become HTTP statuses. */
const STATUS: Record<ProblemCode, ContentfulStatusCode> = {
  validation: 400,
  malformed_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  request_timeout: 408,
  conflict: 409,
  gone: 410,
  uri_too_long: 414,
  unsupported_media_type: 415,
  rate_limited: 429,
  headers_too_large: 431,
  unavailable: 503,
};

const TITLES: Record<ProblemCode, { fr: string; en: string }> = {
  validation: { fr: "Données invalides", en: "Invalid data" },
  malformed_request: { fr: "Requête illisible", en: "Malformed request" },
  unauthenticated: { fr: "Connexion requise", en: "Sign-in required" },
  forbidden: { fr: "Action non autorisée", en: "Forbidden" },
  not_found: { fr: "Introuvable", en: "Not found" },
  request_timeout: { fr: "Requête trop lente", en: "Request timeout" },
  conflict: { fr: "Conflit", en: "Conflict" },
  gone: { fr: "Lien expiré ou déjà utilisé", en: "Link expired or already used" },
  uri_too_long: { fr: "Adresse trop longue", en: "URI too long" },
  unsupported_media_type: { fr: "Type de contenu non accepté", en: "Unsupported media type" },
  rate_limited: { fr: "Trop de demandes", en: "Too many requests" },
  headers_too_large: { fr: "En-têtes trop volumineux", en: "Request header fields too large" },
  unavailable: { fr: "Service momentanément indisponible", en: "Service temporarily unavailable" },
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  title_fr: string;
  detail_fr: string;
  errors?: FieldError[];
  instance?: string;
}

/** The HTTP status of a problem code. */
export const statusOf = (code: ProblemCode): ContentfulStatusCode => STATUS[code];

/** Pick French unless the client asks for English first. */
export function requestLang(c: Context): "fr" | "en" {
  const q = c.req.query("lang");
  if (q === "en" || q === "fr") return q;
  const accept = c.req.header("accept-language") ?? "";
  const first = accept.split(",")[0]?.trim().toLowerCase() ?? "";
  return first.startsWith("en") ? "en" : "fr";
}

/**
 * The problem document for `err`, in `lang` with the French beside it. Also used where no
 * Hono context exists (Node's own parse errors, before any request object).
 */
export function problemBody(
  err: ProblemSource,
  lang: "fr" | "en",
  instance?: string,
): { status: ContentfulStatusCode; body: string } {
  const status = STATUS[err.code];
  const body: Problem = {
    type: `https://bourse-aux-partenaires.example/problems/${err.code}`,
    title: TITLES[err.code][lang],
    status,
    detail: err.detail[lang],
    code: err.code,
    title_fr: TITLES[err.code].fr,
    detail_fr: err.detail.fr,
    ...(instance === undefined ? {} : { instance }),
    ...(err.fields.length > 0 ? { errors: [...err.fields] } : {}),
  };
  return { status, body: JSON.stringify(body) };
}

export function problemResponse(c: Context, err: ProblemSource): Response {
  const { status, body } = problemBody(err, requestLang(c), c.req.path);
  return c.body(body, status, { "content-type": "application/problem+json" });
}

const unsupportedMediaType = () =>
  new TransportError("unsupported_media_type", text("request.unsupported_media_type"), [
    fieldError("content-type", "unsupported", "field.content_type"),
  ]);

/**
 * Any error a client caused, as a problem; null for a fault of the server. Hono's own
 * exceptions (malformed JSON, body too large, a content type the route does not read) are the
 * client's; any other 4xx Hono raises is a request we cannot read.
 */
export function toProblem(err: unknown): ProblemSource | null {
  if (err instanceof DomainError || err instanceof TransportError) return err;
  if (!(err instanceof HTTPException) || err.status < 400 || err.status >= 500) return null;
  switch (err.status) {
    case 413:
      return bodyTooLarge();
    case 415:
      return unsupportedMediaType();
    case 400:
      return DomainError.validation("request.malformed_json", [
        fieldError("(body)", "malformed", "field.body_malformed"),
      ]);
    default:
      return TransportError.of("malformed_request", "request.malformed");
  }
}
