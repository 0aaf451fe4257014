import { FEEDBACK_LABELS } from "../schemas/introduction.js";
import type { MailContent } from "../schemas/mail.js";
import type { Contact, PublicProfile } from "../schemas/profile.js";
import { domainLabel } from "../taxonomy.js";
import { type Block, type Lang, render } from "./layout.js";

const L = <T>(lang: Lang, fr: T, en: T) => (lang === "fr" ? fr : en);

/** A few lines presenting a profile's public side, for introductions and alerts. */
export function profileSummary(p: PublicProfile, lang: Lang): string[] {
  const c = p.collectivite;
  const place = [c.cercleName, c.regionName].filter(Boolean).join(", ");
  const head = `${c.name}${place ? ` (${place})` : ""}${c.country !== "ML" ? ` — ${c.country}` : ""}`;
  const pop = c.population ? L(lang, `${c.population} habitants`, `${c.population} inhabitants`) : null;
  if (p.side === "mali") {
    const prios = p.priorities
      .slice(0, 4)
      .map((x, i) => `${i + 1}. ${domainLabel(x.sector, lang)} — ${x.aspect}`);
    return [head, ...(pop ? [pop] : []), L(lang, "Priorités du PDESC :", "PDESC priorities:"), ...prios];
  }
  return [
    head,
    ...(pop ? [pop] : []),
    `${L(lang, "Expertise offerte", "Expertise offered")} : ${p.expertiseOffered.map((d) => domainLabel(d, lang)).join(", ") || "—"}`,
    `${L(lang, "Thèmes recherchés", "Themes sought")} : ${p.themesSought.map((d) => domainLabel(d, lang)).join(", ")}`,
    ...(p.offerDescription ? [p.offerDescription] : []),
  ];
}

const contactLines = (name: string, c: Contact, lang: Lang) =>
  [
    `${name} — ${c.name}${c.role ? ` (${c.role})` : ""}`,
    `${L(lang, "E-mail", "E-mail")} : ${c.email}`,
    ...(c.phone ? [`${L(lang, "Téléphone", "Phone")} : ${c.phone}`] : []),
  ].join("\n");

