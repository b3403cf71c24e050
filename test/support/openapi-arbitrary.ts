import fc from 'fast-check';

/** The part of JSON Schema (as @fastify/swagger writes it from zod, OpenAPI 3.0 style) that the fuzzer reads. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  format?: string;
  pattern?: string;
  nullable?: boolean;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
}

/** One parameter of an OpenAPI operation. */
export interface OpenApiParameter {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  required?: boolean;
  schema: JsonSchema;
}

/** The OpenAPI document, as far as the fuzzer reads it. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: OpenApiParameter[]; requestBody?: { content: Record<string, { schema: JsonSchema }> } }>>;
}

/** One route and method of the API with the schemas of its path, query and JSON body. */
export interface ApiOperation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The path as Fastify registered it (`/api/schools/:schoolId`). */
  url: string;
  pathParams: OpenApiParameter[];
  queryParams: OpenApiParameter[];
  body: JsonSchema | undefined;
}

/** The JSON body schema of a route (Fastify path style), or undefined when it takes no JSON body. */
export function bodySchemaOf(doc: OpenApiDocument, method: string, url: string): JsonSchema | undefined {
  const operation = doc.paths[toOpenApiPath(url)]?.[method.toLowerCase()];
  return operation?.requestBody?.content['application/json']?.schema;
}

/** Every API operation the document describes (paths under /api only), in document order. */
export function operationsOf(doc: OpenApiDocument): ApiOperation[] {
  const operations: ApiOperation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    if (!path.startsWith('/api/')) continue;
    for (const [method, operation] of Object.entries(methods)) {
      const parameters = operation.parameters ?? [];
      operations.push({
        method: method.toUpperCase() as ApiOperation['method'],
        url: path.replace(/\{(\w+)\}/g, ':$1'),
        pathParams: parameters.filter((p) => p.in === 'path'),
        queryParams: parameters.filter((p) => p.in === 'query'),
        body: operation.requestBody?.content['application/json']?.schema,
      });
    }
  }
  return operations;
}

function toOpenApiPath(url: string): string {
  return url.replace(/:(\w+)/g, '{$1}');
}

/**
 * Valid values the fuzzer should prefer for a property or parameter name (real ids of the test world,
 * school years, CSV text…): the schema alone cannot say which uuid exists.
 */
export type ValueHints = Record<string, fc.Arbitrary<unknown>>;

/** Keys that target prototype pollution when a server merges parsed JSON into an object. */
export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** Text that stresses encodings and storage: NUL and control characters, surrogates, RTL marks, emoji, combining marks. */
export const AWKWARD_TEXT = [
  'a\u0000b',
  '\u0000',
  '\u0007\u001b[31m\r\n',
  '\ud800',
  '\udfff x',
  '\u202eevil\u202c',
  '👩‍👩‍👧‍👦 ZoÃ« ß',
  'e\u0301\u0301\u0301',
  '\ufeff',
  '   ',
  '%00%27%22',
  '${7*7}{{7*7}}',
] as const;

const TYPE_NAMES = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'null'] as const;

function typesOf(schema: JsonSchema): string[] {
  if (schema.anyOf) return schema.anyOf.flatMap(typesOf);
  const types = [schema.type ?? []].flat();
  return schema.nullable ? [...types, 'null'] : types;
}

/** A JSON value of a type the schema does not allow (for a schema without a type: a non-object). */
function wrongTypeValue(schema: JsonSchema): fc.Arbitrary<unknown> {
  const allowed = new Set(typesOf(schema));
  if (allowed.has('integer')) allowed.add('number');
  const candidates: fc.Arbitrary<unknown>[] = [];
  for (const type of TYPE_NAMES) {
    if (allowed.has(type) || (type === 'integer' && allowed.has('number'))) continue;
    candidates.push(anyValueOfType(type));
  }
  return candidates.length > 0 ? fc.oneof(...candidates) : fc.constant(Symbol.for('no-wrong-type'));
}

