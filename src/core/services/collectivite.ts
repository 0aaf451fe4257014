import { DomainError, type FieldError } from "../errors.js";
import type { ReferenceData } from "../ports.js";
import { bareFrenchCandidates, type ParsedRefCode, parseRefCode } from "../reference-codes.js";
import type { Collectivite, ProfileInput } from "../schemas/profile.js";

/** "un département", "une région"…: the level with its article, for messages. */
const LEVEL_WITH_ARTICLE: Record<string, { fr: string; en: string }> = {
  commune: { fr: "une commune", en: "a commune" },
  cercle: { fr: "un cercle", en: "a cercle" },
  region: { fr: "une région", en: "a région" },
  epci: { fr: "une intercommunalité (EPCI)", en: "an inter-municipal body (EPCI)" },
  departement: { fr: "un département", en: "a département" },
  other: { fr: "une autre collectivité", en: "another kind of local government" },
};
const withArticle = (level: string) => LEVEL_WITH_ARTICLE[level] ?? LEVEL_WITH_ARTICLE.other!;

const FORMAT_HINT = "ML0504, commune:75056, epci:200054781, departement:32, region:32";

function invalid(summary: { fr: string; en: string }, field: FieldError): DomainError {
  return new DomainError("validation", summary, [field]);
}

const badCode = { fr: "Code de collectivité invalide.", en: "Invalid collectivité code." };

/**
 * A code that is not canonical. A bare French number is explained with the collectivités
 * it could mean, since INSEE reuses numbers across kinds ("32": the Gers or Hauts-de-France).
 */
async function notCanonical(reference: ReferenceData, code: string): Promise<DomainError> {
  const found = (await Promise.all(bareFrenchCandidates(code).map((c) => reference.franceByCode(c)))).filter(
    (x) => x !== null,
  );
  const field = "collectivite.refCode";
  if (found.length > 1) {
    const fr = found.map((f) => `${f.code} (${f.name})`).join(" ou ");
    const en = found.map((f) => `${f.code} (${f.name})`).join(" or ");
    return invalid(badCode, {
      field,
      code: "ambiguous_reference",
      fr: `Le code « ${code} » est ambigu : ${fr}. Envoyez le code complet, avec son type.`,
      en: `The code "${code}" is ambiguous: ${en}. Send the full code, with its kind.`,
      candidates: found.map((f) => f.code),
    });
  }
  if (found.length === 1) {
    const only = found[0]!;
    return invalid(badCode, {
      field,
      code: "bare_reference",
      fr: `Le code « ${code} » doit être écrit avec son type : ${only.code} (${only.name}).`,
      en: `The code "${code}" must carry its kind: ${only.code} (${only.name}).`,
      candidates: [only.code],
    });
  }
  return invalid(badCode, {
    field,
    code: "unknown_reference",
    fr: `Le code « ${code} » ne suit pas le format attendu (${FORMAT_HINT}).`,
    en: `The code "${code}" does not follow the expected format (${FORMAT_HINT}).`,
  });
}

const unknownRef = (code: string) =>
  invalid(
    { fr: "Collectivité inconnue.", en: "Unknown collectivité." },
    {
      field: "collectivite.refCode",
      code: "unknown_reference",
      fr: `Aucune collectivité de référence n'a le code ${code}.`,
      en: `No reference collectivité has the code ${code}.`,
    },
  );

function wrongSide(side: ProfileInput["side"], code: string): DomainError {
  return invalid(
    { fr: "Code de collectivité incohérent.", en: "Inconsistent collectivité code." },
    side === "mali"
      ? {
          field: "collectivite.refCode",
          code: "mali_side_reference",
          fr: `Une planche concerne une collectivité du Mali ; ${code} n'en est pas une.`,
          en: `A planche is for a collectivité in Mali; ${code} is not one.`,
        }
      : {
          field: "collectivite.refCode",
          code: "partner_side_reference",
          fr: `Un profil partenaire concerne une collectivité hors du Mali ; ${code} est au Mali.`,
          en: `A partner profile is for a collectivité outside Mali; ${code} is in Mali.`,
        },
  );
}

function levelMismatch(parsed: ParsedRefCode, name: string, sent: string): DomainError {
  const is = withArticle(parsed.level);
  const not = withArticle(sent);
  return invalid(
    { fr: "Niveau incohérent.", en: "Inconsistent level." },
    {
      field: "collectivite.level",
      code: "level_mismatch",
      fr: `Le code ${parsed.code} désigne ${is.fr} (${name}), pas ${not.fr}.`,
      en: `The code ${parsed.code} is ${is.en} (${name}), not ${not.en}.`,
    },
  );
}

const countryMismatch = (code: string, country: string) =>
  invalid(
    { fr: "Pays incohérent.", en: "Inconsistent country." },
    {
      field: "collectivite.country",
      code: "country_mismatch",
      fr: `Le code ${code} désigne une collectivité française ; le pays doit être FR, pas ${country}.`,
      en: `The code ${code} is a French collectivité; the country must be FR, not ${country}.`,
    },
  );

/**
 * Link the collectivité to its reference unit. The code must be canonical and exist; the
 * level sent must be the reference's. The parents, the population and the level come from
 * the reference; the name stays the one the collectivité uses (a renamed place, a local
 * spelling), and the reference's own name is kept beside it as `referenceName` for staff.
 * Hand entries (no code) are kept as typed.
 */
export async function resolveCollectivite(
  reference: ReferenceData,
  side: ProfileInput["side"],
  c: Collectivite,
): Promise<Collectivite> {
  const { referenceName: _derived, ...typed } = c;
  if (!typed.refCode) return typed;
  const parsed = parseRefCode(typed.refCode);
  if (!parsed) throw await notCanonical(reference, typed.refCode);
  if ((side === "mali") !== (parsed.scheme !== "fr")) throw wrongSide(side, parsed.code);

  if (parsed.scheme === "fr") {
    if (typed.country !== "FR") throw countryMismatch(parsed.code, typed.country);
    const fr = await reference.franceByCode(parsed.code);
    if (!fr) throw unknownRef(parsed.code);
    if (typed.level !== fr.kind) throw levelMismatch(parsed, fr.name, typed.level);
    const { cercleCode: _c, cercleName: _cn, ...rest } = typed;
    return {
      ...rest,
      referenceName: fr.name,
      population: fr.population ?? typed.population,
      regionCode: fr.regionCode ?? undefined,
      regionName: fr.regionName ?? undefined,
      departementCode: fr.departementCode ?? undefined,
    };
  }

  const unit = parsed.scheme === "ml-2009" ? await reference.maliUnit(parsed.code) : null;
  if (!unit) throw unknownRef(parsed.code);
  if (typed.level !== unit.level) throw levelMismatch(parsed, unit.name, typed.level);
  const { departementCode: _d, ...rest } = typed;
  return {
    ...rest,
    country: "ML",
    referenceName: unit.name,
    population: unit.population ?? typed.population,
    regionCode: unit.level === "region" ? unit.pcode : (unit.regionCode ?? undefined),
    regionName: unit.level === "region" ? unit.name : (unit.regionName ?? undefined),
    cercleCode: unit.level === "cercle" ? unit.pcode : (unit.cercleCode ?? undefined),
    cercleName: unit.level === "cercle" ? unit.name : (unit.cercleName ?? undefined),
  };
}
