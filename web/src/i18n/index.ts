import { en } from "./en.js";
import { fr } from "./fr.js";
import { type Lang, type MessageKey, type Messages, type ParamsOf, translate } from "./translate.js";

export type { Lang, MessageKey };

/**
 * Both catalogues are small (a few kB compressed) and the switch must be instant on a slow
 * link, so both are bundled rather than fetched on demand.
 */
const CATALOGUES: Record<Lang, Messages> = { fr, en };

let current: Lang = "fr";
const listeners = new Set<(lang: Lang) => void>();

export function getLang(): Lang {
  return current;
}

export function setLang(lang: Lang): void {
  if (lang === current) return;
  current = lang;
  for (const listener of listeners) listener(lang);
}

export function onLangChange(listener: (lang: Lang) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function t<K extends MessageKey>(key: K, ...params: ParamsOf<K>): string {
  return translate(CATALOGUES[current], key, ...params);
}
