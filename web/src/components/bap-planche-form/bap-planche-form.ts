import { LIMITS } from "../../lib/domain.js";
import { html, nothing, type TemplateResult } from "lit";
import { customElement, property } from "lit/decorators.js";
import { repeat } from "lit/directives/repeat.js";
import { getLang, type MessageKey, t } from "../../i18n/index.js";
import {
  COMMON_PARTNER_COUNTRIES,
  MALI_LEVELS,
  MODALITIES,
  PARTNER_LEVELS,
  SIZE_PREFERENCES,
} from "../../lib/domain.js";
import { fieldId, moveItem, removeItem, replaceItem, toggle } from "../../lib/draft.js";
import { countryName } from "../../lib/format.js";
import {
  emptyDiaspora,
  emptyPlancheDraft,
  emptyPriority,
  MAX_DIASPORA,
  type MaliLevel,
  MAX_PRIORITIES,
  type PlancheDraft,
  PLANCHE_DRAFT_KEY,
  PLANCHE_STEPS,
  plancheDraftToInput,
  plancheDraftToView,
  plancheToDraft,
  prioritySectors,
  validatePlancheDraft,
} from "../../lib/planche-draft.js";
import { pathFor } from "../../lib/routes.js";
import type { MaliUnit, PublicProfile } from "../../lib/types.js";
import { rememberUnit, taxonomy } from "../../state/app-state.js";
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
import { levelLabel, modalityLabel, placeLine, populationText, sizeLabel } from "../../view/labels.js";
import { maliFetcher } from "../../view/mali-options.js";
import type { AutocompleteOption } from "../bap-autocomplete/bap-autocomplete.js";
import "../bap-autocomplete/bap-autocomplete.js";
import "../bap-planche-view/bap-planche-view.js";

declare global {
  interface HTMLElementTagNameMap {
    "bap-planche-form": BapPlancheForm;
  }
}

const FIELD_LABELS: [RegExp, MessageKey][] = [
  [/^collectivite\.refCode$/, "col.search.label"],
  [/^collectivite\.country$/, "col.name"],
  [/^collectivite\.region/, "col.region"],
  [/^collectivite\.cercle/, "col.cercle"],
  [/^pdesc\.start$/, "prio.pdesc.start"],
  [/^pdesc/, "prio.pdesc.end"],
  [/^priorities$/, "prio.list"],
  [/^assets$/, "prio.assets"],
  [/^partnerSought\.description$/, "sought.description"],
  [/^partnerSought\.themes/, "sought.themes"],
  [/^partnerSought\.levels/, "sought.levels"],
  [/^partnerSought\.countries/, "sought.countries"],
  [/^partnerSought\.size$/, "sought.size"],
  [/^(partnerSought\.)?modalities/, "sought.modalities"],
  [/^diaspora$/, "diaspora.legend"],
  [/^currentPartners/, "partners.label"],
];

const PRIORITY_FIELD: Record<string, MessageKey> = {
  sector: "prio.sector",
  aspect: "prio.aspect",
  actors: "prio.actors",
};
const DIASPORA_FIELD: Record<string, MessageKey> = {
  name: "diaspora.name",
  city: "diaspora.city",
  country: "diaspora.country",
};

/**
 * Journey 1: a Malian collectivité publishes its planche, following the Guide's method.
 * Five steps; the draft survives reloads and lost connections; the server's errors come back
 * next to their fields.
 */
@customElement("bap-planche-form")
export class BapPlancheForm extends BapElement {
  static override styles = [baseStyles, formStyles, guidedFormStyles];

  private readonly form = new GuidedFormController<PlancheDraft>(this, {
    draftKey: PLANCHE_DRAFT_KEY,
    steps: PLANCHE_STEPS,
    empty: emptyPlancheDraft,
    fromProfile: (p) => (p.side === "mali" ? plancheToDraft(p) : emptyPlancheDraft()),
    validate: validatePlancheDraft,
    toInput: plancheDraftToInput,
    contactEmail: (d) => d.contact.email,
    createPath: pathFor({ name: "publish-planche" }),
    editing: () => this.editing,
  });

