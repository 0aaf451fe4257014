import { createServer, STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";
import { getRequestListener, RequestError, type ServerType } from "@hono/node-server";
import { internalError, problemBody, TransportError } from "../http/problem.js";

/**
 * Node's limit on a request head (request line and headers), kept at its default and named
 * here: a URL between the app's 8 KiB and this gets the app's 414, beyond it Node stops
 * reading and we answer 431 ourselves.
 */
export const MAX_HEADER_BYTES = 16 * 1024;

export interface NodeServer {
  server: ServerType;
  port: number;
  /** Stop listening and drop idle keep-alive connections, so that a test or a signal ends promptly. */
  close(): Promise<void>;
}

const unreadable = () => TransportError.of("malformed_request", "request.malformed_http");

/** What Node's parser refused, as a problem (no language is known before the headers are read). */
function parseErrorProblem(code: string | undefined): TransportError {
  switch (code) {
    case "HPE_HEADER_OVERFLOW":
      return TransportError.of("headers_too_large", "request.headers_too_large", {
        kib: MAX_HEADER_BYTES / 1024,
      });
    case "ERR_HTTP_REQUEST_TIMEOUT":
      return TransportError.of("request_timeout", "request.timeout");
    default:
      return unreadable();
  }
}

/** A whole HTTP/1.1 answer carrying a problem, for a socket that has no response object. */
function rawProblem(err: TransportError): string {
  const { status, body } = problemBody(err, "en");
  return [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ""}`,
    "Content-Type: application/problem+json",
    `Content-Length: ${Buffer.byteLength(body)}`,
    "Connection: close",
    "",
    body,
  ].join("\r\n");
}

/**
 * Serve a fetch handler over HTTP/1.1 on Node, as `npm start` does (the tests start it the
 * same way). Requests that never reach the app still get a problem+json: those Node's parser
 * refuses (a head over MAX_HEADER_BYTES → 431, bytes that are not HTTP → 400, too slow → 408)
 * and those the adapter cannot turn into a Request (a bad Host, a backslash in the path → 400).
 */
export function serveNode(
  app: { fetch: Parameters<typeof getRequestListener>[0] },
  opts: { port: number; hostname: string },
): Promise<NodeServer> {
  const listener = getRequestListener(app.fetch, {
    hostname: opts.hostname,
    errorHandler: (err) => {
      if (!(err instanceof RequestError)) console.error("[http] request failed before the app:", err);
      const problem = err instanceof RequestError ? unreadable() : internalError();
      const { status, body } = problemBody(problem, "en");
      return new Response(body, { status, headers: { "content-type": "application/problem+json" } });
    },
  });
  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, listener);
  server.on("clientError", (err: NodeJS.ErrnoException, socket: Duplex) => {
    // As Node's default handler: never write into a response already under way.
    const inFlight: unknown = Reflect.get(socket, "_httpMessage");
    const headersSent =
      typeof inFlight === "object" && inFlight !== null && Reflect.get(inFlight, "headersSent");
    if (err.code === "ECONNRESET" || !socket.writable || headersSent) {
      socket.destroy();
      return;
    }
    socket.end(rawProblem(parseErrorProblem(err.code)));
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.hostname, () => {
      const address = server.address();
      resolve({
        server,
        port: typeof address === "object" && address ? address.port : opts.port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
