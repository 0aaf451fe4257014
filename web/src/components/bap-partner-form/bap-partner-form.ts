import { LIMITS } from "../../lib/domain.js";
import { localCode } from "../../../../src/core/reference-codes.js";
import { html, nothing, type TemplateResult } from "lit";
import { customElement, property } from "lit/decorators.js";
import { repeat } from "lit/directives/repeat.js";
import { getLang, type MessageKey, t } from "../../i18n/index.js";
import {
  BUDGET_BANDS,
  COMMON_PARTNER_COUNTRIES,
  MODALITIES,
  PARTNER_LEVELS,
  SIZE_PREFERENCES,
} from "../../lib/domain.js";
import { fieldId, removeItem, replaceItem, toggle } from "../../lib/draft.js";
import { countryName } from "../../lib/format.js";
import {
  emptyOrigin,
  emptyPartnerDraft,
  FRENCH_KINDS,
  MAX_AREAS,
  PARTNER_DRAFT_KEY,
  PARTNER_STEPS,
  type PartnerDraft,
  partnerDraftToInput,
  partnerDraftToView,
  partnerToDraft,
  usesReference,
  validatePartnerDraft,
} from "../../lib/partner-draft.js";
import { pathFor } from "../../lib/routes.js";
import type { FrenchCollectivite, MaliUnit, PublicProfile } from "../../lib/types.js";
import { api, placeName, rememberUnit, taxonomy } from "../../state/app-state.js";
import { renderContactStep } from "../../view/contact-step.js";
import { choiceGroup, type ErrorMap, selectField, textField } from "../../view/form-kit.js";
import { GuidedFormController } from "../../controllers/guided-form-controller.js";
import type { EditTarget } from "../../controllers/draft-controller.js";
import { guidedFormStyles, renderGuidedForm } from "../../view/guided-form.js";
import { BapElement } from "../../state/app-controller.js";
import { baseStyles, formStyles } from "../../styles/shared.styles.js";
import "../bap-sign-in/bap-sign-in.js";
import "../bap-stepper/bap-stepper.js";
import {
  chosenReference,
  createdPanel,
  errorsUnder,
  labelFor,
  manualIdentityFields,
  modeChoice,
  presentationField,
  referenceSearch,
} from "../../view/identity-fields.js";
import { budgetLabel, levelLabel, modalityLabel, populationText, sizeLabel } from "../../view/labels.js";
import { maliFetcher } from "../../view/mali-options.js";
import type { AutocompleteFetcher, AutocompleteOption } from "../bap-autocomplete/bap-autocomplete.js";
import "../bap-autocomplete/bap-autocomplete.js";
import "../bap-partner-view/bap-partner-view.js";

declare global {
  interface HTMLElementTagNameMap {
    "bap-partner-form": BapPartnerForm;
  }
}

/** France first, then other countries whose collectivités cooperate with Mali. */
const COUNTRIES = [
  ...new Set([...COMMON_PARTNER_COUNTRIES, "CH", "LU", "NL", "GB", "US", "NE", "GN", "MR", "TN"]),
];

function frenchOption(c: FrenchCollectivite): AutocompleteOption<FrenchCollectivite> {
  const pop = populationText(c.population, "card.population");
  const dep = c.departementCode ? localCode(c.departementCode) : "";
  const where = [levelLabel(c.kind), dep ? `(${dep})` : "", c.regionName ?? ""].filter(Boolean).join(" · ");
  return {
    id: c.code,
    label: c.name,
    description: pop ? `${where} · ${pop}` : where,
    data: c,
  };
}

const FIELD_LABELS: [RegExp, MessageKey][] = [
  [/^collectivite\.refCode$/, "partner.frSearch"],
  [/^collectivite\.country$/, "partner.country"],
  [/^collectivite\.region/, "partner.regionName"],
  [/^themesSought/, "partner.themesSought"],
  [/^expertiseOffered/, "partner.expertise"],
  [/^offerDescription$/, "partner.offer"],
  [/^preferredAreas/, "partner.areas"],
  [/^diaspora/, "partner.diaspora"],
  [/^sizePreference$/, "partner.size"],
  [/^capacity\.budgetBand$/, "partner.budget"],
  [/^capacity\.staff$/, "partner.staff"],
  [/^capacity/, "partner.capacity"],
  [/^modalities/, "partner.modalities"],
  [/^currentTies/, "partner.ties"],
];

/** A partner collectivité (France or elsewhere) says what it seeks in Mali and what it offers. */
@customElement("bap-partner-form")
export class BapPartnerForm extends BapElement {
  static override styles = [baseStyles, formStyles, guidedFormStyles];