  @property({ attribute: false }) editing: EditTarget | null = null;

  override render() {
    return renderGuidedForm(this.form, {
      intro: this.renderIntro(),
      stepLabels: this.stepLabels(),
      step: (index, errors) => this.renderStep(index, errors),
      created: (p) => this.renderCreated(p),
      submitLabel: t("planche.submit"),
      fieldLabel: (path) => this.fieldLabel(path),
    });
  }
  private readonly referenceFetcher = maliFetcher(() => this.form.draft.referenceLevel);
  private readonly regionFetcher = maliFetcher(() => "region");

  private stepLabels(): string[] {
    return [
      t("planche.step.collectivite"),
      t("planche.step.priorities"),
      t("planche.step.partner"),
      t("planche.step.contact"),
      t("planche.step.preview"),
    ];
  }

  private fieldLabel(path: string): string {
    const prio = path.match(/^priorities\.(\d+)(?:\.(\w+))?/);
    if (prio) {
      const n = Number(prio[1]) + 1;
      const key = prio[2] ? PRIORITY_FIELD[prio[2]] : undefined;
      return key ? `${t("prio.legend", { n })} — ${t(key)}` : t("prio.legend", { n });
    }
    const dia = path.match(/^diaspora\.(\d+)(?:\.(\w+))?/);
    if (dia) {
      const n = Number(dia[1]) + 1;
      const key = dia[2] ? DIASPORA_FIELD[dia[2]] : undefined;
      return key ? `${t("diaspora.item", { n })} — ${t(key)}` : t("diaspora.item", { n });
    }
    if (this.form.draft.mode === "reference" && path.startsWith("collectivite")) return t("col.search.label");
    return labelFor(path, FIELD_LABELS);
  }

  private renderIntro(): TemplateResult {
    return html`<h1>${t("planche.title")}</h1>
      <p class="lead">${t("planche.lead")}</p>`;
  }

  private renderCreated(p: PublicProfile): TemplateResult {
    return createdPanel({
      title: t("planche.created.title"),
      status: p.status,
      viewHref: pathFor({ name: "planche", id: p.id }),
      viewLabel: t("planche.created.view"),
      matchesHref: pathFor({ name: "matches", id: p.id }),
      extra: html`<button class="link-button" type="button" @click=${() => this.form.newProfile()}>
        ${t("planche.created.another")}
      </button>`,
    });
  }

  private renderStep(index: number, errors: ErrorMap): TemplateResult {
    switch (index) {
      case 0:
        return this.renderCollectivite(errors);
      case 1:
        return this.renderPriorities(errors);
      case 2:
        return this.renderPartner(errors);
      case 3:
        return this.renderContact(errors);
      default:
        return html`<p>${t("preview.intro")}</p>
          <div class="preview">
            <bap-planche-view heading-level="3" .profile=${plancheDraftToView(this.form.draft)}></bap-planche-view>
          </div>`;
    }
  }

  // Step 1 -------------------------------------------------------------------------------

  private renderCollectivite(errors: ErrorMap): TemplateResult {
    const d = this.form.draft;
    return html`
      ${modeChoice(d.mode, (mode) => this.form.edit(["collectivite"], (x) => ({ ...x, mode })))}
      ${d.mode === "reference" ? this.renderReference(errorsUnder(errors, "collectivite")) : this.renderManual(errors)}
      ${presentationField(
        d.presentation,
        errors,
        (v) => this.form.edit(["presentation"], (x) => ({ ...x, presentation: v })),
        t("col.presentationHint"),
      )}
    `;
  }

