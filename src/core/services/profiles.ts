import { DomainError, fieldError } from "../errors.js";
import type { Clock, IdGenerator, Page, ProfileListQuery, ProfileStore, ReferenceData } from "../ports.js";
import {
  type Profile,
  type ProfileInput,
  ProfileInputSchema,
  type ProfileStatus,
} from "../schemas/profile.js";
import { parseOrThrow } from "../validation.js";
import { resolveCollectivite } from "./collectivite.js";

export interface ProfileDeps {
  store: ProfileStore;
  reference: ReferenceData;
  clock: Clock;
  newId: IdGenerator;
  /** Called after every committed write; never lets an index failure fail the write. */
  afterWrite?: () => Promise<void>;
}

/** Published profiles stay visible this long before they must be renewed. */
export const PUBLICATION_MONTHS = 12;

export function expiryFrom(now: Date): string {
  const d = new Date(now.getTime());
  d.setUTCMonth(d.getUTCMonth() + PUBLICATION_MONTHS);
  return d.toISOString();
}

function checkSideRules(input: ProfileInput): void {
  if (input.side === "mali" && input.collectivite.country !== "ML") {
    throw DomainError.validation("profile.inconsistent_country", [
      fieldError("collectivite.country", "mali_side_country", "field.mali_side_country"),
    ]);
  }
  if (input.side === "partner" && input.collectivite.country === "ML") {
    throw DomainError.validation("profile.inconsistent_country", [
      fieldError("collectivite.country", "partner_side_country", "field.partner_side_country"),
    ]);
  }
}

async function prepare(deps: ProfileDeps, raw: unknown): Promise<ProfileInput> {
  const input = parseOrThrow(ProfileInputSchema, raw);
  checkSideRules(input);
  const collectivite = await resolveCollectivite(deps.reference, input.side, input.collectivite);
  return { ...input, collectivite } as ProfileInput;
}

export async function createProfile(
  deps: ProfileDeps,
  raw: unknown,
  opts: { status: ProfileStatus; ownerId: string | null },
): Promise<Profile> {
  const input = await prepare(deps, raw);
  const now = deps.clock.now().toISOString();
  const published = opts.status === "published";
  const profile = {
    ...input,
    id: deps.newId(),
    status: opts.status,
    version: 1,
    createdAt: now,
    updatedAt: now,
    publishedAt: published ? now : null,
    expiresAt: published ? expiryFrom(deps.clock.now()) : null,
    ownerId: opts.ownerId,
  } as Profile;
  await deps.store.insert(profile);
  await deps.afterWrite?.();
  return profile;
}

export async function getProfile(deps: Pick<ProfileDeps, "store">, id: string): Promise<Profile> {
  const p = await deps.store.get(id);
  if (!p) throw DomainError.notFound("profile.not_found");
  return p;
}

/** Replace a profile's content. The side cannot change; the version guards lost updates. */
export async function updateProfile(
  deps: ProfileDeps,
  id: string,
  raw: unknown,
  opts: { expectedVersion?: number; status?: ProfileStatus; reviewSubstantialChanges?: boolean } = {},
): Promise<Profile> {
  const current = await getProfile(deps, id);
  const input = await prepare(deps, raw);
  if (input.side !== current.side) {
    throw DomainError.validation("profile.side_immutable", [
      fieldError("side", "side_immutable", "field.side_immutable"),
    ]);
  }
  if (opts.expectedVersion !== undefined && opts.expectedVersion !== current.version) {
    throw versionConflict();
  }
  const next = withStatus(
    {
      ...current,
      ...input,
      version: current.version + 1,
      updatedAt: deps.clock.now().toISOString(),
    } as Profile,
    opts.status ?? current.status,
    deps.clock.now(),
  );
  if (!(await deps.store.replace(next, current.version))) throw versionConflict();
  await deps.afterWrite?.();
  return next;
}

export async function setProfileStatus(
  deps: ProfileDeps,
  id: string,
  status: ProfileStatus,
): Promise<Profile> {
  const current = await getProfile(deps, id);
  const next = withStatus(
    { ...current, version: current.version + 1, updatedAt: deps.clock.now().toISOString() },
    status,
    deps.clock.now(),
  );
  if (!(await deps.store.replace(next, current.version))) throw versionConflict();
  await deps.afterWrite?.();
  return next;
}

function withStatus(p: Profile, status: ProfileStatus, now: Date): Profile {
  if (status === "published" && p.status !== "published") {
    return { ...p, status, publishedAt: now.toISOString(), expiresAt: expiryFrom(now) };
  }
  return { ...p, status };
}

function versionConflict(): DomainError {
  return DomainError.conflict("profile.changed");
}

/**
 * A change is substantial when it touches what others match on: who the collectivité is,
 * its priorities, or what it seeks and offers. Wording and contact fixes are not.
 */
export function isSubstantialChange(before: Profile, after: Profile): boolean {
  const key = (p: Profile) =>
    JSON.stringify(
      p.side === "mali"
        ? [p.collectivite.refCode, p.collectivite.name, p.priorities, p.partnerSought.themes]
        : [p.collectivite.refCode, p.collectivite.name, p.themesSought, p.expertiseOffered, p.preferredAreas],
    );
  return key(before) !== key(after);
}

export async function listProfiles(
  deps: Pick<ProfileDeps, "store">,
  query: ProfileListQuery,
): Promise<Page<Profile>> {
  return deps.store.list(query);
}
