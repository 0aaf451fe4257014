import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { InterestSchema, RespondSchema } from "../../core/schemas/introduction.js";
import { requireUser } from "../../core/services/auth.js";
import {
  expressInterest,
  getIntroduction,
  introductionDetail,
  respondToIntroduction,
  sideOf,
} from "../../core/services/introductions.js";
import type { AppEnv } from "../context.js";
import { json, problemResponses } from "../openapi-schemas.js";
import { rateLimit } from "../rate-limit.js";

const any = z.record(z.string(), z.unknown());
const Id = z.object({ id: z.string().min(1).max(64) });

const read = createRoute({
  method: "get",
  path: "/api/introductions/{id}",
  tags: ["introductions"],
  summary: "An introduction, its dated history, and the other side's contact once both accepted",
  request: { params: Id },
  responses: { 200: json(any, "The introduction"), ...problemResponses },
});

const respond = createRoute({
  method: "post",
  path: "/api/introductions/{id}/respond",
  tags: ["introductions"],
  summary: "Accept or decline from the web page (same effect as the e-mail links)",
  request: {
    params: Id,
    body: { content: { "application/json": { schema: RespondSchema } }, required: true },
  },
  responses: { 200: json(any, "Recorded"), ...problemResponses },
});

const interest = createRoute({
  method: "post",
  path: "/api/profiles/{id}/interest",
  tags: ["introductions"],
  summary: "Express interest in a published planche (goes to the staff queue)",
  request: {
    params: Id,
    body: { content: { "application/json": { schema: InterestSchema } }, required: true },
  },
  responses: { 201: json(any, "Recorded"), ...problemResponses },
});

export function registerIntroductionRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(read, async (c) => {
    const user = requireUser(c.get("user"));
    const deps = c.get("deps").curation;
    const intro = await getIntroduction(deps, c.req.valid("param").id);
    return c.json((await introductionDetail(deps, intro, user)) as never, 200);
  });

  app.openapi(respond, async (c) => {
    const user = requireUser(c.get("user"));
    const deps = c.get("deps").curation;
    const intro = await getIntroduction(deps, c.req.valid("param").id);
    const { decision, profileId } = c.req.valid("json");
    const side = await sideOf(deps, intro, user, profileId);
    const next = await respondToIntroduction(deps, intro.id, side, decision, user.id, null);
    return c.json((await introductionDetail(deps, next, user)) as never, 200);
  });

  app.openapi(interest, async (c) => {
    const user = requireUser(c.get("user"));
    await rateLimit(c, `interest:${user.id}`, 10, 3600);
    const i = await expressInterest(
      c.get("deps").curation,
      user,
      c.req.valid("param").id,
      c.req.valid("json"),
    );
    return c.json(i as never, 201);
  });
}