  private renderReference(colErrors: string[]): TemplateResult {
    const d = this.form.draft;
    if (d.reference) {
      const u = d.reference;
      const pop = populationText(u.population, "view.population");
      const place = placeLine({
        level: u.level,
        country: "ML",
        regionName: u.regionName ?? undefined,
        cercleName: u.cercleName ?? undefined,
      });
      return chosenReference({
        name: u.name,
        line: pop ? `${place} · ${pop}` : place,
        errors: colErrors,
        onChange: () =>
          void this.form.editAndFocus(
            ["collectivite"],
            (x) => ({ ...x, reference: null }),
            "collectivite.refCode",
          ),
      });
    }
    return referenceSearch<MaliLevel, MaliUnit>({
      level: d.referenceLevel,
      levels: MALI_LEVELS,
      anyLevel: t("col.level.any"),
      label: t("col.search.label"),
      errors: colErrors,
      fetcher: this.referenceFetcher,
      onLevel: (referenceLevel) => this.form.edit([], (x) => ({ ...x, referenceLevel })),
      onSelect: (unit) => {
        rememberUnit(unit);
        this.form.edit(["collectivite"], (x) => ({ ...x, reference: unit }));
      },
    });
  }

  private renderManual(errors: ErrorMap): TemplateResult {
    const m = this.form.draft.manual;
    const set = (field: string, patch: Partial<PlancheDraft["manual"]>) =>
      this.form.edit([`collectivite.${field}`], (x) => ({ ...x, manual: { ...x.manual, ...patch } }));
    const regionErrors = [
      ...(errors["collectivite.regionCode"] ?? []),
      ...(errors["collectivite.regionName"] ?? []),
    ];
    return html`
      <p class="note">${t("col.manualHint")}</p>
      ${manualIdentityFields({ value: m, levels: MALI_LEVELS, errors, set })}
      ${
        m.regionCode
          ? html`<div class="card chosen" id=${fieldId("collectivite.regionCode")} tabindex="-1">
            <p><span class="muted">${t("col.region")}</span><br /><strong>${m.regionName}</strong></p>
            <button
              class="button secondary small"
              type="button"
              @click=${() => set("regionCode", { regionCode: "", regionName: "" })}
            >
              ${t("col.regionClear")}
            </button>
          </div>`
          : html`<bap-autocomplete
            id=${fieldId("collectivite.regionCode")}
            .label=${t("col.region")}
            .hint=${t("col.regionHint")}
            .error=${regionErrors.join(" ")}
            .fetcher=${this.regionFetcher}
            @bap-autocomplete-select=${(e: CustomEvent<{ option: AutocompleteOption }>) => {
              const u = e.detail.option.data as MaliUnit;
              set("regionCode", { regionCode: u.pcode, regionName: u.name });
            }}
          ></bap-autocomplete>`
      }
      ${textField({
        path: "collectivite.cercleName",
        label: t("col.cercle"),
        value: m.cercleName,
        maxlength: LIMITS.place,
        errors: errors["collectivite.cercleName"],
        onInput: (v) => set("cercleName", { cercleName: v }),
      })}
    `;
  }

  // Step 2 -------------------------------------------------------------------------------

  private async movePriority(index: number, delta: number): Promise<void> {
    const key = this.form.draft.priorities[index]?.key;
    const target = index + delta;
    this.form.edit(["priorities"], (x) => ({ ...x, priorities: moveItem(x.priorities, index, delta) }));
    this.form.announce(t("prio.moved", { n: target + 1 }));
    await this.updateComplete;
    const preferred = this.renderRoot.querySelector<HTMLButtonElement>(
      `#prio-${key}-${delta < 0 ? "up" : "down"}`,
    );
    const fallback = this.renderRoot.querySelector<HTMLButtonElement>(
      `#prio-${key}-${delta < 0 ? "down" : "up"}`,
    );
    (preferred && !preferred.disabled ? preferred : fallback)?.focus();
  }

  private async removePriority(index: number): Promise<void> {
    this.form.edit(["priorities"], (x) => ({ ...x, priorities: removeItem(x.priorities, index) }));
    this.form.announce(t("prio.removed", { n: index + 1 }));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>("#add-priority")?.focus();
  }

  private async addPriority(): Promise<void> {
    this.form.edit(["priorities"], (x) => ({ ...x, priorities: [...x.priorities, emptyPriority()] }));
    const n = this.form.draft.priorities.length;
    this.form.announce(t("prio.added", { n }));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#${fieldId(`priorities.${n - 1}.sector`)}`)?.focus();
  }

