import { z } from "zod";
import type { DatabaseTarget } from "../adapters/sqlite/libsql.js";

/**
 * Which proxies may tell us the client's address in X-Forwarded-For. "none": the connection's
 * own address is the client. "hops": that many proxies stand in front (the client is the
 * address that many steps left of the connection's). "proxies": the forwarded chain is
 * walked from the connection leftwards while the address is one of these (IPs or CIDR ranges).
 */
export type TrustProxy =
  | { kind: "none" }
  | { kind: "hops"; hops: number }
  | { kind: "proxies"; proxies: string[] };

const ProxyAddress = z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()]);

const TrustProxySchema = z
  .string()
  .default("false")
  .transform((raw, ctx): TrustProxy => {
    const v = raw.trim().toLowerCase();
    if (v === "false" || v === "0") return { kind: "none" };
    if (/^\d+$/.test(v) && Number(v) <= 10) return { kind: "hops", hops: Number(v) };
    const proxies = v.split(",").map((a) => a.trim());
    if (v !== "true" && proxies.every((a) => ProxyAddress.safeParse(a).success)) {
      return { kind: "proxies", proxies };
    }
    ctx.addIssue({
      code: "custom",
      message:
        'use false, a number of proxies in front (1 to 10), or their addresses ("127.0.0.1,::1", "10.0.0.0/8"); "true" is refused because it would let any client choose its own address',
    });
    return z.NEVER;
  });

/**
 * All configuration, parsed once from an environment record. Pure: the Node entry passes
 * process.env, a future Workers entry its bindings, tests a literal.
 */
const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("127.0.0.1"),
  DATA_DIR: z.string().default("./data"),
  DATABASE_FILE: z.string().optional(),
  /** A libSQL primary (libsql://, http(s)://, ws(s)://) instead of the local file. */
  DATABASE_URL: z
    .string()
    .regex(/^(libsql|https?|wss?):\/\//, "libsql://, http(s):// or ws(s):// URL")
    .optional(),
  DATABASE_AUTH_TOKEN: z.string().optional(),
  /** With DATABASE_FILE: keep that file as an embedded replica of this primary. */
  DATABASE_SYNC_URL: z
    .string()
    .regex(/^(libsql|https?|wss?):\/\//, "libsql://, http(s):// or ws(s):// URL")
    .optional(),
  MEILISEARCH_URL: z.url().optional(),
  MEILISEARCH_KEY: z.string().optional(),
  MEILI_BIN: z.string().optional(),
  MEILISEARCH_INDEX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .default("profiles"),
  SEED_DEMO: z
    .enum(["true", "false", "1", "0"])
    .default("true")
    .transform((v) => v === "true" || v === "1"),
  INDEX_RETRY_SECONDS: z.coerce.number().int().min(1).default(30),
  PUBLIC_URL: z.url().optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//)
    .optional(),
  MAIL_FROM: z.string().min(3).default("Bourse aux partenaires <no-reply@bourse-aux-partenaires.local>"),
  /** Secret that signs e-mail links; generated and kept in DATA_DIR when unset. */
  TOKEN_SECRET: z.string().min(16).optional(),
  JOBS_INTERVAL_SECONDS: z.coerce.number().int().min(1).default(60),
  OUTBOX_INTERVAL_SECONDS: z.coerce.number().int().min(1).default(10),
  NODE_ENV: z.string().default("development"),
  TRUST_PROXY: TrustProxySchema,
});

export type Config = z.infer<typeof ConfigSchema> & {
  databaseFile: string;
  /** Where the record is, as the libSQL driver opens it. */
  databaseTarget: DatabaseTarget;
  meiliDir: string;
  outboxDir: string;
  publicUrl: string;
};

export function parseConfig(env: Record<string, string | undefined>): Config {
  const clean = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = ConfigSchema.safeParse(clean);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const c = parsed.data;
  const dir = c.DATA_DIR.replace(/\/+$/, "");
  const databaseFile = c.DATABASE_FILE ?? `${dir}/bourse.sqlite`;
  const auth = c.DATABASE_AUTH_TOKEN ? { authToken: c.DATABASE_AUTH_TOKEN } : {};
  const databaseTarget: DatabaseTarget = c.DATABASE_URL
    ? { url: c.DATABASE_URL, ...auth }
    : c.DATABASE_SYNC_URL
      ? { file: databaseFile, syncUrl: c.DATABASE_SYNC_URL, ...auth }
      : { file: databaseFile };
  return {
    ...c,
    databaseFile,
    databaseTarget,
    meiliDir: `${dir}/meilisearch`,
    outboxDir: `${dir}/outbox`,
    publicUrl: (c.PUBLIC_URL ?? `http://${c.HOST === "0.0.0.0" ? "localhost" : c.HOST}:${c.PORT}`).replace(
      /\/+$/,
      "",
    ),
  };
}
