import { parseConfig } from "./config.js";
import { serveNode } from "./node-server.js";
import { buildRuntime } from "./runtime.js";
import { removeServerInfo, writeServerInfo } from "./server-info.js";
import { serveWebApp, WEB_DIST } from "./web.js";

async function main(): Promise<void> {
  const config = parseConfig(process.env);
  const runtime = await buildRuntime(config);
  const { app } = runtime;
  if (!serveWebApp(app, WEB_DIST)) {
    console.log(`[web] ${WEB_DIST} not built: run "npm run build" to serve the web application`);
  }
  const server = await serveNode(app, { port: config.PORT, hostname: config.HOST });
  console.log(`[http] Bourse aux partenaires on http://${config.HOST}:${server.port} (API docs: /docs)`);
  // Command-line tools on the same data directory (staff:add) print this address.
  const host = config.HOST === "0.0.0.0" ? "localhost" : config.HOST;
  const publicUrl = config.PUBLIC_URL?.replace(/\/+$/, "") ?? `http://${host}:${server.port}`;
  writeServerInfo(config.DATA_DIR, { pid: process.pid, publicUrl, startedAt: new Date().toISOString() });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[http] ${signal}: stopping`);
    await server.close();
    removeServerInfo(config.DATA_DIR, process.pid);
    await runtime.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