  private renderPriorities(errors: ErrorMap): TemplateResult {
    const d = this.form.draft;
    const sectors = taxonomy().map((x) => ({ value: x.code, label: x[getLang()] }));
    const count = d.priorities.length;
    return html`
      <p>${t("prio.intro")}</p>
      <fieldset>
        <legend>${t("prio.pdesc.legend")}</legend>
        <div class="row">
          ${textField({
            path: "pdesc.start",
            label: t("prio.pdesc.start"),
            value: d.pdescStart,
            type: "number",
            inputmode: "numeric",
            min: 1996,
            max: 2100,
            errors: errors["pdesc.start"],
            onInput: (v) => this.form.edit(["pdesc.start"], (x) => ({ ...x, pdescStart: v })),
          })}
          ${textField({
            path: "pdesc.end",
            label: t("prio.pdesc.end"),
            value: d.pdescEnd,
            type: "number",
            inputmode: "numeric",
            min: 1996,
            max: 2100,
            errors: [...(errors["pdesc.end"] ?? []), ...(errors.pdesc ?? [])],
            onInput: (v) => this.form.edit(["pdesc.end", "pdesc"], (x) => ({ ...x, pdescEnd: v })),
          })}
        </div>
      </fieldset>
      <section aria-labelledby="prio-list-title">
        <h3 id="prio-list-title">${t("prio.list")}</h3>
        ${
          errors.priorities
            ? html`<p class="error" id=${fieldId("priorities")} tabindex="-1">${errors.priorities.join(" ")}</p>`
            : nothing
        }
        <ol class="items">
          ${repeat(
            d.priorities,
            (p) => p.key,
            (p, i) => html`<li>
              <fieldset class="item" id=${fieldId(`priorities.${i}`)} tabindex="-1">
                <legend>${t("prio.legend", { n: i + 1 })}</legend>
                ${selectField({
                  path: `priorities.${i}.sector`,
                  label: t("prio.sector"),
                  value: p.sector,
                  required: true,
                  placeholder: t("form.choose"),
                  options: sectors,
                  errors: errors[`priorities.${i}.sector`],
                  onChange: (v) =>
                    this.form.edit([`priorities.${i}.sector`], (x) => ({
                      ...x,
                      priorities: replaceItem(x.priorities, i, { sector: v }),
                    })),
                })}
                ${textField({
                  path: `priorities.${i}.aspect`,
                  label: t("prio.aspect"),
                  hint: t("prio.aspectHint"),
                  value: p.aspect,
                  required: true,
                  multiline: true,
                  rows: 2,
                  maxlength: LIMITS.aspect.max,
                  errors: errors[`priorities.${i}.aspect`],
                  onInput: (v) =>
                    this.form.edit([`priorities.${i}.aspect`], (x) => ({
                      ...x,
                      priorities: replaceItem(x.priorities, i, { aspect: v }),
                    })),
                })}
                ${textField({
                  path: `priorities.${i}.actors`,
                  label: t("prio.actors"),
                  hint: t("prio.actorsHint"),
                  value: p.actors,
                  maxlength: LIMITS.actors,
                  errors: errors[`priorities.${i}.actors`],
                  onInput: (v) =>
                    this.form.edit([`priorities.${i}.actors`], (x) => ({
                      ...x,
                      priorities: replaceItem(x.priorities, i, { actors: v }),
                    })),
                })}
                <div class="item-actions">
                  <button
                    id=${`prio-${p.key}-up`}
                    class="button secondary small"
                    type="button"
                    ?disabled=${i === 0}
                    @click=${() => void this.movePriority(i, -1)}
                  >
                    ↑ <span>${t("prio.up", { n: i + 1 })}</span>
                  </button>
                  <button
                    id=${`prio-${p.key}-down`}
                    class="button secondary small"
                    type="button"
                    ?disabled=${i === count - 1}
                    @click=${() => void this.movePriority(i, 1)}
                  >
                    ↓ <span>${t("prio.down", { n: i + 1 })}</span>
                  </button>
                  <button
                    class="button secondary small"
                    type="button"
                    ?disabled=${count === 1}
                    @click=${() => void this.removePriority(i)}
                  >
                    ✕ <span>${t("prio.remove", { n: i + 1 })}</span>
                  </button>
                </div>
              </fieldset>
            </li>`,
          )}
        </ol>
        ${
          count < MAX_PRIORITIES
            ? html`<button id="add-priority" class="button secondary" type="button" @click=${() => void this.addPriority()}>
              + ${t("prio.add")}
            </button>`
            : html`<p class="hint">${t("prio.max")}</p>`
        }
      </section>
      <div class="after-items">
        ${textField({
          path: "assets",
          label: t("prio.assets"),
          hint: t("prio.assetsHint"),
          value: d.assets,
          multiline: true,
          rows: 3,
          maxlength: LIMITS.description,
          errors: errors.assets,
          onInput: (v) => this.form.edit(["assets"], (x) => ({ ...x, assets: v })),
        })}
      </div>
    `;
  }

