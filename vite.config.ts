import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { defineConfig, type Plugin } from "vite";

const WEB_ROOT = fileURLToPath(new URL("./web", import.meta.url));
const API = "http://127.0.0.1:3000";
const COMPRESSIBLE = /\.(?:js|css|html|svg|json|webmanifest)$/;

/**
 * Write .gz and .br next to every text asset so that the server sends them as they are
 * (serveStatic `precompressed`): a commune on a slow mobile link pays the compressed size,
 * and the server spends no CPU compressing on each request.
 */
function precompress(): Plugin {
  let outDir = "";
  return {
    name: "bap-precompress",
    apply: "build",
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    closeBundle() {
      const walk = (dir: string): string[] =>
        readdirSync(dir).flatMap((name) => {
          const path = join(dir, name);
          return statSync(path).isDirectory() ? walk(path) : [path];
        });
      for (const file of walk(outDir).filter((f) => COMPRESSIBLE.test(f))) {
        const raw = readFileSync(file);
        if (raw.length < 512) continue;
        writeFileSync(`${file}.gz`, gzipSync(raw, { level: 9 }));
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
      }
    },
  };
}

export default defineConfig({
  root: WEB_ROOT,
  base: "/",
  publicDir: "public",
  plugins: [precompress()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    // Modern browsers only: no polyfill injected into the entry chunk.
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
    sourcemap: false,
  },
  server: {
    host: "127.0.0.1",
    proxy: { "/api": API, "/health": API, "/docs": API, "/openapi.json": API },
  },
  preview: {
    proxy: { "/api": API, "/health": API },
  },
});
