import type { ProfileStore } from "../ports.js";
import type { Me, Session, User } from "../schemas/account.js";
import { toPublicProfile } from "../schemas/profile.js";

/**
 * Who is signed in, the CSRF token their state changes must carry, and their profiles.
 * Anonymous visitors get a plain answer, not an error: the web app asks on every load.
 */
export async function whoAmI(
  ctx: { store: Pick<ProfileStore, "list"> },
  user: User | null,
  session: Session | null,
): Promise<Me> {
  if (!user) return { user: null, csrfToken: null, profiles: [] };
  const profiles = await ctx.store.list({ ownerId: user.id, limit: 100, offset: 0 });
  return {
    user: { id: user.id, email: user.email, role: user.role, language: user.language },
    csrfToken: session?.csrf ?? null,
    profiles: profiles.items.map(toPublicProfile),
  };
}
