import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { DomainError, type ErrorCode, type FieldError } from "../core/errors.js";

/** The one place where domain error codes become HTTP statuses. */
const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  rate_limited: 429,
  unavailable: 503,
};

const TITLES: Record<ErrorCode, { fr: string; en: string }> = {
  validation: { fr: "Données invalides", en: "Invalid data" },
  unauthenticated: { fr: "Connexion requise", en: "Sign-in required" },
  forbidden: { fr: "Action non autorisée", en: "Forbidden" },
  not_found: { fr: "Introuvable", en: "Not found" },
  conflict: { fr: "Conflit", en: "Conflict" },
  gone: { fr: "Lien expiré ou déjà utilisé", en: "Link expired or already used" },
  rate_limited: { fr: "Trop de demandes", en: "Too many requests" },
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

/** Pick French unless the client asks for English first. */
export function requestLang(c: Context): "fr" | "en" {
  const q = c.req.query("lang");
  if (q === "en" || q === "fr") return q;
  const accept = c.req.header("accept-language") ?? "";
  const first = accept.split(",")[0]?.trim().toLowerCase() ?? "";
  return first.startsWith("en") ? "en" : "fr";
}

export function problemResponse(c: Context, err: DomainError): Response {
  const status = STATUS[err.code];
  const lang = requestLang(c);
  const body: Problem = {
    type: `https://bourse-aux-partenaires.example/problems/${err.code}`,
    title: TITLES[err.code][lang],
    status,
    detail: err.detail[lang],
    code: err.code,
    title_fr: TITLES[err.code].fr,
    detail_fr: err.detail.fr,
    instance: c.req.path,
    ...(err.fields.length > 0 ? { errors: err.fields } : {}),
  };
  return c.body(JSON.stringify(body), status, { "content-type": "application/problem+json" });
}

/** Hono's own exceptions (malformed JSON, body too large…) become problems too. */
export function toDomainError(err: unknown): DomainError | null {
  if (err instanceof DomainError) return err;
  if (err instanceof HTTPException) {
    if (err.status === 413) {
      return new DomainError("validation", {
        fr: "Requête trop volumineuse.",
        en: "Request body too large.",
      });
    }
    if (err.status === 400) {
      return new DomainError(
        "validation",
        { fr: "Corps de requête illisible (JSON attendu).", en: "Unreadable request body (JSON expected)." },
        [{ field: "(body)", code: "malformed", fr: "JSON invalide.", en: "Malformed JSON." }],
      );
    }
  }
  return null;
}
