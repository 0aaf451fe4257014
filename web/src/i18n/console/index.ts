import { getLang } from "../index.js";
import { interpolate, type ParamsIn } from "../translate.js";
import { consoleEn } from "./en.js";
import { type ConsoleKey, consoleFr } from "./fr.js";

export type { ConsoleKey };

/** t() for the console catalogue: same language, same compile-time check of placeholders. */
export function ct<K extends ConsoleKey>(key: K, ...params: ParamsIn<typeof consoleFr, K>): string {
  const catalogue = getLang() === "en" ? consoleEn : consoleFr;
  return interpolate(catalogue[key] ?? key, params[0] as Record<string, string | number> | undefined);
}
