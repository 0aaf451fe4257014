import type { fr, MessageKey } from "./fr.js";

export type { MessageKey };
export type Lang = "fr" | "en";
export const LANGS: readonly Lang[] = ["fr", "en"];

/** Every catalogue has every key of the French one. */
export type Messages = { readonly [K in MessageKey]: string };

/** Placeholder names of a message: "Page {page} sur {pages}" → "page" | "pages". */
type PlaceholderNames<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | PlaceholderNames<Rest>
  : never;

/** The parameters of message K of catalogue C: none, or an object naming each placeholder. */
export type ParamsIn<C extends Record<string, string>, K extends keyof C> = K extends keyof C
  ? [PlaceholderNames<C[K]>] extends [never]
    ? []
    : [params: Record<PlaceholderNames<C[K]>, string | number>]
  : never;

/** t("key") for a plain message, t("key", { name }) when it has placeholders: checked at compile time. */
export type ParamsOf<K extends MessageKey> = ParamsIn<typeof fr, K>;

export function interpolate(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}

export function translate<K extends MessageKey>(catalogue: Messages, key: K, ...params: ParamsOf<K>): string {
  return interpolate(catalogue[key] ?? key, params[0] as Record<string, string | number> | undefined);
}

export function isLang(value: unknown): value is Lang {
  return value === "fr" || value === "en";
}

/** The language to start in: the saved choice, else French (the product's first language). */
export function initialLang(saved: string | null): Lang {
  return isLang(saved) ? saved : "fr";
}