function anyValueOfType(type: (typeof TYPE_NAMES)[number]): fc.Arbitrary<unknown> {
  switch (type) {
    case 'string':
      return fc.string({ maxLength: 20 });
    case 'number':
      return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(1e308, -0, 0.5));
    case 'integer':
      return fc.integer();
    case 'boolean':
      return fc.boolean();
    case 'object':
      return fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 });
    case 'array':
      return fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 });
    case 'null':
      return fc.constant(null);
  }
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Free text within the schema's length bounds, from plain letters to emoji, control characters and NUL. */
function textValue(min: number, max: number): fc.Arbitrary<string> {
  const cap = Math.min(max, Math.max(min, 40));
  const plain = fc.string({ minLength: min, maxLength: cap, unit: 'grapheme-ascii' });
  const unicode = fc.string({ minLength: min, maxLength: cap, unit: 'grapheme' });
  const binary = fc.string({ minLength: min, maxLength: cap, unit: 'binary' });
  const awkward = fc.constantFrom(...AWKWARD_TEXT.filter((text) => text.length >= min && text.length <= max));
  const choices = [{ arbitrary: plain, weight: 4 }, { arbitrary: unicode, weight: 2 }, { arbitrary: binary, weight: 1 }, { arbitrary: awkward, weight: 1 }];
  // The longest text allowed, for fields up to 10,000 characters. Left out (not filtered out) above that: a filter
  // that never passes makes fast-check draw again for ever.
  if (max <= 10_000) choices.push({ arbitrary: fc.constant('x'.repeat(max)), weight: 1 });
  return fc.oneof(...choices);
}

function stringValue(schema: JsonSchema): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? 200;
  if (schema.format === 'uuid') return fc.uuid({ version: 4 });
  if (schema.format === 'email') return fc.emailAddress();
  if (schema.format === 'date') {
    return fc.date({ min: new Date('2000-01-01'), max: new Date('2060-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  }
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern), { maxLength: Math.min(max, 60) }).filter((s) => s.length >= min && s.length <= max);
  return textValue(min, max);
}

/** A value that satisfies the schema's shape; `name` picks a hint when there is one. */
export function validValue(schema: JsonSchema, hints: ValueHints, name?: string): fc.Arbitrary<unknown> {
  const hint = name === undefined ? undefined : hints[name];
  const base = hint ?? shapeValue(schema, hints);
  return schema.nullable ? fc.oneof({ arbitrary: base, weight: 4 }, { arbitrary: fc.constant(null), weight: 1 }) : base;
}

function shapeValue(schema: JsonSchema, hints: ValueHints): fc.Arbitrary<unknown> {
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map((option) => validValue(option, hints)));
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const type = [schema.type ?? 'object'].flat()[0];
  switch (type) {
    case 'string':
      return stringValue(schema);
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1_000_000, max: Math.min(schema.maximum ?? 1_000_000, Number.MAX_SAFE_INTEGER) });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e9, max: schema.maximum ?? 1e9, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(validValue(schema.items ?? {}, hints), { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 5, 5) });
    case 'null':
      return fc.constant(null);
    default:
      return validObject(schema, hints);
  }
}

/** An object with every required key and some optional ones, each holding a valid value. */
export function validObject(schema: JsonSchema, hints: ValueHints): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  if (Object.keys(properties).length === 0) {
    // A free-form object (e.g. a model definition): a hint or any small JSON object.
    return fc.dictionary(fc.string({ minLength: 1, maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 });
  }
  const model = Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, validValue(value, hints, key)]));
  return fc.record(model, { requiredKeys: schema.required ?? [] }) as fc.Arbitrary<Record<string, unknown>>;
}

/** A value that breaks the schema: wrong type, null where not allowed, too long, out of range, outside the enum, bad pattern. */
export function invalidValue(schema: JsonSchema): fc.Arbitrary<unknown> {
  const options: fc.Arbitrary<unknown>[] = [];
  const wrongType = wrongTypeValue(schema);
  if (!typesOf(schema).includes('null') && typesOf(schema).length > 0) options.push(fc.constant(null));
  options.push(wrongType.filter((value) => value !== Symbol.for('no-wrong-type')));
  const type = [schema.type ?? ''].flat()[0];
  if (type === 'string') {
    if (schema.maxLength !== undefined && schema.maxLength < 100_000) {
      options.push(fc.integer({ min: 1, max: 50 }).map((extra) => 'y'.repeat(schema.maxLength! + extra)));
    }
    if (schema.minLength !== undefined && schema.minLength > 0) options.push(fc.string({ maxLength: schema.minLength - 1 }));
    if (schema.enum || schema.format || schema.pattern) options.push(fc.constantFrom('', 'not-valid', "' OR 1=1 --", '../../etc/passwd', '2026-02-30', 'ZZZZ'));
  }
  if (type === 'integer' || type === 'number') {
    options.push(fc.constantFrom((schema.maximum ?? 1e15) + 1, (schema.minimum ?? -1e15) - 1, 1.5, 1e308));
  }
  if (type === 'array') {
    options.push(fc.array(fc.jsonValue({ maxDepth: 1 }), { minLength: (schema.maxItems ?? 200) + 1, maxLength: (schema.maxItems ?? 200) + 3 }));
    if (schema.items) options.push(invalidValue(schema.items).map((item) => [item]));
  }
  if (type === 'object' || schema.properties) options.push(fc.constant([]));
  return fc.oneof(...options);
}

