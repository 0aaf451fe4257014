import type { ReactiveController, ReactiveControllerHost } from "lit";
import type { PrivateProfile } from "../lib/console-types.js";
import { clearDraft, type KeyValueStorage, loadDraft, saveDraft } from "../lib/draft.js";

export interface DraftShape {
  version: number;
  step: number;
}

/** A saved profile opened for editing: its content and the version the PUT must match. */
export interface EditTarget {
  id: string;
  version: number;
  profile: PrivateProfile;
}

function browserStorage(): KeyValueStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export interface DraftOptions<D> {
  /** Where a new profile's draft is kept in localStorage. */
  key: string;
  empty(): D;
  /** The draft of a saved profile, for editing. */
  fromProfile(p: PrivateProfile): D;
  /** The profile the host edits, if any (its `editing` property). */
  editing(): EditTarget | null;
  /** Called after the draft was (re)built from scratch or a saved profile. */
  onReset?(): void;
}

/**
 * The draft of a guided form, kept in localStorage at every keystroke. An edit draft is tied
 * to the version it started from: when the profile was saved elsewhere since, the stale local
 * copy is not offered again.
 */
export class DraftController<D extends DraftShape> implements ReactiveController {
  draft!: D;
  /** The version being edited: `editing`, or the one loaded after a conflict. */
  target: EditTarget | null = null;
  restored = false;
  savedAt: Date | null = null;
  saveFailed = false;

  private readonly storage = browserStorage();
  private initialized = false;
  /** The `editing` value the draft was last built from. */
  private initializedFrom: EditTarget | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: DraftOptions<D>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (!this.initialized) this.start(this.options.editing());
  }

  /** The parent sets `editing` again (same object) each time it renders: rebuild only on a new one. */
  hostUpdate(): void {
    const editing = this.options.editing();
    if (this.initialized && editing !== this.initializedFrom) this.start(editing);
  }

  private get storageKey(): string {
    const e = this.target;
    return e ? `${this.options.key}:edit:${e.id}:v${e.version}` : this.options.key;
  }

  private startingDraft(): D {
    return this.target ? this.options.fromProfile(this.target.profile) : this.options.empty();
  }

  /** Start from `target` (or the empty form), offering the copy kept locally if there is one. */
  start(target: EditTarget | null): void {
    this.initialized = true;
    this.initializedFrom = this.options.editing();
    this.target = target;
    const saved = loadDraft(this.storage, this.storageKey, () => this.startingDraft());
    this.draft = saved ?? this.startingDraft();
    this.restored = saved !== null;
    this.savedAt = null;
    this.options.onReset?.();
    this.host.requestUpdate();
  }

  /** Replace the draft and keep it at once. */
  set(next: D): void {
    this.draft = next;
    this.persist();
  }

  persist(): void {
    const ok = saveDraft(this.storage, this.storageKey, this.draft);
    this.saveFailed = !ok;
    if (ok) this.savedAt = new Date();
    this.host.requestUpdate();
  }

  /** Forget the local copy (after a save, a reset, or before loading the current version). */
  clear(): void {
    clearDraft(this.storage, this.storageKey);
  }

  /** Back to the starting point, the local copy forgotten. */
  reset(): void {
    this.clear();
    this.draft = this.startingDraft();
    this.restored = false;
    this.savedAt = null;
    this.host.requestUpdate();
  }

  /** An empty form for another profile. */
  fresh(): void {
    this.draft = this.options.empty();
    this.restored = false;
    this.host.requestUpdate();
  }
}
