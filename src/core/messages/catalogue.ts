/**
 * Every sentence the API says about a request, in French and English, in one place: the
 * detail of each problem and the message of each field error. Code throws a key with its
 * parameters (DomainError.conflict("profile.changed")); the catalogue words it. Parameters
 * are language-neutral (codes, numbers, names): the wording, articles and list separators
 * are the catalogue's business. tests/core/messages.test.ts renders every entry.
 */

type Render<P> = (p: P) => string;
export interface Entry<P> {
  fr: Render<P>;
  en: Render<P>;
}
const entry = <P = void>(fr: Render<P>, en: Render<P>): Entry<P> => ({ fr, en });

/** "une commune", "a commune": a level with its article. */
const LEVEL_WITH_ARTICLE: Record<string, { fr: string; en: string }> = {
  commune: { fr: "une commune", en: "a commune" },
  cercle: { fr: "un cercle", en: "a cercle" },
  region: { fr: "une région", en: "a région" },
  epci: { fr: "une intercommunalité (EPCI)", en: "an inter-municipal body (EPCI)" },
  departement: { fr: "un département", en: "a département" },
  other: { fr: "une autre collectivité", en: "another kind of local government" },
};
const article = (level: string, lang: "fr" | "en") =>
  (LEVEL_WITH_ARTICLE[level] ?? LEVEL_WITH_ARTICLE.other!)[lang];

/** "a, b ou c" / "a, b or c". */
export function joinList(items: readonly string[], lang: "fr" | "en"): string {
  if (items.length <= 1) return items.join("");
  const last = lang === "fr" ? " ou " : " or ";
  return `${items.slice(0, -1).join(", ")}${last}${items[items.length - 1]}`;
}

const named = (cs: readonly { code: string; name: string }[]) => cs.map((c) => `${c.code} (${c.name})`);

const REF_FORMAT = "ML0504, commune:75056, epci:200054781, departement:32, region:32";

