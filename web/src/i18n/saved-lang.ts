import { getLang, type Lang, setLang } from "./index.js";
import { initialLang } from "./translate.js";

const LANG_KEY = "bap:lang";

export function saveLang(lang: Lang): void {
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    // private mode: the choice lasts for this visit
  }
}

/** Apply the saved language before any component renders (imported first by main.ts). */
export function restoreLang(): void {
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(LANG_KEY);
  } catch {
    saved = null;
  }
  setLang(initialLang(saved));
  document.documentElement.lang = getLang();
}

restoreLang();