  private readonly form = new GuidedFormController<PartnerDraft>(this, {
    draftKey: PARTNER_DRAFT_KEY,
    steps: PARTNER_STEPS,
    empty: emptyPartnerDraft,
    fromProfile: (p) => (p.side === "partner" ? partnerToDraft(p, placeName) : emptyPartnerDraft()),
    validate: validatePartnerDraft,
    toInput: partnerDraftToInput,
    contactEmail: (d) => d.contact.email,
    createPath: pathFor({ name: "publish-partner" }),
    editing: () => this.editing,
  });

  @property({ attribute: false }) editing: EditTarget | null = null;

  override render() {
    return renderGuidedForm(this.form, {
      intro: this.renderIntro(),
      stepLabels: this.stepLabels(),
      step: (index, errors) => this.renderStep(index, errors),
      created: (p) => this.renderCreated(p),
      submitLabel: t("partner.submit"),
      fieldLabel: (path) => this.fieldLabel(path),
    });
  }
  private readonly franceFetcher: AutocompleteFetcher = async (q, signal) => {
    const { items } = await api.france(q, this.form.draft.referenceLevel || undefined, 8, { signal });
    return items.map(frenchOption);
  };
  private readonly areaFetcher = maliFetcher(() => undefined);

  private stepLabels(): string[] {
    return [
      t("partner.step.collectivite"),
      t("partner.step.offer"),
      t("partner.step.where"),
      t("partner.step.contact"),
      t("partner.step.preview"),
    ];
  }

  private fieldLabel(path: string): string {
    if (usesReference(this.form.draft) && path.startsWith("collectivite")) return t("partner.frSearch");
    return labelFor(path, FIELD_LABELS);
  }

  private renderIntro(): TemplateResult {
    return html`<h1>${t("partner.title")}</h1>
      <p class="lead">${t("partner.lead")}</p>`;
  }

  private renderCreated(p: PublicProfile): TemplateResult {
    return createdPanel({
      title: t("partner.created.title"),
      status: p.status,
      viewHref: pathFor({ name: "partner", id: p.id }),
      viewLabel: t("partner.created.view"),
      matchesHref: pathFor({ name: "matches", id: p.id }),
    });
  }

  private renderStep(index: number, errors: ErrorMap): TemplateResult {
    switch (index) {
      case 0:
        return this.renderCollectivite(errors);
      case 1:
        return this.renderOffer(errors);
      case 2:
        return this.renderWhere(errors);
      case 3:
        return renderContactStep(this.form.draft.contact, errors, (field, patch) =>
          this.form.edit([`contact.${field}`], (x) => ({ ...x, contact: { ...x.contact, ...patch } })),
        );
      default:
        return html`<p>${t("preview.intro")}</p>
          <div class="preview">
            <bap-partner-view heading-level="3" .profile=${partnerDraftToView(this.form.draft)}></bap-partner-view>
          </div>`;
    }
  }

  private renderCollectivite(errors: ErrorMap): TemplateResult {
    const d = this.form.draft;
    const lang = getLang();
    return html`
      ${selectField({
        path: "collectivite.country",
        label: t("partner.country"),
        value: d.country,
        options: COUNTRIES.map((c) => ({ value: c, label: countryName(c, lang) })),
        errors: errors["collectivite.country"],
        onChange: (v) => this.form.edit(["collectivite"], (x) => ({ ...x, country: v })),
      })}
      ${
        d.country === "FR"
          ? modeChoice(d.mode, (mode) => this.form.edit(["collectivite"], (x) => ({ ...x, mode })))
          : nothing
      }
      ${usesReference(d) ? this.renderReference(errorsUnder(errors, "collectivite")) : this.renderManual(errors)}
      ${presentationField(d.presentation, errors, (v) => this.form.edit(["presentation"], (x) => ({ ...x, presentation: v })))}
    `;
  }

  private renderReference(colErrors: string[]): TemplateResult {
    const d = this.form.draft;
    if (d.reference) {
      const c = d.reference;
      const pop = populationText(c.population, "view.population");
      return chosenReference({
        name: c.name,
        line: [levelLabel(c.kind), c.regionName, pop].filter(Boolean).join(" · "),
        errors: colErrors,
        onChange: () =>
          void this.form.editAndFocus(
            ["collectivite"],
            (x) => ({ ...x, reference: null }),
            "collectivite.refCode",
          ),
      });
    }
    return referenceSearch<(typeof FRENCH_KINDS)[number], FrenchCollectivite>({
      level: d.referenceLevel,
      levels: FRENCH_KINDS,
      anyLevel: t("partner.frLevel.any"),
      label: t("partner.frSearch"),
      errors: colErrors,
      fetcher: this.franceFetcher,
      onLevel: (referenceLevel) => this.form.edit([], (x) => ({ ...x, referenceLevel })),
      onSelect: (c) => this.form.edit(["collectivite"], (x) => ({ ...x, reference: c })),
    });
  }