/** How a generated body is sent: JSON text, plus whether it is meant to be valid. */
export interface GeneratedBody {
  json: string;
  isValid: boolean;
}

/** Encodes a value as JSON, keeping own keys named `__proto__` (JSON.stringify of a computed key does). */
function toJson(value: unknown): string {
  return JSON.stringify(value) ?? 'null';
}

/** A body that breaks an object schema in one way: wrong top-level type, missing key, extra key, prototype key or one bad property. */
export function invalidBody(schema: JsonSchema, hints: ValueHints): fc.Arbitrary<string> {
  const properties = Object.keys(schema.properties ?? {});
  const required = schema.required ?? [];
  const valid = validObject(schema, hints);
  const options: fc.Arbitrary<string>[] = [
    fc.oneof(fc.constant(null), fc.integer(), fc.string({ maxLength: 10 }), fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 2 }), fc.boolean()).map(toJson),
    fc.tuple(valid, fc.string({ minLength: 1, maxLength: 12 }).filter((key) => !properties.includes(key)), fc.jsonValue({ maxDepth: 1 })).map(([body, key, extra]) => toJson({ ...body, [key]: extra })),
    fc.tuple(valid, fc.constantFrom(...PROTOTYPE_KEYS), fc.jsonValue({ maxDepth: 1 })).map(([body, key, extra]) => {
      // Written by hand so the key lands in the JSON text exactly as an attacker would send it.
      const inner = toJson(body).slice(1, -1);
      return `{${inner}${inner ? ',' : ''}${JSON.stringify(key)}:${toJson(key === '__proto__' ? { isAdmin: true } : { prototype: { isAdmin: true }, extra })}}`;
    }),
    fc.constantFrom('{', '{"a":}', '{"a":1,}', "{'a':1}", '\u0000', ''),
  ];
  if (required.length > 0) {
    options.push(fc.tuple(valid, fc.constantFrom(...required)).map(([body, key]) => toJson(Object.fromEntries(Object.entries(body).filter(([k]) => k !== key)))));
  }
  if (properties.length > 0) {
    const badProperty = fc.constantFrom(...properties).chain((key) => fc.tuple(fc.constant(key), invalidValue(schema.properties![key]!)));
    options.push(fc.tuple(valid, badProperty).map(([body, [key, bad]]) => toJson({ ...body, [key]: bad })));
  }
  return fc.oneof(...options);
}

/** A body for a JSON route: mostly valid shapes, the rest broken in one way. */
export function bodyArbitrary(schema: JsonSchema, hints: ValueHints): fc.Arbitrary<GeneratedBody> {
  return fc.oneof(
    { arbitrary: validObject(schema, hints).map((body) => ({ json: toJson(body), isValid: true })), weight: 1 },
    { arbitrary: invalidBody(schema, hints).map((json) => ({ json, isValid: false })), weight: 1 },
  );
}

/** A generated call of one operation. */
export interface GeneratedRequest {
  /** Path parameter values, already chosen (valid ones from the hints, sometimes random or malformed). */
  pathParams: Record<string, string>;
  /** Query string pairs in order; keys may repeat. */
  query: [string, string][];
  body: GeneratedBody | undefined;
  /** Send without signing in. */
  isAnonymous: boolean;
  /** Every part was generated to satisfy its schema. */
  isValid: boolean;
}

/** Whether a path value fits a string parameter's pattern and length (ids of shipped definitions are slugs, not UUIDs). */
function fitsPathPattern(schema: JsonSchema, value: string): boolean {
  if (typeof schema.pattern !== 'string' || schema.format !== undefined) return false;
  if (schema.maxLength !== undefined && value.length > schema.maxLength) return false;
  if (schema.minLength !== undefined && value.length < schema.minLength) return false;
  try {
    return new RegExp(schema.pattern, 'u').test(value);
  } catch {
    return false;
  }
}

function pathParamValue(parameter: OpenApiParameter, hints: ValueHints): fc.Arbitrary<{ value: string; isValid: boolean }> {
  const valid = validValue(parameter.schema, hints, parameter.name).map((value) => ({ value: String(value), isValid: true }));
  const random = stringValue(parameter.schema).map((value) => ({ value: String(value), isValid: true }));
  const malformed = fc
    .oneof(fc.string({ minLength: 1, maxLength: 40 }), fc.constantFrom('..', '%00', "1' OR '1'='1", 'null', '-1', '0'.repeat(300)))
    .filter((value) => !UUID_PATTERN.test(value))
    // A `..` segment is resolved by URL normalisation: /pupils/../care/x is the school's own /care/x, another route
    // that may rightly answer 200. It must still never answer 5xx nor change data when refused. A value that happens
    // to fit the parameter's own pattern (`null` is a well-formed activity id) is not malformed either.
    .map((value) => ({ value, isValid: value === '..' || fitsPathPattern(parameter.schema, value) }));
  return fc.oneof({ arbitrary: valid, weight: 8 }, { arbitrary: random, weight: 1 }, { arbitrary: malformed, weight: 1 });
}

