import { searchProfiles } from "../../../core/services/search.js";
import type { AppRouteHandler } from "../../openapi.js";
import type * as routes from "./search.routes.js";

export const search: AppRouteHandler<typeof routes.search> = async (c) =>
  c.json(await searchProfiles(c.get("deps"), c.get("user"), c.req.valid("query")), 200);
