import { LIMITS } from "../lib/domain.js";
import { html, type TemplateResult } from "lit";
import { t } from "../i18n/index.js";
import type { ContactDraft } from "../lib/draft.js";
import { type ErrorMap, selectField, textField } from "./form-kit.js";

/** Step "contact", shared with the partner form: private details, said so before any field. */
export function renderContactStep(
  c: ContactDraft,
  errors: ErrorMap,
  set: (field: string, patch: Partial<ContactDraft>) => void,
): TemplateResult {
  return html`
    <p class="note" id="contact-private">${t("contact.private")}</p>
    ${textField({
      path: "contact.name",
      label: t("contact.name"),
      value: c.name,
      required: true,
      autocomplete: "name",
      maxlength: LIMITS.name.max,
      errors: errors["contact.name"],
      onInput: (v) => set("name", { name: v }),
    })}
    ${textField({
      path: "contact.role",
      label: t("contact.role"),
      value: c.role,
      autocomplete: "organization-title",
      maxlength: LIMITS.role,
      errors: errors["contact.role"],
      onInput: (v) => set("role", { role: v }),
    })}
    <div class="row">
      ${textField({
        path: "contact.email",
        label: t("contact.email"),
        value: c.email,
        type: "email",
        required: true,
        autocomplete: "email",
        inputmode: "email",
        maxlength: LIMITS.email,
        errors: errors["contact.email"],
        onInput: (v) => set("email", { email: v }),
      })}
      ${textField({
        path: "contact.phone",
        label: t("contact.phone"),
        hint: t("contact.phoneHint"),
        value: c.phone,
        type: "tel",
        autocomplete: "tel",
        inputmode: "tel",
        maxlength: LIMITS.phone,
        errors: errors["contact.phone"],
        onInput: (v) => set("phone", { phone: v }),
      })}
    </div>
    ${selectField({
      path: "contact.language",
      label: t("contact.language"),
      value: c.language,
      options: [
        { value: "fr", label: t("app.lang.fr") },
        { value: "en", label: t("app.lang.en") },
      ],
      errors: errors["contact.language"],
      onChange: (v) => set("language", { language: v === "en" ? "en" : "fr" }),
    })}
  `;
}
