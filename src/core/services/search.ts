import { DomainError } from "../errors.js";
import type { SearchIndex } from "../ports.js";
import type { User } from "../schemas/account.js";
import type { SearchQuery, SearchResult } from "../schemas/search.js";
import { requireStaff } from "./auth.js";

/**
 * Full-text search of the directory. Only staff look beyond the published profiles; an
 * unreachable engine is the server's fault (503), and the profiles themselves stay stored.
 */
export async function searchProfiles(
  ctx: { search: Pick<SearchIndex, "search"> },
  user: User | null,
  q: SearchQuery,
): Promise<SearchResult> {
  if (q.status !== "published") requireStaff(user);
  try {
    return await ctx.search.search(q);
  } catch {
    throw DomainError.of("unavailable", "server.search_unavailable");
  }
}