export const messages = {
  login(lang: Lang, link: string, minutes: number, unsubscribe: string): MailContent {
    return render(
      lang,
      L(
        lang,
        "Votre lien de connexion — Bourse aux partenaires",
        "Your sign-in link — Bourse aux partenaires",
      ),
      [
        { p: L(lang, "Bonjour,", "Hello,") },
        {
          p: L(
            lang,
            `Pour vous connecter à la Bourse aux partenaires, ouvrez ce lien (valable ${minutes} minutes, une seule fois) :`,
            `To sign in to the Bourse aux partenaires, open this link (valid ${minutes} minutes, once):`,
          ),
        },
        { links: [{ label: L(lang, "Se connecter", "Sign in"), url: link }] },
        {
          p: L(
            lang,
            "Si vous n'avez rien demandé, ignorez ce message.",
            "If you did not ask for it, ignore this message.",
          ),
        },
      ],
      unsubscribe,
    );
  },

  published(lang: Lang, name: string, url: string, expiresAt: string, unsubscribe: string): MailContent {
    return render(
      lang,
      L(lang, `Votre profil « ${name} » est publié`, `Your profile "${name}" is published`),
      [
        {
          p: L(
            lang,
            `L'équipe de l'AMM a validé votre profil. Il est visible dans la bourse jusqu'au ${expiresAt.slice(0, 10)}.`,
            `AMM staff approved your profile. It is visible in the exchange until ${expiresAt.slice(0, 10)}.`,
          ),
        },
        { links: [{ label: L(lang, "Voir le profil", "See the profile"), url }] },
      ],
      unsubscribe,
    );
  },

  returned(lang: Lang, name: string, reason: string, url: string, unsubscribe: string): MailContent {
    return render(
      lang,
      L(lang, `Votre profil « ${name} » est à compléter`, `Your profile "${name}" needs changes`),
      [
        {
          p: L(
            lang,
            "L'équipe de l'AMM a relu votre profil et vous le renvoie avec ce commentaire :",
            "AMM staff reviewed your profile and sent it back with this comment:",
          ),
        },
        { quote: reason },
        { links: [{ label: L(lang, "Modifier le profil", "Edit the profile"), url }] },
      ],
      unsubscribe,
    );
  },

  introduction(
    lang: Lang,
    p: {
      other: PublicProfile;
      why: string[];
      note: string;
      accept: string;
      decline: string;
      expiresAt: string;
      reminder: boolean;
    },
    unsubscribe: string,
  ): MailContent {
    const name = p.other.collectivite.name;
    const blocks: Block[] = [
      {
        p: p.reminder
          ? L(
              lang,
              `Rappel : l'équipe de l'AMM vous a proposé une mise en relation avec ${name}. Vous pouvez répondre jusqu'au ${p.expiresAt.slice(0, 10)}.`,
              `Reminder: AMM staff suggested an introduction to ${name}. You can answer until ${p.expiresAt.slice(0, 10)}.`,
            )
          : L(
              lang,
              `L'équipe de l'AMM vous propose une mise en relation avec ${name}. Répondez avant le ${p.expiresAt.slice(0, 10)}.`,
              `AMM staff suggest an introduction to ${name}. Please answer before ${p.expiresAt.slice(0, 10)}.`,
            ),
      },
      { heading: L(lang, "Le profil", "The profile") },
      { list: profileSummary(p.other, lang) },
      { heading: L(lang, "Pourquoi cette proposition", "Why this match") },
      { list: p.why },
    ];
    if (p.note)
      blocks.push({ heading: L(lang, "Mot de l'équipe", "A note from the staff") }, { quote: p.note });
    blocks.push(
      {
        p: L(
          lang,
          "Les coordonnées de chacun ne sont transmises que si les deux parties acceptent.",
          "Contact details are shared only if both sides accept.",
        ),
      },
      {
        links: [
          { label: L(lang, "J'accepte", "I accept"), url: p.accept },
          { label: L(lang, "Je décline", "I decline"), url: p.decline },
        ],
      },
    );
    return render(
      lang,
      L(
        lang,
        `${p.reminder ? "Rappel — " : ""}Proposition de mise en relation : ${name}`,
        `${p.reminder ? "Reminder — " : ""}Suggested introduction: ${name}`,
      ),
      blocks,
      unsubscribe,
    );
  },

  joint(
    lang: Lang,
    p: { mali: { name: string; contact: Contact }; partner: { name: string; contact: Contact }; url: string },
    unsubscribe: string,
  ): MailContent {
    return render(
      lang,
      L(
        lang,
        `Mise en relation acceptée : ${p.mali.name} – ${p.partner.name}`,
        `Introduction accepted: ${p.mali.name} – ${p.partner.name}`,
      ),
      [
        {
          p: L(
            lang,
            "Les deux collectivités ont accepté la mise en relation. Voici les coordonnées de chacune ; à vous de prendre contact pour une première rencontre (à distance si besoin).",
            "Both collectivités accepted the introduction. Here are both contacts; get in touch for a first meeting (remotely if need be).",
          ),
        },
        { quote: contactLines(p.mali.name, p.mali.contact, lang) },
        { quote: contactLines(p.partner.name, p.partner.contact, lang) },
        {
          p: L(
            lang,
            "Le Guide de la coopération décentralisée recommande ensuite : première rencontre, plan d'action, convention signée par les deux conseils, sous le contrôle de la tutelle.",
            "The Guide recommends next: a first meeting, an action plan, an agreement signed by both councils, under State oversight.",
          ),
        },
        { links: [{ label: L(lang, "Suivre la mise en relation", "Follow the introduction"), url: p.url }] },
      ],
      unsubscribe,
    );
  },

  declined(lang: Lang, otherName: string, unsubscribe: string): MailContent {
    return render(
      lang,
      L(lang, `Mise en relation close : ${otherName}`, `Introduction closed: ${otherName}`),
      [
        {
          p: L(
            lang,
            `La mise en relation avec ${otherName} ne se fera pas. L'équipe de l'AMM continue de chercher d'autres partenaires pour vous.`,
            `The introduction to ${otherName} will not go ahead. AMM staff keep looking for other partners for you.`,
          ),
        },
      ],
      unsubscribe,
    );
  },

  followUp(
    lang: Lang,
    p: { otherName: string; months: number; links: { level: number; url: string }[] },
    unsubscribe: string,
  ): MailContent {
    return render(
      lang,
      L(
        lang,
        `${p.months} mois après : où en est votre partenariat avec ${p.otherName} ?`,
        `${p.months} months on: how is your partnership with ${p.otherName}?`,
      ),
      [
        {
          p: L(
            lang,
            `Il y a ${p.months} mois, vous avez accepté une mise en relation avec ${p.otherName}. Un clic suffit pour nous dire où vous en êtes :`,
            `${p.months} months ago you accepted an introduction to ${p.otherName}. One click tells us where you are:`,
          ),
        },
        {
          links: p.links.map((l) => ({
            label: FEEDBACK_LABELS[l.level]?.[lang] ?? String(l.level),
            url: l.url,
          })),
        },
      ],
      unsubscribe,
    );
  },

  expiring(lang: Lang, name: string, expiresAt: string, renew: string, unsubscribe: string): MailContent {
    return render(
      lang,
      L(lang, `Votre profil « ${name} » expire bientôt`, `Your profile "${name}" expires soon`),
      [
        {
          p: L(
            lang,
            `Votre profil reste visible jusqu'au ${expiresAt.slice(0, 10)}. Un clic le renouvelle pour 12 mois.`,
            `Your profile stays visible until ${expiresAt.slice(0, 10)}. One click renews it for 12 months.`,
          ),
        },
        { links: [{ label: L(lang, "Renouveler", "Renew"), url: renew }] },
      ],
      unsubscribe,
    );
  },

  alert(
    lang: Lang,
    p: {
      forName: string;
      matches: { profile: PublicProfile; score: number; url: string; why: string[] }[];
      weekly: boolean;
    },
    unsubscribe: string,
  ): MailContent {
    const blocks: Block[] = [
      {
        p: p.weekly
          ? L(
              lang,
              `Cette semaine, ${p.matches.length} nouveau(x) profil(s) correspondent à « ${p.forName} » :`,
              `This week, ${p.matches.length} new profile(s) match "${p.forName}":`,
            )
          : L(
              lang,
              `Un nouveau profil correspond à « ${p.forName} » :`,
              `A new profile matches "${p.forName}":`,
            ),
      },
    ];
    for (const m of p.matches) {
      blocks.push(
        { heading: `${m.profile.collectivite.name} — ${Math.round(m.score * 100)} %` },
        { list: [...profileSummary(m.profile, lang).slice(1), ...m.why.slice(0, 3)] },
        { links: [{ label: L(lang, "Voir le profil", "See the profile"), url: m.url }] },
      );
    }
    return render(
      lang,
      p.weekly
        ? L(lang, "Vos correspondances de la semaine", "Your matches of the week")
        : L(
            lang,
            `Nouvelle correspondance : ${p.matches[0]?.profile.collectivite.name ?? ""}`,
            `New match: ${p.matches[0]?.profile.collectivite.name ?? ""}`,
          ),
      blocks,
      unsubscribe,
    );
  },
};
