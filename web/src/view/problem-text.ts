import { t } from "../i18n/index.js";
import type { Problem } from "../lib/api.js";

/** A sentence for an API failure, in the reader's language. */
export function problemText(p: Problem): string {
  if (p.code === "network") return t("error.network");
  if (p.code === "not_found") return t("error.notFound");
  if (p.status >= 500 || p.code === "unavailable") return t("error.unavailable");
  // Other details come back in the language sent as Accept-Language with the request.
  return p.detail || t("error.generic");
}
