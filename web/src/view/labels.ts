import { getLang, type MessageKey, t } from "../i18n/index.js";
import { countryName, formatNumber } from "../lib/format.js";
import type { Collectivite } from "../../../src/core/schemas/profile.js";

/** Labels of the API's closed value sets, from the message catalogues. */
export const levelLabel = (level: string) => t(`level.${level}` as MessageKey);
export const modalityLabel = (m: string) => t(`modality.${m}` as MessageKey);
export const sizeLabel = (s: string) => t(`size.${s}` as MessageKey);
export const budgetLabel = (b: string) => t(`budget.${b}` as MessageKey);
export const statusLabel = (s: string) => t(`status.${s}` as MessageKey);

/** "District de Bamako" is already a full name; other régions read "Région de Kayes". */
export function regionPhrase(name: string): string {
  return /^district\b/i.test(name) ? name : t("place.region", { name });
}

export type PlaceFields = Pick<Collectivite, "level" | "country" | "regionName" | "cercleName">;

/** One line locating a collectivité: level, cercle, région, and the country outside Mali and France. */
export function placeLine(c: PlaceFields): string {
  const parts = [levelLabel(c.level)];
  if (c.country === "ML") {
    if (c.cercleName && c.level === "commune") parts.push(t("place.cercle", { name: c.cercleName }));
    if (c.regionName && c.level !== "region") parts.push(regionPhrase(c.regionName));
  } else {
    if (c.regionName) parts.push(c.regionName);
    if (c.country !== "FR") parts.push(countryName(c.country, getLang()));
  }
  return parts.join(" · ");
}

export function populationText(n: number | null | undefined, key: "card.population" | "view.population") {
  return typeof n === "number" ? t(key, { count: formatNumber(n, getLang()) }) : "";
}