  // Step 3 -------------------------------------------------------------------------------

  private renderPartner(errors: ErrorMap): TemplateResult {
    const d = this.form.draft;
    const s = d.sought;
    const lang = getLang();
    const sectors = taxonomy().map((x) => ({ value: x.code, label: x[lang] }));
    const setSought = (field: string, patch: Partial<PlancheDraft["sought"]>) =>
      this.form.edit([`partnerSought.${field}`], (x) => ({ ...x, sought: { ...x.sought, ...patch } }));
    const countries = [...new Set([...COMMON_PARTNER_COUNTRIES, ...s.countries])];
    const fromPriorities = prioritySectors(d);
    return html`
      ${textField({
        path: "partnerSought.description",
        label: t("sought.description"),
        hint: t("sought.descriptionHint"),
        value: s.description,
        multiline: true,
        rows: 4,
        maxlength: LIMITS.description,
        errors: errors["partnerSought.description"],
        onInput: (v) => setSought("description", { description: v }),
      })}
      ${choiceGroup({
        path: "partnerSought.themes",
        legend: t("sought.themes"),
        type: "checkbox",
        columns: true,
        options: sectors,
        selected: s.themes,
        errors: errors["partnerSought.themes"],
        onChange: (v, on) => setSought("themes", { themes: toggle(s.themes, v, on) }),
        extra:
          fromPriorities.length > 0
            ? html`<button
                class="button secondary small"
                type="button"
                @click=${() => setSought("themes", { themes: [...new Set([...s.themes, ...fromPriorities])] })}
              >
                ${t("sought.themesFromPriorities")}
              </button>`
            : nothing,
      })}
      ${choiceGroup({
        path: "partnerSought.levels",
        legend: t("sought.levels"),
        type: "checkbox",
        columns: true,
        options: PARTNER_LEVELS.map((l) => ({ value: l, label: levelLabel(l) })),
        selected: s.levels,
        errors: errors["partnerSought.levels"],
        onChange: (v, on) => setSought("levels", { levels: toggle(s.levels, v, on) }),
      })}
      ${choiceGroup({
        path: "partnerSought.countries",
        legend: t("sought.countries"),
        hint: t("sought.countriesHint"),
        type: "checkbox",
        columns: true,
        options: countries.map((c) => ({ value: c, label: countryName(c, lang) })),
        selected: s.countries,
        errors: errors["partnerSought.countries"],
        onChange: (v, on) => setSought("countries", { countries: toggle(s.countries, v, on) }),
      })}
      ${choiceGroup({
        path: "partnerSought.size",
        legend: t("sought.size"),
        type: "radio",
        options: SIZE_PREFERENCES.map((x) => ({ value: x, label: sizeLabel(x) })),
        selected: [s.size],
        errors: errors["partnerSought.size"],
        onChange: (v) => setSought("size", { size: v as PlancheDraft["sought"]["size"] }),
      })}
      ${choiceGroup({
        path: "modalities",
        legend: t("sought.modalities"),
        type: "checkbox",
        options: MODALITIES.map((m) => ({
          value: m,
          label: modalityLabel(m),
          hint: t(`modality.${m}.hint` as MessageKey),
        })),
        selected: d.modalities,
        errors: [...(errors.modalities ?? []), ...(errors["partnerSought.modalities"] ?? [])],
        onChange: (v, on) =>
          this.form.edit(["modalities", "partnerSought.modalities"], (x) => ({
            ...x,
            modalities: toggle(x.modalities, v, on),
          })),
      })}
      ${this.renderDiaspora(errors)}
      ${textField({
        path: "currentPartners",
        label: t("partners.label"),
        hint: t("form.lines.hint"),
        value: d.currentPartners,
        multiline: true,
        rows: 3,
        errors: errorsUnder(errors, "currentPartners"),
        onInput: (v) => this.form.edit(["currentPartners"], (x) => ({ ...x, currentPartners: v })),
      })}
    `;
  }