export const MESSAGES = {
  /* ---- the request itself ---- */
  "request.invalid_fields": entry<{ count: number }>(
    (p) =>
      p.count === 1
        ? "La requête contient 1 champ invalide."
        : `La requête contient ${p.count} champs invalides.`,
    (p) =>
      p.count === 1 ? "The request has 1 invalid field." : `The request has ${p.count} invalid fields.`,
  ),
  "request.body_too_large": entry(
    () => "Requête trop volumineuse.",
    () => "Request body too large.",
  ),
  "request.malformed_json": entry(
    () => "Corps de requête illisible (JSON attendu).",
    () => "Unreadable request body (JSON expected).",
  ),
  "request.malformed": entry(
    () => "Requête illisible.",
    () => "Malformed request.",
  ),
  "request.malformed_http": entry(
    () => "Requête HTTP illisible.",
    () => "Malformed HTTP request.",
  ),
  "request.unsupported_media_type": entry(
    () => "Type de contenu non accepté : envoyez du JSON (Content-Type: application/json).",
    () => "Unsupported content type: send JSON (Content-Type: application/json).",
  ),
  "request.uri_too_long": entry<{ max: number }>(
    (p) => `Adresse trop longue : au plus ${p.max} caractères après le nom du site.`,
    (p) => `URI too long: at most ${p.max} characters after the host name.`,
  ),
  "request.headers_too_large": entry<{ kib: number }>(
    (p) => `Adresse ou en-têtes trop longs (plus de ${p.kib} Kio).`,
    (p) => `URL or headers too large (over ${p.kib} KiB).`,
  ),
  "request.timeout": entry(
    () => "La requête est arrivée trop lentement.",
    () => "The request arrived too slowly.",
  ),
  "request.rate_limited": entry(
    () => "Trop de demandes : réessayez plus tard.",
    () => "Too many requests: try again later.",
  ),
  "route.not_found": entry(
    () => "Cette adresse n'existe pas.",
    () => "No such route.",
  ),

  /* ---- the server ---- */
  "server.internal": entry(
    () => "Erreur interne ; réessayez dans un instant.",
    () => "Internal error; please retry in a moment.",
  ),
  "server.search_unavailable": entry(
    () => "La recherche est momentanément indisponible ; les profils restent enregistrés.",
    () => "Search is temporarily unavailable; profiles remain stored.",
  ),
  "server.concurrent_change": entry<{ what: string }>(
    (p) => `Modification concurrente (${p.what}) ; rechargez et réessayez.`,
    (p) => `Concurrent change (${p.what}); reload and try again.`,
  ),

  /* ---- who may do what ---- */
  "auth.forbidden": entry(
    () => "Vous n'avez pas le droit de faire cela.",
    () => "You are not allowed to do this.",
  ),
  "auth.unauthenticated": entry(
    () => "Connectez-vous d'abord (lien envoyé par e-mail).",
    () => "Sign in first (link sent by e-mail).",
  ),
  "auth.csrf": entry(
    () => "Requête refusée (protection CSRF) : rechargez la page.",
    () => "Request refused (CSRF protection): reload the page.",
  ),
  "auth.cross_origin": entry(
    () => "Requête refusée : elle vient d'un autre site.",
    () => "Request refused: it comes from another site.",
  ),
  "auth.next_elsewhere": entry(
    () => "La page de retour doit être sur ce site.",
    () => "The return page must be on this site.",
  ),
  "auth.account_gone": entry(
    () => "Compte introuvable.",
    () => "Account not found.",
  ),

  /* ---- links sent by e-mail ---- */
  "token.gone": entry(
    () => "Ce lien a expiré ou a déjà servi.",
    () => "This link has expired or was already used.",
  ),
  "token.unknown": entry(
    () => "Lien inconnu.",
    () => "Unknown link.",
  ),

  /* ---- profiles ---- */
  "profile.not_found": entry(
    () => "Profil introuvable.",
    () => "Profile not found.",
  ),
  "profile.archived": entry(
    () => "Profil archivé.",
    () => "Archived profile.",
  ),
  "profile.changed": entry(
    () => "Le profil a été modifié entre-temps ; rechargez-le avant d'enregistrer.",
    () => "The profile changed in the meantime; reload it before saving.",
  ),
  "profile.not_pending": entry<{ status: string }>(
    (p) => `Ce profil n'attend pas de relecture (statut : ${p.status}).`,
    (p) => `This profile is not waiting for review (status: ${p.status}).`,
  ),
  "profile.submit_draft_only": entry(
    () => "Seul un brouillon peut être envoyé en relecture.",
    () => "Only a draft can be sent for review.",
  ),
  "profile.renew_published_only": entry(
    () => "Seul un profil publié (ou expiré) peut être renouvelé.",
    () => "Only a published (or expired) profile can be renewed.",
  ),
  "profile.inconsistent_country": entry(
    () => "Pays incohérent.",
    () => "Inconsistent country.",
  ),
  "profile.side_immutable": entry(
    () => "Côté non modifiable.",
    () => "Side cannot change.",
  ),
  "profile.planche_not_found": entry(
    () => "Planche introuvable.",
    () => "Planche not found.",
  ),

  /* ---- reference codes ---- */
  "reference.bad_code": entry(
    () => "Code de collectivité invalide.",
    () => "Invalid collectivité code.",
  ),
  "reference.unknown": entry(
    () => "Collectivité inconnue.",
    () => "Unknown collectivité.",
  ),
  "reference.inconsistent_code": entry(
    () => "Code de collectivité incohérent.",
    () => "Inconsistent collectivité code.",
  ),
  "reference.inconsistent_level": entry(
    () => "Niveau incohérent.",
    () => "Inconsistent level.",
  ),
  "reference.unit_not_found": entry(
    () => "Unité administrative introuvable.",
    () => "Administrative unit not found.",
  ),

  /* ---- matching and introductions ---- */
  "match.same_side": entry(
    () => "Même côté.",
    () => "Same side.",
  ),
  "intro.not_found": entry(
    () => "Mise en relation introuvable.",
    () => "Introduction not found.",
  ),
  "intro.invalid_pair": entry(
    () => "Paire invalide.",
    () => "Invalid pair.",
  ),
  "intro.unpublished": entry(
    () => "Les deux profils doivent être publiés.",
    () => "Both profiles must be published.",
  ),
  "intro.exists": entry(
    () => "Ces deux collectivités ont déjà une mise en relation (en cours, acceptée ou déclinée).",
    () => "These two collectivités already have an introduction (open, accepted or declined).",
  ),
  "intro.already_partners": entry(
    () => "Ces deux collectivités sont déjà partenaires.",
    () => "These two collectivités are already partners.",
  ),
  "intro.answered": entry(
    () => "Cette mise en relation a déjà reçu votre réponse ou n'est plus ouverte.",
    () => "This introduction already has your answer or is no longer open.",
  ),
  "intro.expired": entry(
    () => "Cette proposition a expiré.",
    () => "This proposal has expired.",
  ),
  "intro.bad_transition": entry(
    () => "Changement de phase impossible.",
    () => "Impossible phase change.",
  ),
  "interest.not_found": entry(
    () => "Expression d'intérêt introuvable.",
    () => "Expression of interest not found.",
  ),
  "interest.partner_expected": entry(
    () => "Profil partenaire attendu.",
    () => "Partner profile expected.",
  ),
  "outbox.failed_not_found": entry(
    () => "Aucun message en échec sous cet identifiant.",
    () => "No failed message with this id.",
  ),

  /* ---- field by field ---- */
  "field.csrf": entry(
    () => "Jeton CSRF absent ou périmé.",
    () => "Missing or stale CSRF token.",
  ),
  "field.origin": entry(
    () => "L'origine de la requête n'est pas ce site, ou elle est illisible.",
    () => "The request's origin is not this site, or cannot be read.",
  ),
  "field.content_type": entry(
    () => "application/json attendu.",
    () => "application/json expected.",
  ),
  "field.body_malformed": entry(
    () => "JSON invalide.",
    () => "Malformed JSON.",
  ),
  "field.body_too_large": entry(
    () => "Corps trop volumineux.",
    () => "Body too large.",
  ),
  "field.site_path": entry(
    () => "Indiquez un chemin de ce site commençant par « / », sans espace ni caractère de contrôle.",
    () => 'Give a path of this site starting with "/", without spaces or control characters.',
  ),
  "field.mali_side_country": entry(
    () => "Une planche malienne concerne une collectivité du Mali (ML).",
    () => "A Malian planche is for a collectivité in Mali (ML).",
  ),
  "field.partner_side_country": entry(
    () => "Un profil partenaire concerne une collectivité hors du Mali.",
    () => "A partner profile is for a collectivité outside Mali.",
  ),
  "field.side_immutable": entry(
    () => "Le côté d'un profil (mali ou partner) ne peut pas changer.",
    () => "A profile's side (mali or partner) cannot change.",
  ),
  "field.same_side": entry(
    () => "Les deux profils doivent être de côtés différents (mali / partner).",
    () => "Both profiles must be on different sides (mali / partner).",
  ),
  "field.pair_sides": entry(
    () => "maliId doit être une planche malienne et partnerId un partenaire.",
    () => "maliId must be a Malian planche and partnerId a partner.",
  ),
  "field.phase_transition": entry<{ from: string; allowed: readonly string[] }>(
    (p) =>
      `De « ${p.from} », les phases possibles sont : ${p.allowed.length ? p.allowed.join(", ") : "aucune"}.`,
    (p) => `From "${p.from}", allowed phases are: ${p.allowed.length ? p.allowed.join(", ") : "none"}.`,
  ),
  "field.choose_partner_profile": entry(
    () => "Choisissez votre profil de partenaire.",
    () => "Choose your partner profile.",
  ),
  "field.ref_ambiguous": entry<{ code: string; candidates: readonly { code: string; name: string }[] }>(
    (p) =>
      `Le code « ${p.code} » est ambigu : ${joinList(named(p.candidates), "fr")}. Envoyez le code complet, avec son type.`,
    (p) =>
      `The code "${p.code}" is ambiguous: ${joinList(named(p.candidates), "en")}. Send the full code, with its kind.`,
  ),
  "field.ref_bare": entry<{ code: string; candidate: { code: string; name: string } }>(
    (p) => `Le code « ${p.code} » doit être écrit avec son type : ${p.candidate.code} (${p.candidate.name}).`,
    (p) => `The code "${p.code}" must carry its kind: ${p.candidate.code} (${p.candidate.name}).`,
  ),
  "field.ref_format": entry<{ code: string }>(
    (p) => `Le code « ${p.code} » ne suit pas le format attendu (${REF_FORMAT}).`,
    (p) => `The code "${p.code}" does not follow the expected format (${REF_FORMAT}).`,
  ),
  "field.ref_unknown": entry<{ code: string }>(
    (p) => `Aucune collectivité de référence n'a le code ${p.code}.`,
    (p) => `No reference collectivité has the code ${p.code}.`,
  ),
  "field.ref_not_malian": entry<{ code: string }>(
    (p) => `Une planche concerne une collectivité du Mali ; ${p.code} n'en est pas une.`,
    (p) => `A planche is for a collectivité in Mali; ${p.code} is not one.`,
  ),
  "field.ref_malian": entry<{ code: string }>(
    (p) => `Un profil partenaire concerne une collectivité hors du Mali ; ${p.code} est au Mali.`,
    (p) => `A partner profile is for a collectivité outside Mali; ${p.code} is in Mali.`,
  ),
  "field.level_mismatch": entry<{ code: string; name: string; is: string; sent: string }>(
    (p) => `Le code ${p.code} désigne ${article(p.is, "fr")} (${p.name}), pas ${article(p.sent, "fr")}.`,
    (p) => `The code ${p.code} is ${article(p.is, "en")} (${p.name}), not ${article(p.sent, "en")}.`,
  ),
  "field.country_mismatch": entry<{ code: string; country: string }>(
    (p) => `Le code ${p.code} désigne une collectivité française ; le pays doit être FR, pas ${p.country}.`,
    (p) => `The code ${p.code} is a French collectivité; the country must be FR, not ${p.country}.`,
  ),
} satisfies Record<string, Entry<never>>;

export type MessageKey = keyof typeof MESSAGES;
type ParamsOf<K extends MessageKey> = (typeof MESSAGES)[K] extends Entry<infer P> ? P : never;
/** The parameters a key needs, as a rest tuple: none for a fixed sentence. */
export type MessageArgs<K extends MessageKey> = [ParamsOf<K>] extends [undefined] ? [] : [ParamsOf<K>];

export interface Text {
  fr: string;
  en: string;
}

/** Both languages of one catalogue entry. */
export function text<K extends MessageKey>(key: K, ...args: MessageArgs<K>): Text {
  // The rest tuple above is what makes each call type-safe; here one entry of the union is
  // called with the parameters its own key was checked against.
  const e = MESSAGES[key] as unknown as Entry<unknown>;
  const p = args[0];
  return { fr: e.fr(p), en: e.en(p) };
}
