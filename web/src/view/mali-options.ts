import type { AutocompleteFetcher, AutocompleteOption } from "../lib/autocomplete.js";
import type { MaliUnit } from "../lib/types.js";
import { api } from "../state/app-state.js";
import { placeLine, populationText } from "./labels.js";

/** Suggestions of Malian units for the autocompletes: name, then where and how many people. */
export function maliOption(u: MaliUnit): AutocompleteOption<MaliUnit> {
  const pop = populationText(u.population, "card.population");
  const where = placeLine({
    level: u.level,
    country: "ML",
    regionName: u.regionName ?? undefined,
    cercleName: u.cercleName ?? undefined,
  });
  return { id: u.pcode, label: u.name, description: pop ? `${where} · ${pop}` : where, data: u };
}

export const maliFetcher =
  (level: () => string | undefined): AutocompleteFetcher =>
  async (q, signal) => {
    const { items } = await api.mali(q, level() || undefined, 8, { signal });
    return items.map(maliOption);
  };
