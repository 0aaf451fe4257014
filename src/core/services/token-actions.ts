import type { AuditCtx, CommitCtx, Ctx, MailCtx, StoreCtx } from "./curation-deps.js";
import { DomainError } from "../errors.js";
import type { Lang } from "../mail/layout.js";
import { FEEDBACK_LABELS } from "../schemas/introduction.js";
import { completeLogin } from "./auth.js";
import { commit } from "./curation-deps.js";
import { getIntroduction, respondToIntroduction } from "./introductions.js";
import { getProfile } from "./profiles.js";
import { renewProfile } from "./review.js";

/** Acting on a link: whatever its purpose needs (a session, an answer, a renewal, an unsubscribe). */
export type LinkCtx = StoreCtx &
  Pick<Ctx, "signer" | "accounts" | "curation" | "baseUrl"> &
  MailCtx &
  CommitCtx &
  AuditCtx;

export const TOKEN_PURPOSES = [
  "login",
  "intro_accept",
  "intro_decline",
  "feedback",
  "renew",
  "unsubscribe",
] as const;
export type TokenPurpose = (typeof TOKEN_PURPOSES)[number];

/** Tokens that can be used again (unsubscribing twice is harmless). */
const REUSABLE: ReadonlySet<TokenPurpose> = new Set(["unsubscribe"]);

const gone = () => DomainError.gone("token.gone");

async function open(deps: Pick<Ctx, "signer" | "accounts" | "clock">, purpose: TokenPurpose, token: string) {
  const nonce = await deps.signer.verify(purpose, token);
  if (!nonce) throw gone();
  const record = await deps.accounts.token(nonce);
  if (!record || record.purpose !== purpose) throw gone();
  if (record.usedAt && !REUSABLE.has(purpose)) throw gone();
  if (Date.parse(record.expiresAt) <= deps.clock.now().getTime()) throw gone();
  return { nonce, subject: JSON.parse(record.subject) as Record<string, unknown> };
}

const L = (lang: Lang, fr: string, en: string) => (lang === "fr" ? fr : en);

/** What a link will do, for the confirmation page (a link prefetcher must not act). */
export async function describeToken(
  deps: Pick<Ctx, "signer" | "accounts" | "clock" | "curation" | "store">,
  purpose: TokenPurpose,
  token: string,
  lang: Lang,
): Promise<{ title: string; text: string; button: string }> {
  const { subject } = await open(deps, purpose, token);
  switch (purpose) {
    case "login":
      return {
        title: L(lang, "Connexion", "Sign in"),
        text: L(lang, "Confirmez pour ouvrir votre session.", "Confirm to open your session."),
        button: L(lang, "Se connecter", "Sign in"),
      };
    case "intro_accept":
    case "intro_decline": {
      const intro = await getIntroduction(deps, String(subject.introductionId));
      const other = await getProfile(deps, subject.side === "mali" ? intro.partnerId : intro.maliId);
      const accept = purpose === "intro_accept";
      return {
        title: accept
          ? L(lang, "Accepter la mise en relation", "Accept the introduction")
          : L(lang, "Décliner la mise en relation", "Decline the introduction"),
        text: accept
          ? L(
              lang,
              `Vous acceptez d'être mis en relation avec ${other.collectivite.name}. Vos coordonnées ne seront transmises que si l'autre partie accepte aussi.`,
              `You accept an introduction to ${other.collectivite.name}. Your contact details are shared only if the other side accepts too.`,
            )
          : L(
              lang,
              `Vous déclinez la mise en relation avec ${other.collectivite.name}. Ce choix est définitif.`,
              `You decline the introduction to ${other.collectivite.name}. This is final.`,
            ),
        button: accept ? L(lang, "J'accepte", "I accept") : L(lang, "Je décline", "I decline"),
      };
    }
    case "feedback": {
      const label = FEEDBACK_LABELS[Number(subject.level)]?.[lang] ?? "";
      return {
        title: L(lang, "Où en est votre partenariat ?", "How is your partnership?"),
        text: L(lang, `Votre réponse : « ${label} ».`, `Your answer: "${label}".`),
        button: L(lang, "Envoyer", "Send"),
      };
    }
    case "renew":
      return {
        title: L(lang, "Renouveler le profil", "Renew the profile"),
        text: L(
          lang,
          "Votre profil restera visible 12 mois de plus.",
          "Your profile will stay visible 12 more months.",
        ),
        button: L(lang, "Renouveler", "Renew"),
      };
    case "unsubscribe":
      return {
        title: L(lang, "Se désabonner", "Unsubscribe"),
        text: L(
          lang,
          `Plus aucune alerte de correspondance pour ${String(subject.email)}.`,
          `No more match alerts for ${String(subject.email)}.`,
        ),
        button: L(lang, "Me désabonner", "Unsubscribe me"),
      };
  }
}

