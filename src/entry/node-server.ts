import type { AddressInfo } from "node:net";
import { type ServerType, serve } from "@hono/node-server";

export interface NodeServer {
  server: ServerType;
  port: number;
  /** Stop listening and drop idle keep-alive connections, so that a test or a signal ends promptly. */
  close(): Promise<void>;
}

/** Serve a fetch handler over HTTP/1.1 on Node, as `npm start` does (the tests start it the same way). */
export function serveNode(
  app: { fetch: Parameters<typeof serve>[0]["fetch"] },
  opts: { port: number; hostname: string },
): Promise<NodeServer> {
  return new Promise((resolve, reject) => {
    const server = serve(
      { fetch: app.fetch, port: opts.port, hostname: opts.hostname },
      (info: AddressInfo) =>
        resolve({
          server,
          port: info.port,
          close: () =>
            new Promise<void>((done) => {
              server.close(() => done());
              if ("closeAllConnections" in server) server.closeAllConnections();
            }),
        }),
    );
    server.once("error", reject);
  });
}
