import { z } from "zod";

/**
 * All configuration, parsed once from an environment record. Pure: the Node entry passes
 * process.env, a future Workers entry its bindings, tests a literal.
 */
const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("127.0.0.1"),
  DATA_DIR: z.string().default("./data"),
  DATABASE_FILE: z.string().optional(),
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
});

export type Config = z.infer<typeof ConfigSchema> & {
  databaseFile: string;
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
  return {
    ...c,
    databaseFile: c.DATABASE_FILE ?? `${dir}/bourse.sqlite`,
    meiliDir: `${dir}/meilisearch`,
    outboxDir: `${dir}/outbox`,
    publicUrl: (c.PUBLIC_URL ?? `http://${c.HOST === "0.0.0.0" ? "localhost" : c.HOST}:${c.PORT}`).replace(
      /\/+$/,
      "",
    ),
  };
}