export type TokenOutcome =
  | { kind: "session"; sessionId: string; next: string; message: { fr: string; en: string } }
  | { kind: "done"; message: { fr: string; en: string } };

export async function performToken(
  deps: LinkCtx,
  purpose: TokenPurpose,
  token: string,
): Promise<TokenOutcome> {
  const { nonce, subject } = await open(deps, purpose, token);
  switch (purpose) {
    case "login": {
      const s = await completeLogin(deps, nonce, { userId: String(subject.userId), next: subject.next });
      return {
        kind: "session",
        sessionId: s.sessionId,
        next: s.next,
        message: { fr: "Vous êtes connecté.", en: "You are signed in." },
      };
    }
    case "intro_accept":
    case "intro_decline": {
      const side = subject.side === "partner" ? "partner" : "mali";
      const decision = purpose === "intro_accept" ? "accept" : "decline";
      const intro = await respondToIntroduction(
        deps,
        String(subject.introductionId),
        side,
        decision,
        `link:${side}`,
        nonce,
      );
      return {
        kind: "done",
        message:
          decision === "decline"
            ? { fr: "Votre refus est enregistré. Merci.", en: "Your answer is recorded. Thank you." }
            : intro.phase === "accepted"
              ? {
                  fr: "Les deux parties ont accepté : vous allez recevoir les coordonnées par e-mail.",
                  en: "Both sides accepted: you will receive the contact details by e-mail.",
                }
              : {
                  fr: "Votre accord est enregistré. Nous attendons la réponse de l'autre partie.",
                  en: "Your acceptance is recorded. We are waiting for the other side.",
                },
      };
    }
    case "feedback": {
      const introductionId = String(subject.introductionId);
      const side = String(subject.side);
      const months = Number(subject.months);
      const already = await deps.curation.feedbackFor(introductionId);
      if (already.some((f) => f.side === side && f.months === months)) throw gone();
      await commit(deps, {
        useTokens: [nonce],
        feedback: [
          {
            id: deps.newId(),
            introductionId,
            side,
            months,
            level: Number(subject.level),
            at: deps.clock.now().toISOString(),
          },
        ],
      });
      return { kind: "done", message: { fr: "Merci pour votre réponse.", en: "Thank you for your answer." } };
    }
    case "renew": {
      await renewProfile(deps, "token", String(subject.profileId));
      await commit(deps, { useTokens: [nonce] });
      return {
        kind: "done",
        message: { fr: "Profil renouvelé pour 12 mois.", en: "Profile renewed for 12 months." },
      };
    }
    case "unsubscribe": {
      const email = String(subject.email).toLowerCase();
      const all = await deps.store.list({ limit: 100_000, offset: 0 });
      const now = deps.clock.now().toISOString();
      const alerts = all.items
        .filter((p) => p.contact.email.toLowerCase() === email)
        .map((p) => ({
          profileId: p.id,
          settings: { mode: "off" as const, threshold: 0.6 },
          updatedAt: now,
        }));
      await commit(deps, { alerts });
      return {
        kind: "done",
        message: { fr: "Vous ne recevrez plus d'alertes.", en: "You will receive no more alerts." },
      };
    }
  }
}
