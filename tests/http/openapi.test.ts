import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestRuntime, type TestRuntime } from "../helpers/runtime.js";

const run = promisify(execFile);
const REDOCLY = new URL("../../node_modules/.bin/redocly", import.meta.url).pathname;

interface Schema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, unknown>;
  anyOf?: Schema[];
  oneOf?: Schema[];
  additionalProperties?: unknown;
}
interface Operation {
  operationId?: string;
  summary?: string;
  tags?: string[];
  security?: unknown[];
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}
interface Doc {
  servers?: { url: string }[];
  components?: { securitySchemes?: Record<string, unknown> };
  paths: Record<string, Record<string, Operation>>;
}

let rt: TestRuntime;
let doc: Doc;
const dir = mkdtempSync(join(tmpdir(), "bap-test-openapi-"));
beforeAll(async () => {
  rt = await startTestRuntime();
  doc = (await (await rt.request("/openapi.json")).json()) as Doc;
});
afterAll(async () => {
  await rt?.close();
  rmSync(dir, { recursive: true, force: true });
});

const operations = () =>
  Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, op })),
  );

/** A schema that says what the body holds: a reference, or an object with named properties. */
function typed(s: Schema | undefined): boolean {
  if (!s) return false;
  if (s.$ref) return true;
  if (s.anyOf) return s.anyOf.every(typed);
  if (s.oneOf) return s.oneOf.every(typed);
  if (s.type === "string") return true;
  return s.type === "object" && Object.keys(s.properties ?? {}).length > 0;
}

describe("the OpenAPI document", () => {
  it("types every response body, names every operation and says who may call it", () => {
    const problems: string[] = [];
    for (const { key, op } of operations()) {
      if (!op.operationId) problems.push(`${key}: no operationId`);
      if (!op.summary) problems.push(`${key}: no summary`);
      if (!op.tags?.length) problems.push(`${key}: no tag`);
      if (!op.security) problems.push(`${key}: no security`);
      const statuses = Object.keys(op.responses);
      if (!statuses.some((s) => s.startsWith("4"))) problems.push(`${key}: no 4xx response`);
      for (const [status, response] of Object.entries(op.responses)) {
        for (const [type, media] of Object.entries(response.content ?? {})) {
          if (!typed(media.schema)) problems.push(`${key} ${status} ${type}: untyped body`);
          if (Number(status) >= 400 && type === "application/json" && status !== "503")
            problems.push(`${key} ${status}: an error that is not problem+json`);
        }
      }
    }
    expect(problems).toEqual([]);
    const ids = operations().map(({ op }) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("declares the session cookie and the CSRF header, and a server", () => {
    expect(Object.keys(doc.components?.securitySchemes ?? {}).sort()).toEqual(["csrf", "session"]);
    expect(doc.servers?.[0]?.url).toMatch(/^https?:\/\//);
  });

  it("passes Redocly's recommended rules with no error and no warning", async () => {
    const file = join(dir, "openapi.json");
    writeFileSync(file, JSON.stringify(doc));
    const { stdout, stderr } = await run(
      REDOCLY,
      ["lint", file, "--extends", "recommended", "--format", "json"],
      {
        env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
      },
    ).catch((err: { stdout: string; stderr: string }) => err);
    const report = JSON.parse(stdout) as {
      totals: { errors: number; warnings: number };
      problems: { ruleId: string; message: string; location: { pointer: string }[] }[];
    };
    const lines = report.problems.map((p) => `${p.ruleId}: ${p.message} @ ${p.location[0]?.pointer ?? ""}`);
    expect(lines, stderr).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  }, 60_000);
});
