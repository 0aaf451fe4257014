import { DomainError, fieldError } from "../errors.js";
import type { ReferenceData } from "../ports.js";
import { bareFrenchCandidates, type ParsedRefCode, parseRefCode } from "../reference-codes.js";
import type { Collectivite, ProfileInput } from "../schemas/profile.js";

/**
 * A code that is not canonical. A bare French number is explained with the collectivités
 * it could mean, since INSEE reuses numbers across kinds ("32": the Gers or Hauts-de-France).
 */
async function notCanonical(reference: ReferenceData, code: string): Promise<DomainError> {
  const found = (await Promise.all(bareFrenchCandidates(code).map((c) => reference.franceByCode(c)))).filter(
    (x) => x !== null,
  );
  const field = "collectivite.refCode";
  const candidates = found.map((f) => ({ code: f.code, name: f.name }));
  const only = candidates[0];
  const fields =
    candidates.length > 1
      ? [
          {
            ...fieldError(field, "ambiguous_reference", "field.ref_ambiguous", { code, candidates }),
            candidates: candidates.map((c) => c.code),
          },
        ]
      : only
        ? [
            {
              ...fieldError(field, "bare_reference", "field.ref_bare", { code, candidate: only }),
              candidates: [only.code],
            },
          ]
        : [fieldError(field, "unknown_reference", "field.ref_format", { code })];
  return DomainError.validation("reference.bad_code", fields);
}

const unknownRef = (code: string) =>
  DomainError.validation("reference.unknown", [
    fieldError("collectivite.refCode", "unknown_reference", "field.ref_unknown", { code }),
  ]);

const wrongSide = (side: ProfileInput["side"], code: string) =>
  DomainError.validation("reference.inconsistent_code", [
    side === "mali"
      ? fieldError("collectivite.refCode", "mali_side_reference", "field.ref_not_malian", { code })
      : fieldError("collectivite.refCode", "partner_side_reference", "field.ref_malian", { code }),
  ]);

const levelMismatch = (parsed: ParsedRefCode, name: string, sent: string) =>
  DomainError.validation("reference.inconsistent_level", [
    fieldError("collectivite.level", "level_mismatch", "field.level_mismatch", {
      code: parsed.code,
      name,
      is: parsed.level,
      sent,
    }),
  ]);

const countryMismatch = (code: string, country: string) =>
  DomainError.validation("profile.inconsistent_country", [
    fieldError("collectivite.country", "country_mismatch", "field.country_mismatch", { code, country }),
  ]);

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
