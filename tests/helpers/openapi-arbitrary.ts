import fc from "fast-check";

/** A JSON Schema node of an OpenAPI 3.1 document, as zod's generator writes them. */
export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  examples?: unknown[];
};

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

export interface Operation {
  parameters?: {
    name: string;
    in: "path" | "query" | "header" | "cookie";
    required?: boolean;
    schema: JsonSchema;
  }[];
  requestBody?: { required?: boolean; content: Record<string, { schema: JsonSchema }> };
  responses?: Record<string, { content?: Record<string, unknown> }>;
}

/**
 * fast-check arbitraries for the values a JSON Schema accepts ("valid"), values one step off
 * ("near"), and anything at all ("garbage"). Sizes are kept small: the point is the shape.
 */
export class SchemaArbitraries {
  constructor(private readonly doc: OpenApiDocument) {}

  private resolve(s: JsonSchema): JsonSchema {
    if (!s.$ref) return s;
    const name = s.$ref.replace("#/components/schemas/", "");
    return this.doc.components?.schemas?.[name] ?? {};
  }

  valid(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
    const s = this.resolve(schema);
    if (depth > 6) return fc.constant(null);
    if (s.const !== undefined) return fc.constant(s.const);
    // Documented examples are valid by definition, and reach further than random strings.
    if (s.examples?.length) {
      const { examples, ...rest } = s;
      return fc.oneof(fc.constantFrom(...examples), this.valid(rest, depth + 1));
    }
    if (s.enum) return fc.constantFrom(...s.enum);
    const alternatives = s.anyOf ?? s.oneOf;
    if (alternatives) return fc.oneof(...alternatives.map((a) => this.valid(a, depth + 1)));
    if (s.allOf?.[0]) return this.valid(s.allOf[0], depth + 1);
    const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : s.properties ? ["object"] : [];
    if (types.length > 1) return fc.oneof(...types.map((type) => this.valid({ ...s, type }, depth + 1)));
    switch (types[0]) {
      case "string":
        return this.string(s);
      case "integer":
        return fc.integer({
          min: s.minimum ?? (s.exclusiveMinimum ?? -1_000_001) + 1,
          max: s.maximum ?? (s.exclusiveMaximum ?? 1_000_001) - 1,
        });
      case "number":
        return fc.double({
          min: s.minimum ?? -1e6,
          max: s.maximum ?? 1e6,
          noNaN: true,
          noDefaultInfinity: true,
        });
      case "boolean":
        return fc.boolean();
      case "null":
        return fc.constant(null);
      case "array":
        return fc.array(this.valid(s.items ?? {}, depth + 1), {
          minLength: s.minItems ?? 0,
          maxLength: Math.max(s.minItems ?? 0, Math.min(s.maxItems ?? 3, 3)),
        });
      case "object": {
        const props = s.properties ?? {};
        const model = Object.fromEntries(
          Object.entries(props).map(([k, v]) => [k, this.valid(v, depth + 1)]),
        );
        return fc.record(model, { requiredKeys: (s.required ?? []).filter((k) => k in props) });
      }
      default:
        return fc.jsonValue({ maxDepth: 2 });
    }
  }

  private string(s: JsonSchema): fc.Arbitrary<string> {
    const minLength = s.minLength ?? 0;
    const maxLength = Math.max(minLength, Math.min(s.maxLength ?? 24, 48));
    const fits = (v: string) =>
      v.length >= minLength && v.length <= (s.maxLength ?? Number.POSITIVE_INFINITY);
    if (s.format === "email") {
      // RFC 5322 allows far more than the service accepts: mix plain addresses in.
      const plain = fc
        .tuple(
          fc.stringMatching(/^[a-z][a-z0-9.]{0,10}[a-z0-9]$/),
          fc.constantFrom("example.org", "mairie.ml"),
        )
        .filter(([local]) => !local.includes(".."))
        .map(([local, domain]) => `${local}@${domain}`);
      return fc.oneof(
        plain,
        fc.emailAddress().filter((v) => v.length <= (s.maxLength ?? 254)),
      );
    }
    if (s.format === "uri" || s.format === "url") return fc.webUrl();
    if (s.format === "date-time") {
      return fc
        .date({ min: new Date("2000-01-01"), max: new Date("2100-01-01"), noInvalidDate: true })
        .map((d) => d.toISOString());
    }
    if (s.format === "uuid") return fc.uuid();
    if (s.pattern) {
      return fc.stringMatching(new RegExp(s.pattern), { size: "xsmall" }).filter(fits);
    }
    return fc.string({ minLength, maxLength, unit: "grapheme" });
  }

  /** A valid value with one thing wrong: a key missing or unknown, a wrong type, a length off by one. */
  near(schema: JsonSchema): fc.Arbitrary<unknown> {
    const s = this.resolve(schema);
    return fc.tuple(this.valid(s), fc.nat(), this.garbage()).map(([value, pick, wrong]) => {
      if (value && typeof value === "object" && !Array.isArray(value)) {
        const copy: Record<string, unknown> = { ...value };
        const keys = Object.keys(copy);
        const key = keys[pick % Math.max(1, keys.length)];
        switch (pick % 4) {
          case 0:
            if (key) delete copy[key];
            return copy;
          case 1:
            return { ...copy, unexpected: wrong };
          default:
            if (key) copy[key] = wrong;
            return copy;
        }
      }
      if (typeof value === "string") {
        return pick % 2 === 0 ? "x".repeat((s.maxLength ?? 200) + 1) : `${value}\u0000\t\n`;
      }
      if (typeof value === "number") return pick % 2 === 0 ? value + 0.5 : -value - 1e9;
      return wrong;
    });
  }

  /** Anything JSON can carry, and a few things it cannot. */
  garbage(): fc.Arbitrary<unknown> {
    return fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.string({ unit: "binary", maxLength: 40 }),
      fc.constantFrom(null, true, 0, -1, 1e308, "", [], {}, { __proto__: { admin: true } }),
      fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 4 }),
    );
  }
}

/** "/api/profiles/:id" → "/api/profiles/{id}" */
export const openApiPath = (honoPath: string) => honoPath.replace(/:([A-Za-z0-9_]+)/g, "{$1}");