/** Whether text surely satisfies a string schema (enum, pattern, length); `false` when unsure, so the value stays "invalid". */
function textSatisfies(schema: JsonSchema, text: string): boolean {
  if (schema.enum) return schema.enum.includes(text);
  if (!typesOf(schema).includes('string') || schema.format) return false;
  if (schema.minLength !== undefined && text.length < schema.minLength) return false;
  if (schema.maxLength !== undefined && text.length > schema.maxLength) return false;
  return schema.pattern === undefined || new RegExp(schema.pattern, 'u').test(text);
}

function queryArbitrary(parameters: OpenApiParameter[], hints: ValueHints): fc.Arbitrary<{ pairs: [string, string][]; isValid: boolean }> {
  const known = parameters.map((parameter) =>
    fc.oneof(
      { arbitrary: fc.constant(null), weight: parameter.required ? 0 : 2 },
      { arbitrary: validValue(parameter.schema, hints, parameter.name).map((value) => ({ pair: [parameter.name, String(value)] as [string, string], isValid: value !== null })), weight: 6 },
      {
        arbitrary: invalidValue(parameter.schema)
          .map((value) => (typeof value === 'string' ? value : toJson(value)))
          // A query string carries text only: `false` or `null` sent as text may be exactly what the schema allows.
          .map((text) => ({ pair: [parameter.name, text] as [string, string], isValid: textSatisfies(parameter.schema, text) })),
        weight: 2,
      },
    ),
  );
  const unknown = fc.oneof(
    { arbitrary: fc.constant([] as [string, string][]), weight: 8 },
    { arbitrary: fc.tuple(fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS, 'limit', 'offset'), fc.string({ minLength: 1, maxLength: 8 })), fc.string({ maxLength: 20 })).map((pair) => [pair]), weight: 2 },
  );
  return fc.tuple(fc.tuple(...known), unknown).map(([chosen, extra]) => {
    const missingRequired = parameters.some((parameter, index) => parameter.required && chosen[index] === null);
    const pairs = chosen.flatMap((entry) => (entry ? [entry.pair] : []));
    // A route without a query schema ignores the query string; one with a schema refuses unknown keys.
    const hasUnknownKeys = parameters.length > 0 && extra.length > 0;
    return { pairs: [...pairs, ...extra], isValid: !missingRequired && !hasUnknownKeys && chosen.every((entry) => entry === null || entry.isValid) };
  });
}

/** Requests for one operation: valid and invalid path, query and body, signed in or (sometimes) anonymous. */
export function requestArbitrary(operation: ApiOperation, hints: ValueHints): fc.Arbitrary<GeneratedRequest> {
  const params = fc.tuple(...operation.pathParams.map((parameter) => pathParamValue(parameter, hints).map((value) => [parameter.name, value] as const)));
  const body = operation.body ? bodyArbitrary(operation.body, hints) : fc.constant(undefined);
  // One request in ten goes without a session: what anyone on the internet can send.
  const isAnonymous = fc.integer({ min: 0, max: 9 }).map((dice) => dice === 0);
  return fc.record({ params, query: queryArbitrary(operation.queryParams, hints), body, isAnonymous }).map((parts) => ({
    pathParams: Object.fromEntries(parts.params.map(([name, value]) => [name, value.value])),
    query: parts.query.pairs,
    body: parts.body,
    isAnonymous: parts.isAnonymous,
    isValid: parts.params.every(([, value]) => value.isValid) && parts.query.isValid && (parts.body?.isValid ?? true),
  }));
}

/** A lone UTF-16 surrogate: no URL can carry one (a client's percent-encoding turns it into U+FFFD first). */
const LONE_SURROGATE = /[\uD800-\uDFFF]/gu;

/** The URL of a generated request: path parameters encoded into the template, then the query string. */
export function urlOf(operation: ApiOperation, request: GeneratedRequest): string {
  const path = operation.url.replace(/:(\w+)/g, (_match, name: string) =>
    encodeURIComponent((request.pathParams[name] ?? '').replace(LONE_SURROGATE, '\uFFFD')),
  );
  const query = new URLSearchParams(request.query).toString();
  return query ? `${path}?${query}` : path;
}
