import { domainLabel, type DomainCode } from "../taxonomy.js";
import type { DomainMatch, RegionMatch, SizeMatch } from "./factors.js";
import type { Explanation, MaliSide, PartnerSide, RankingContext } from "./types.js";

const LEVEL_LABEL: Record<string, { fr: string; en: string }> = {
  commune: { fr: "commune", en: "commune" },
  cercle: { fr: "cercle", en: "cercle" },
  region: { fr: "région", en: "region" },
  epci: { fr: "intercommunalité", en: "inter-municipal body" },
  departement: { fr: "département", en: "département" },
  other: { fr: "collectivité", en: "local government" },
};

function list(codes: readonly DomainCode[], lang: "fr" | "en"): string {
  const labels = codes.map((c) => domainLabel(c, lang).toLowerCase());
  if (labels.length <= 1) return labels.join("");
  const and = lang === "fr" ? " et " : " and ";
  return `${labels.slice(0, -1).join(", ")}${and}${labels[labels.length - 1]}`;
}

const NUMBER = { fr: new Intl.NumberFormat("fr-FR"), en: new Intl.NumberFormat("en-GB") };
const fmt = (n: number, lang: "fr" | "en") => NUMBER[lang].format(Math.round(n)).replace(/\u202f/g, " ");

export interface ExplainInput {
  viewer: "mali" | "partner";
  m: MaliSide;
  p: PartnerSide;
  domain: DomainMatch;
  region: RegionMatch;
  size: SizeMatch;
  malianPartners: number;
  partnerTies: number;
  fitForMali: number;
  fitForPartner: number;
  ctx: RankingContext;
}

