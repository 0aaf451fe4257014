import type { z } from "zod";

/**
 * French and English messages for zod issues. Written here rather than taken from zod's
 * locales so that both languages come out of one issue, worded for a mairie's secretary.
 */
export function describeIssue(issue: z.core.$ZodIssue): { fr: string; en: string } {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) {
        return { fr: "Ce champ est obligatoire.", en: "This field is required." };
      }
      return {
        fr: `Type attendu : ${issue.expected}.`,
        en: `Expected type: ${issue.expected}.`,
      };
    case "too_small":
      if (issue.origin === "string") {
        return {
          fr: `Trop court : au moins ${issue.minimum} caractère(s).`,
          en: `Too short: at least ${issue.minimum} character(s).`,
        };
      }
      if (issue.origin === "array" || issue.origin === "set") {
        return {
          fr: `Au moins ${issue.minimum} élément(s) requis.`,
          en: `At least ${issue.minimum} item(s) required.`,
        };
      }
      return {
        fr: `Valeur trop petite : minimum ${issue.minimum}.`,
        en: `Value too small: minimum ${issue.minimum}.`,
      };
    case "too_big":
      if (issue.origin === "string") {
        return {
          fr: `Trop long : au plus ${issue.maximum} caractères.`,
          en: `Too long: at most ${issue.maximum} characters.`,
        };
      }
      if (issue.origin === "array" || issue.origin === "set") {
        return {
          fr: `Au plus ${issue.maximum} élément(s).`,
          en: `At most ${issue.maximum} item(s).`,
        };
      }
      return {
        fr: `Valeur trop grande : maximum ${issue.maximum}.`,
        en: `Value too large: maximum ${issue.maximum}.`,
      };
    case "invalid_format":
      if (issue.format === "email") {
        return { fr: "Adresse e-mail invalide.", en: "Invalid e-mail address." };
      }
      return { fr: "Format invalide.", en: "Invalid format." };
    case "invalid_value":
      return {
        fr: `Valeur non reconnue. Valeurs possibles : ${issue.values.map(String).join(", ")}.`,
        en: `Unknown value. Allowed values: ${issue.values.map(String).join(", ")}.`,
      };
    case "invalid_union":
      return { fr: "Valeur invalide.", en: "Invalid value." };
    case "unrecognized_keys":
      return { fr: "Champ inconnu.", en: "Unknown field." };
    case "custom": {
      // A refinement may carry its own wording: `.refine(check, { params: { fr, en } })`.
      const { fr, en } = issue.params ?? {};
      if (typeof fr === "string" && typeof en === "string") return { fr, en };
      return { fr: "Valeur incohérente.", en: "Inconsistent value." };
    }
    default:
      return { fr: "Valeur invalide.", en: "Invalid value." };
  }
}
