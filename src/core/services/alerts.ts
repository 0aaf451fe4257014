import type { CommitCtx, Ctx, MailCtx } from "./curation-deps.js";
import { messages } from "../mail/messages.js";
import type { ChangeSet } from "../ports-curation.js";
import { scorePair } from "../ranking/rank.js";
import type { MaliSide, PartnerSide } from "../ranking/types.js";
import type { AlertSettings } from "../schemas/account.js";
import { type Profile, toPublicProfile } from "../schemas/profile.js";
import { commit, langOf, mailTo, profileUrl } from "./curation-deps.js";
import { buildRankingContext } from "./matching.js";

/** Matching the new profile against the subscribers, and composing their e-mails. */
export type AlertCtx = Pick<Ctx, "curation" | "store" | "matching" | "baseUrl"> & MailCtx;

/**
 * When a profile is published, every opted-in owner on the other side whose profile it
 * fits above their threshold hears of it: at once, or in the weekly digest.
 */
export async function alertChangesFor(deps: AlertCtx, published: Profile): Promise<ChangeSet> {
  const otherSide = published.side === "mali" ? "partner" : "mali";
  const subscribers = await deps.curation.alertSubscribers(otherSide);
  if (subscribers.length === 0) return {};
  const profiles = (await deps.store.getMany(subscribers.map((s) => s.profileId))).filter(
    (p) => p.status === "published",
  );
  const ctx = await buildRankingContext(deps.matching, published, profiles);
  const changes: Required<Pick<ChangeSet, "outbox" | "issueTokens" | "alertHits">> = {
    outbox: [],
    issueTokens: [],
    alertHits: [],
  };
  for (const sub of subscribers) {
    const owner = profiles.find((p) => p.id === sub.profileId);
    if (!owner) continue;
    const m = (owner.side === "mali" ? owner : published) as MaliSide;
    const p = (owner.side === "mali" ? published : owner) as PartnerSide;
    const r = scorePair(m, p, ctx, owner.side);
    if (r.excluded || r.score < sub.settings.threshold) continue;
    if (sub.settings.mode === "instant") {
      const lang = langOf(owner);
      const mail = await mailTo(deps, "match_alert", owner.contact.email, (u) =>
        messages.alert(
          lang,
          {
            forName: owner.collectivite.name,
            weekly: false,
            matches: [
              {
                profile: toPublicProfile(published),
                score: r.score,
                url: profileUrl(deps, published),
                why: r.explanation.filter((e) => e.factor !== "context").map((e) => e[lang]),
              },
            ],
          },
          u,
        ),
      );
      changes.outbox.push(mail.message);
      changes.issueTokens.push(...mail.tokens);
    } else {
      changes.alertHits.push({
        id: deps.newId(),
        profileId: owner.id,
        matchedId: published.id,
        score: r.score,
        createdAt: deps.clock.now().toISOString(),
      });
    }
  }
  return changes;
}

export async function setAlerts(deps: CommitCtx, profileId: string, settings: AlertSettings) {
  await commit(deps, { alerts: [{ profileId, settings, updatedAt: deps.clock.now().toISOString() }] });
  return settings;
}

export async function getAlerts(deps: Pick<Ctx, "curation">, profileId: string): Promise<AlertSettings> {
  const s = await deps.curation.alertSettings(profileId);
  return s ? { mode: s.mode, threshold: s.threshold } : { mode: "off", threshold: 0.6 };
}
