import { forbidden, requireManage, requireUser } from "../../../core/services/auth.js";
import {
  createProfile,
  getProfile,
  listProfiles,
  setProfileStatus,
  updateProfile,
} from "../../../core/services/profiles.js";
import { renewProfile, submitForReview } from "../../../core/services/review.js";
import { toPublicProfile } from "../../../core/schemas/profile.js";
import type { AppRouteHandler } from "../../openapi.js";
import type * as routes from "./profiles.routes.js";

export const create: AppRouteHandler<typeof routes.create> = async (c) => {
  const user = requireUser(c.get("user"));
  const draft = c.req.valid("query").draft === "true";
  const p = await createProfile(c.get("deps").profiles, c.req.valid("json"), {
    status: draft ? "draft" : user.role === "staff" ? "published" : "pending_review",
    ownerId: user.id,
  });
  c.header("location", `/api/profiles/${p.id}`);
  return c.json(toPublicProfile(p), 201);
};

export const list: AppRouteHandler<typeof routes.list> = async (c) => {
  const q = c.req.valid("query");
  const user = c.get("user");
  let ownerId: string | undefined;
  let status = q.status;
  if (q.mine === "true") {
    ownerId = requireUser(user).id;
  } else if (status && status !== "published" && user?.role !== "staff") {
    throw forbidden();
  } else {
    status = status ?? "published";
  }
  const page = await listProfiles(c.get("deps").profiles, { ...q, status, ownerId });
  return c.json({ ...page, items: page.items.map(toPublicProfile) }, 200);
};

export const read: AppRouteHandler<typeof routes.read> = async (c) => {
  const p = await getProfile(c.get("deps").profiles, c.req.valid("param").id);
  if (p.status !== "published") requireManage(c.get("user"), p);
  c.header("etag", `"${p.version}"`);
  return c.json(toPublicProfile(p), 200);
};

export const privateView: AppRouteHandler<typeof routes.privateView> = async (c) => {
  const p = await getProfile(c.get("deps").profiles, c.req.valid("param").id);
  requireManage(c.get("user"), p);
  return c.json(p, 200);
};

export const update: AppRouteHandler<typeof routes.update> = async (c) => {
  const deps = c.get("deps");
  const id = c.req.valid("param").id;
  const user = requireManage(c.get("user"), await getProfile(deps.profiles, id));
  const ifMatch = c.req.valid("header")["if-match"];
  const p = await updateProfile(deps.profiles, id, c.req.valid("json"), {
    expectedVersion: ifMatch ? Number(ifMatch.replaceAll('"', "")) : undefined,
    reviewSubstantialChanges: user.role !== "staff",
  });
  c.header("etag", `"${p.version}"`);
  return c.json(toPublicProfile(p), 200);
};

export const archive: AppRouteHandler<typeof routes.archive> = async (c) => {
  const deps = c.get("deps");
  const id = c.req.valid("param").id;
  requireManage(c.get("user"), await getProfile(deps.profiles, id));
  return c.json(toPublicProfile(await setProfileStatus(deps.profiles, id, "archived")), 200);
};

export const submit: AppRouteHandler<typeof routes.submit> = async (c) => {
  const deps = c.get("deps");
  const id = c.req.valid("param").id;
  requireManage(c.get("user"), await getProfile(deps.profiles, id));
  return c.json(toPublicProfile(await submitForReview(deps.curation, id)), 200);
};

export const renew: AppRouteHandler<typeof routes.renew> = async (c) => {
  const deps = c.get("deps");
  const id = c.req.valid("param").id;
  const user = requireManage(c.get("user"), await getProfile(deps.profiles, id));
  return c.json(toPublicProfile(await renewProfile(deps.curation, user, id)), 200);
};
