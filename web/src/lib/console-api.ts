import type { ApiClient, RequestOptions } from "./api.js";
import type {
  AlertSettings,
  Interest,
  Introduction,
  IntroductionDetail,
  OutboxPage,
  OutboxStatus,
  Phase,
  PrivateProfile,
  Quality,
  ReviewItem,
  Stats,
  Suggestion,
} from "./console-types.js";
import type { BoardCard } from "./board.js";
import type { Lang, PartnerInput, PlancheInput, PublicProfile } from "./types.js";

const enc = encodeURIComponent;

/** Calls of "Mon espace": my profiles, their alerts, my introductions. */
export function accountApi(api: ApiClient) {
  return {
    myProfiles: (opts?: RequestOptions) =>
      api.get<{ items: PublicProfile[]; total: number }>("/api/profiles", { mine: true, limit: 100 }, opts),
    privateProfile: (id: string, opts?: RequestOptions) =>
      api.get<PrivateProfile>(`/api/profiles/${enc(id)}/private`, {}, opts),
    /** PUT with the version read: a 409 means someone saved in between. */
    updateProfile: (id: string, version: number, input: PlancheInput | PartnerInput) =>
      api.request<PublicProfile>("PUT", `/api/profiles/${enc(id)}`, input, {
        headers: { "if-match": `"${version}"` },
      }),
    submit: (id: string) => api.request<PublicProfile>("POST", `/api/profiles/${enc(id)}/submit`),
    renew: (id: string) => api.request<PublicProfile>("POST", `/api/profiles/${enc(id)}/renew`),
    alerts: (id: string, opts?: RequestOptions) =>
      api.get<AlertSettings>(`/api/profiles/${enc(id)}/alerts`, {}, opts),
    saveAlerts: (id: string, settings: AlertSettings) =>
      api.request<AlertSettings>("PUT", `/api/profiles/${enc(id)}/alerts`, settings),
    myIntroductions: (opts?: RequestOptions) =>
      api.get<{ items: Introduction[] }>("/api/me/introductions", {}, opts),
    introduction: (id: string, opts?: RequestOptions) =>
      api.get<IntroductionDetail>(`/api/introductions/${enc(id)}`, {}, opts),
    respond: (id: string, decision: "accept" | "decline", profileId: string) =>
      api.request<{ id: string; phase: Phase; responses: Introduction["responses"] }>(
        "POST",
        `/api/introductions/${enc(id)}/respond`,
        { decision, profileId },
      ),
    expressInterest: (
      plancheId: string,
      body: { partnerProfileId: string; cooperation: string; unclear: string; whoWeAre: string },
    ) => api.request<Interest>("POST", `/api/profiles/${enc(plancheId)}/interest`, body),
  };
}

/** Calls of the staff console (/api/staff/*). */
export function staffApi(api: ApiClient) {
  return {
    reviewQueue: (opts?: RequestOptions) =>
      api.get<{ items: ReviewItem[] }>("/api/staff/review-queue", {}, opts),
    approve: (id: string, quality?: Quality) =>
      api.request<{ id: string; status: string; expiresAt: string | null }>(
        "POST",
        `/api/staff/profiles/${enc(id)}/approve`,
        quality ? { quality } : {},
      ),
    sendBack: (id: string, reason: string, quality?: Quality) =>
      api.request<{ id: string; status: string }>("POST", `/api/staff/profiles/${enc(id)}/return`, {
        reason,
        ...(quality ? { quality } : {}),
      }),
    suggestions: (lang: Lang, limit = 100, opts?: RequestOptions) =>
      api.get<{ items: Suggestion[] }>("/api/staff/suggestions", { limit, lang }, opts),
    propose: (maliId: string, partnerId: string, note: string) =>
      api.request<Introduction>("POST", "/api/staff/introductions", { maliId, partnerId, note }),
    board: (opts?: RequestOptions) =>
      api.get<{ phases: Phase[]; byPhase: Record<string, BoardCard[]> }>(
        "/api/staff/introductions",
        {},
        opts,
      ),
    movePhase: (id: string, phase: Phase, note: string) =>
      api.request<Introduction>("POST", `/api/staff/introductions/${enc(id)}/phase`, {
        phase,
        ...(note.trim() ? { note: note.trim() } : {}),
      }),
    interests: (status: Interest["status"], opts?: RequestOptions) =>
      api.get<{ items: Interest[] }>("/api/staff/interests", { status }, opts),
    proposeInterest: (id: string, note: string) =>
      api.request<Introduction>("POST", `/api/staff/interests/${enc(id)}/propose`, { note }),
    dismissInterest: (id: string) => api.request<Interest>("POST", `/api/staff/interests/${enc(id)}/dismiss`),
    outbox: (q: { status?: OutboxStatus; limit: number; offset: number }, opts?: RequestOptions) =>
      api.get<OutboxPage>("/api/staff/outbox", q, opts),
    retry: (id: string) => api.request<{ ok: true }>("POST", `/api/staff/outbox/${enc(id)}/retry`),
    stats: (opts?: RequestOptions) => api.get<Stats>("/api/staff/stats", {}, opts),
  };
}