/** Sentences a person can read, built from the factors only, in French and English. */
export function explain(x: ExplainInput): Explanation[] {
  const out: Explanation[] = [];
  const mName = x.m.collectivite.name;
  const pName = x.p.collectivite.name;
  const mine = x.viewer === "mali";

  if (x.domain.metByExpertise.length > 0) {
    const fr = list(x.domain.metByExpertise, "fr");
    const en = list(x.domain.metByExpertise, "en");
    out.push({
      factor: "domain",
      fr: mine
        ? `Vos priorités ${fr} correspondent à l'expertise offerte par ${pName}.`
        : `Les priorités de ${mName} (${fr}) correspondent à votre expertise.`,
      en: mine
        ? `Your priorities ${en} match the expertise offered by ${pName}.`
        : `${mName}'s priorities (${en}) match your expertise.`,
    });
  }
  if (x.domain.metByThemes.length > 0) {
    const fr = list(x.domain.metByThemes, "fr");
    const en = list(x.domain.metByThemes, "en");
    out.push({
      factor: "domain",
      fr: mine
        ? `${pName} souhaite aussi agir en ${fr}.`
        : `Vous souhaitez agir en ${fr}, une priorité de ${mName}.`,
      en: mine
        ? `${pName} also wants to work on ${en}.`
        : `You want to work on ${en}, a priority of ${mName}.`,
    });
  }
  if (x.domain.metByExpertise.length === 0 && x.domain.metByThemes.length === 0) {
    out.push({
      factor: "domain",
      fr: "Aucun secteur prioritaire en commun.",
      en: "No priority sector in common.",
    });
  }

  if (x.region.diaspora) {
    const assoc = x.region.diaspora.association;
    const place =
      x.region.diaspora.level === "cercle"
        ? (x.m.collectivite.cercleName ?? mName)
        : (x.m.collectivite.regionName ?? mName);
    out.push({
      factor: "region",
      fr: assoc
        ? `Une association de ressortissants (${assoc}) relie ${place} à ${pName}.`
        : `Une association de ressortissants de ${place} est active à ${pName}.`,
      en: assoc
        ? `A diaspora association (${assoc}) links ${place} and ${pName}.`
        : `An association of people from ${place} is active in ${pName}.`,
    });
  }
  if (x.region.preferred) {
    out.push({
      factor: "region",
      fr: `${mName} se trouve dans une zone que ${pName} cible.`,
      en: `${mName} lies in an area ${pName} is looking at.`,
    });
  }
  if (x.region.activeNearby) {
    const where = x.ctx.placeNames.get(x.region.activeNearby.code) ?? x.region.activeNearby.code;
    out.push({
      factor: "region",
      fr: `${pName} est déjà active à ${where}, tout près : le travail peut être mutualisé.`,
      en: `${pName} is already active in ${where}, nearby: work can be pooled.`,
    });
  }

  const ml =
    x.m.collectivite.refCode === "ML09"
      ? { fr: "district", en: "district" }
      : (LEVEL_LABEL[x.m.collectivite.level] ?? LEVEL_LABEL.other!);
  const pl = LEVEL_LABEL[x.p.collectivite.level] ?? LEVEL_LABEL.other!;
  if (x.size.level >= 1 && ml.fr === pl.fr) {
    out.push({
      factor: "size",
      fr: `Même niveau : ${ml.fr} – ${pl.fr}.`,
      en: `Same level: ${ml.en} – ${pl.en}.`,
    });
  } else if (x.size.level >= 0.6) {
    out.push({
      factor: "size",
      fr: `Niveaux compatibles : ${ml.fr} – ${pl.fr}.`,
      en: `Compatible levels: ${ml.en} – ${pl.en}.`,
    });
  } else {
    out.push({
      factor: "size",
      fr: `Niveaux éloignés : ${ml.fr} – ${pl.fr}.`,
      en: `Distant levels: ${ml.en} – ${pl.en}.`,
    });
  }
  const ma = x.m.collectivite.population;
  const pa = x.p.collectivite.population;
  if (x.size.ratio !== null && ma && pa) {
    const close = x.size.ratio <= 4;
    out.push({
      factor: "size",
      fr: `${close ? "Tailles comparables" : "Tailles différentes"} : ${fmt(ma, "fr")} et ${fmt(pa, "fr")} habitants.`,
      en: `${close ? "Comparable sizes" : "Different sizes"}: ${fmt(ma, "en")} and ${fmt(pa, "en")} inhabitants.`,
    });
  }

  if (x.malianPartners === 0) {
    out.push({
      factor: "ties",
      fr: `${mName} n'a encore aucun partenaire connu.`,
      en: `${mName} has no known partner yet.`,
    });
  } else if (x.malianPartners >= 2) {
    out.push({
      factor: "ties",
      fr: `${mName} a déjà ${x.malianPartners} partenaires connus.`,
      en: `${mName} already has ${x.malianPartners} known partners.`,
    });
  }
  if (x.partnerTies > 0) {
    out.push({
      factor: "ties",
      fr: `${pName} a l'expérience du Mali (${x.partnerTies} partenariat${x.partnerTies > 1 ? "s" : ""} connu${x.partnerTies > 1 ? "s" : ""}).`,
      en: `${pName} has experience in Mali (${x.partnerTies} known partnership${x.partnerTies > 1 ? "s" : ""}).`,
    });
  }

  const low = Math.min(x.fitForMali, x.fitForPartner);
  if (low < 0.35 && Math.max(x.fitForMali, x.fitForPartner) >= 0.5) {
    const weakSide = x.fitForMali < x.fitForPartner ? mName : pName;
    out.push({
      factor: "reciprocity",
      fr: `Intérêt à sens unique : l'offre répond mal aux attentes de ${weakSide}.`,
      en: `One-sided interest: the match answers ${weakSide}'s wishes poorly.`,
    });
  }

  const region = x.m.collectivite.regionName;
  const advice = region ? x.ctx.travelAdvice.get(region) : undefined;
  if (advice && advice.zone !== "vert") {
    out.push({
      factor: "context",
      fr: `Contexte : déplacements « ${advice.label} » dans la région de ${region} (avis du ${advice.asOf}) ; coopération à distance, par la diaspora ou des opérateurs locaux.`,
      en: `Context: travel to the ${region} region is advised against ("${advice.label}", as of ${advice.asOf}); cooperate remotely, through the diaspora or local operators.`,
    });
  }
  return out;
}