  private renderManual(errors: ErrorMap): TemplateResult {
    const m = this.form.draft.manual;
    const set = (field: string, patch: Partial<PartnerDraft["manual"]>) =>
      this.form.edit([`collectivite.${field}`], (x) => ({ ...x, manual: { ...x.manual, ...patch } }));
    return html`
      ${manualIdentityFields({ value: m, levels: PARTNER_LEVELS, errors, set })}
      ${textField({
        path: "collectivite.regionName",
        label: t("partner.regionName"),
        value: m.regionName,
        maxlength: LIMITS.place,
        errors: errors["collectivite.regionName"],
        onInput: (v) => set("regionName", { regionName: v }),
      })}
    `;
  }

  private renderOffer(errors: ErrorMap): TemplateResult {
    const d = this.form.draft;
    const sectors = taxonomy().map((x) => ({ value: x.code, label: x[getLang()] }));
    return html`
      ${choiceGroup({
        path: "themesSought",
        legend: t("partner.themesSought"),
        hint: t("partner.themesSoughtHint"),
        type: "checkbox",
        required: true,
        columns: true,
        options: sectors,
        selected: d.themesSought,
        errors: errors.themesSought,
        onChange: (v, on) =>
          this.form.edit(["themesSought"], (x) => ({ ...x, themesSought: toggle(x.themesSought, v, on) })),
      })}
      ${choiceGroup({
        path: "expertiseOffered",
        legend: t("partner.expertise"),
        type: "checkbox",
        columns: true,
        options: sectors,
        selected: d.expertiseOffered,
        errors: errors.expertiseOffered,
        onChange: (v, on) =>
          this.form.edit(["expertiseOffered"], (x) => ({
            ...x,
            expertiseOffered: toggle(x.expertiseOffered, v, on),
          })),
      })}
      ${textField({
        path: "offerDescription",
        label: t("partner.offer"),
        hint: t("partner.offerHint"),
        value: d.offerDescription,
        multiline: true,
        rows: 4,
        maxlength: LIMITS.description,
        errors: errors.offerDescription,
        onInput: (v) => this.form.edit(["offerDescription"], (x) => ({ ...x, offerDescription: v })),
      })}
    `;
  }

  private renderWhere(errors: ErrorMap): TemplateResult {
    const d = this.form.draft;
    const areaErrors = errorsUnder(errors, "preferredAreas");
    return html`
      <fieldset id=${fieldId("preferredAreas")} tabindex="-1">
        <legend>${t("partner.areas")}</legend>
        <p class="hint">${t("partner.areasHint")}</p>
        ${
          d.preferredAreas.length > 0
            ? html`<ul class="chips">
              ${d.preferredAreas.map(
                (a, i) => html`<li class="chip">
                  ${a.name}
                  <button
                    class="link-button"
                    type="button"
                    aria-label=${t("partner.removeArea", { name: a.name })}
                    @click=${() =>
                      this.form.edit(["preferredAreas"], (x) => ({
                        ...x,
                        preferredAreas: removeItem(x.preferredAreas, i),
                      }))}
                  >
                    ✕
                  </button>
                </li>`,
              )}
            </ul>`
            : nothing
        }
        ${
          d.preferredAreas.length < MAX_AREAS
            ? html`<bap-autocomplete
              .label=${t("partner.areaSearch")}
              .error=${areaErrors.join(" ")}
              .fetcher=${this.areaFetcher}
              @bap-autocomplete-select=${(e: CustomEvent<{ option: AutocompleteOption }>) => {
                const u = e.detail.option.data as MaliUnit;
                rememberUnit(u);
                (e.target as { clear?: () => void }).clear?.();
                if (d.preferredAreas.some((a) => a.pcode === u.pcode)) return;
                this.form.edit(["preferredAreas"], (x) => ({
                  ...x,
                  preferredAreas: [...x.preferredAreas, { pcode: u.pcode, name: u.name, level: u.level }],
                }));
              }}
            ></bap-autocomplete>`
            : nothing
        }
      </fieldset>
      ${this.renderOrigins(errors)}
      ${choiceGroup({
        path: "sizePreference",
        legend: t("partner.size"),
        type: "radio",
        options: SIZE_PREFERENCES.map((x) => ({ value: x, label: sizeLabel(x) })),
        selected: [d.sizePreference],
        errors: errors.sizePreference,
        onChange: (v) =>
          this.form.edit(["sizePreference"], (x) => ({
            ...x,
            sizePreference: v as PartnerDraft["sizePreference"],
          })),
      })}
      <fieldset>
        <legend>${t("partner.capacity")}</legend>
        <div class="row">
          ${selectField({
            path: "capacity.budgetBand",
            label: t("partner.budget"),
            value: d.capacity.budgetBand,
            options: BUDGET_BANDS.map((b) => ({ value: b, label: budgetLabel(b) })),
            errors: errors["capacity.budgetBand"],
            onChange: (v) =>
              this.form.edit(["capacity.budgetBand"], (x) => ({
                ...x,
                capacity: { ...x.capacity, budgetBand: v as PartnerDraft["capacity"]["budgetBand"] },
              })),
          })}
          ${textField({
            path: "capacity.staff",
            label: t("partner.staff"),
            value: d.capacity.staff,
            type: "number",
            inputmode: "numeric",
            min: 0,
            errors: errors["capacity.staff"],
            onInput: (v) =>
              this.form.edit(["capacity.staff"], (x) => ({ ...x, capacity: { ...x.capacity, staff: v } })),
          })}
        </div>
        ${choiceGroup({
          path: "capacity.cofunding",
          legend: t("view.capacity.cofunding"),
          type: "checkbox",
          options: [{ value: "yes", label: t("partner.cofunding") }],
          selected: d.capacity.cofunding ? ["yes"] : [],
          onChange: (_v, on) =>
            this.form.edit(["capacity.cofunding"], (x) => ({
              ...x,
              capacity: { ...x.capacity, cofunding: on },
            })),
        })}
      </fieldset>
      ${choiceGroup({
        path: "modalities",
        legend: t("partner.modalities"),
        type: "checkbox",
        options: MODALITIES.map((m) => ({
          value: m,
          label: modalityLabel(m),
          hint: t(`modality.${m}.hint` as MessageKey),
        })),
        selected: d.modalities,
        errors: errors.modalities,
        onChange: (v, on) =>
          this.form.edit(["modalities"], (x) => ({ ...x, modalities: toggle(x.modalities, v, on) })),
      })}
      ${textField({
        path: "currentTies",
        label: t("partner.ties"),
        hint: t("form.lines.hint"),
        value: d.currentTies,
        multiline: true,
        rows: 3,
        errors: errorsUnder(errors, "currentTies"),
        onInput: (v) => this.form.edit(["currentTies"], (x) => ({ ...x, currentTies: v })),
      })}
    `;
  }

