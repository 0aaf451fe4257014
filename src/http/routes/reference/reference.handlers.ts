import { DomainError } from "../../../core/errors.js";
import { TAXONOMY } from "../../../core/taxonomy.js";
import type { AppRouteHandler } from "../../openapi.js";
import type * as routes from "./reference.routes.js";

export const mali: AppRouteHandler<typeof routes.mali> = async (c) => {
  const q = c.req.valid("query");
  const reference = c.get("deps").reference;
  const items = q.q
    ? await reference.searchMali(q.q, { level: q.level, limit: q.limit })
    : (await reference.allMali()).filter((u) => u.level === q.level).slice(0, q.limit);
  return c.json({ items }, 200);
};

export const maliUnit: AppRouteHandler<typeof routes.maliUnit> = async (c) => {
  const unit = await c.get("deps").reference.maliUnit(c.req.valid("param").pcode);
  if (!unit) throw DomainError.notFound("reference.unit_not_found");
  return c.json(unit, 200);
};

export const france: AppRouteHandler<typeof routes.france> = async (c) => {
  const q = c.req.valid("query");
  if (!q.q) return c.json({ items: [] }, 200);
  return c.json(
    { items: await c.get("deps").reference.searchFrance(q.q, { kind: q.level, limit: q.limit }) },
    200,
  );
};

export const taxonomy: AppRouteHandler<typeof routes.taxonomy> = (c) =>
  c.json(
    { items: TAXONOMY.map((d) => ({ code: d.code, fr: d.fr, en: d.en, synonyms: [...d.synonyms] })) },
    200,
  );

export const travel: AppRouteHandler<typeof routes.travel> = (c) => c.json(c.get("deps").travelAdvice, 200);

export const ties: AppRouteHandler<typeof routes.ties> = async (c) =>
  c.json(await c.get("deps").ties.list(c.req.valid("query")), 200);