  private renderDiaspora(errors: ErrorMap): TemplateResult {
    const d = this.form.draft;
    const lang = getLang();
    const countries = [...new Set(["FR", ...COMMON_PARTNER_COUNTRIES, "US", "GA", "CG", "GN", "MR"])];
    const set = (i: number, field: string, patch: Partial<PlancheDraft["diaspora"][number]>) =>
      this.form.edit([`diaspora.${i}.${field}`], (x) => ({
        ...x,
        diaspora: replaceItem(x.diaspora, i, patch),
      }));
    return html`<fieldset id=${fieldId("diaspora")} tabindex="-1">
      <legend>${t("diaspora.legend")}</legend>
      <p class="hint">${t("diaspora.hint")}</p>
      ${errors.diaspora ? html`<p class="error">${errors.diaspora.join(" ")}</p>` : nothing}
      ${repeat(
        d.diaspora,
        (a) => a.key,
        (a, i) => html`<fieldset class="item" id=${fieldId(`diaspora.${i}`)} tabindex="-1">
          <legend>${t("diaspora.item", { n: i + 1 })}</legend>
          ${textField({
            path: `diaspora.${i}.name`,
            label: t("diaspora.name"),
            value: a.name,
            maxlength: LIMITS.association,
            errors: errors[`diaspora.${i}.name`],
            onInput: (v) => set(i, "name", { name: v }),
          })}
          <div class="row">
            ${textField({
              path: `diaspora.${i}.city`,
              label: t("diaspora.city"),
              value: a.city,
              maxlength: LIMITS.place,
              errors: errors[`diaspora.${i}.city`],
              onInput: (v) => set(i, "city", { city: v }),
            })}
            ${selectField({
              path: `diaspora.${i}.country`,
              label: t("diaspora.country"),
              value: a.country,
              options: countries.map((c) => ({ value: c, label: countryName(c, lang) })),
              errors: errors[`diaspora.${i}.country`],
              onChange: (v) => set(i, "country", { country: v }),
            })}
          </div>
          <button
            class="button secondary small"
            type="button"
            @click=${() => this.form.edit(["diaspora"], (x) => ({ ...x, diaspora: removeItem(x.diaspora, i) }))}
          >
            ✕ ${t("diaspora.remove", { n: i + 1 })}
          </button>
        </fieldset>`,
      )}
      ${
        d.diaspora.length < MAX_DIASPORA
          ? html`<button
            class="button secondary small"
            type="button"
            @click=${async () => {
              this.form.edit([], (x) => ({ ...x, diaspora: [...x.diaspora, emptyDiaspora()] }));
              await this.updateComplete;
              this.form.steps.findField(`diaspora.${this.form.draft.diaspora.length - 1}.name`)?.focus();
            }}
          >
            + ${t("diaspora.add")}
          </button>`
          : nothing
      }
    </fieldset>`;
  }

  // Step 4 -------------------------------------------------------------------------------

  private renderContact(errors: ErrorMap): TemplateResult {
    return renderContactStep(this.form.draft.contact, errors, (field, patch) =>
      this.form.edit([`contact.${field}`], (x) => ({ ...x, contact: { ...x.contact, ...patch } })),
    );
  }
}