  private renderOrigins(errors: ErrorMap): TemplateResult {
    const d = this.form.draft;
    const set = (i: number, field: string, patch: Partial<PartnerDraft["diaspora"][number]>) =>
      this.form.edit([`diaspora.${i}.${field}`], (x) => ({
        ...x,
        diaspora: replaceItem(x.diaspora, i, patch),
      }));
    return html`<fieldset id=${fieldId("diaspora")} tabindex="-1">
      <legend>${t("partner.diaspora")}</legend>
      <p class="hint">${t("partner.diasporaHint")}</p>
      ${repeat(
        d.diaspora,
        (o) => o.key,
        (o, i) => html`<fieldset class="item" id=${fieldId(`diaspora.${i}`)} tabindex="-1">
          <legend>${t("partner.diasporaItem", { n: i + 1 })}</legend>
          ${
            o.originCode
              ? html`<div class="chosen">
                <p><span class="muted">${t("partner.diasporaOrigin")}</span><br /><strong>${o.originName}</strong></p>
                <button
                  class="button secondary small"
                  type="button"
                  @click=${() => set(i, "originCode", { originCode: "", originName: "" })}
                >
                  ${t("form.change")}
                </button>
              </div>`
              : html`<bap-autocomplete
                id=${fieldId(`diaspora.${i}.originCode`)}
                .label=${t("partner.diasporaOrigin")}
                .error=${(errors[`diaspora.${i}.originCode`] ?? []).join(" ")}
                .fetcher=${this.areaFetcher}
                @bap-autocomplete-select=${(e: CustomEvent<{ option: AutocompleteOption }>) => {
                  const u = e.detail.option.data as MaliUnit;
                  rememberUnit(u);
                  set(i, "originCode", { originCode: u.pcode, originName: u.name });
                }}
              ></bap-autocomplete>`
          }
          ${textField({
            path: `diaspora.${i}.association`,
            label: t("partner.diasporaAssociation"),
            value: o.association,
            maxlength: LIMITS.association,
            errors: errors[`diaspora.${i}.association`],
            onInput: (v) => set(i, "association", { association: v }),
          })}
          <button
            class="button secondary small"
            type="button"
            @click=${() => this.form.edit(["diaspora"], (x) => ({ ...x, diaspora: removeItem(x.diaspora, i) }))}
          >
            ✕ ${t("partner.diasporaRemove", { n: i + 1 })}
          </button>
        </fieldset>`,
      )}
      <button
        class="button secondary small"
        type="button"
        @click=${() => this.form.edit([], (x) => ({ ...x, diaspora: [...x.diaspora, emptyOrigin()] }))}
      >
        + ${t("partner.diasporaAdd")}
      </button>
    </fieldset>`;
  }
}
