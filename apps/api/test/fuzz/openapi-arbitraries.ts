import fc from 'fast-check';
import { DATE_RANGE } from '../../src/common/validation/input-rules';
import { percentEncode, urlPart, type UrlValue } from './encoding';
import {
  anyJson,
  boundaryNumber,
  headerText,
  hostileKey,
  hostileText,
  impossibleDates,
  inexactNumber,
  hostileUrlText,
  malformedBody,
  notUuid,
  numericText,
  overlongArray,
  overlongText,
  repeated,
  wrongType,
} from './hostile-values';
import {
  type Method,
  type OpenApiDocument,
  type Operation,
  type Parameter,
  resolve,
  type Schema,
  typesOf,
} from './openapi-document';

// Requests generated from the OpenAPI description: for every operation, its path, query, headers
// and body, each value either one the schema allows ("valid-ish": the right type, an enum member,
// an id of a real record) or a hostile one (the wrong type, past a bound, malformed text).
// Most requests mix the two, so that some pass validation and reach the services and the
// database, and the rest probe the edges.

/** Where generated ids and tokens point: the fuzz suite's small world. */
export interface FuzzTargets {
  /** Ids of real records for a parameter or field name (`kpiId`, `ownerUserId`, `findingIds`). */
  idsFor(name: string): string[];
  /** Ids of every kind: an id of the wrong kind of record. */
  anyIds: string[];
  /** Ids in another organisation. */
  foreignIds: string[];
  /** Tokens for a path such as `/api/v1/invitations/{token}`. */
  tokensFor(path: string): string[];
  versionNumbers: number[];
}

/** One generated request; printed as the counterexample when a property fails. */
export interface FuzzRequest {
  method: Method;
  url: string;
  headers?: Record<string, string>;
  /** A JSON value (RawJson tokens inside are written verbatim) or a RawBody; absent: no body. */
  body?: unknown;
}

interface Context {
  document: OpenApiDocument;
  targets: FuzzTargets;
}

type TextKind = 'uuid' | 'moment' | 'date' | 'decimal' | 'email' | 'url' | 'versionRef' | 'text';

/** What a text holds, read from its format, its example, its description or its name. */
function textKindOf(schema: Schema, name: string, described = ''): TextKind {
  if (schema.format === 'uuid') return 'uuid';
  if (schema.format === 'date-time') return 'moment';
  const example = typeof schema.example === 'string' ? schema.example : '';
  const said = `${schema.description ?? ''} ${described}`;
  if (/version number, or "draft"/.test(said)) return 'versionRef';
  if (
    /YYYY-MM-DD/.test(said) ||
    /^\d{4}-\d{2}-\d{2}$/.test(example) ||
    /(Date|On|^asOf|^deadline)$/.test(name)
  ) {
    return 'date';
  }
  if (/^-?\d+(\.\d+)?$/.test(example) || /^(amount|budget|hours|confidence)$/.test(name)) {
    return 'decimal';
  }
  if (/email/i.test(name)) return 'email';
  if (/url/i.test(name)) return 'url';
  if (/Ids?$/.test(name)) return 'uuid';
  return 'text';
}

/** Dates near today mostly, and the first and last days the API takes (DATE_RANGE). */
const calendarDate = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .date({ min: new Date('2024-01-01'), max: new Date('2029-12-31'), noInvalidDate: true })
      .map((date) => date.toISOString().slice(0, 10)),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(DATE_RANGE.earliest, DATE_RANGE.latest, '2024-02-29'),
  },
);
const moment = fc
  .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
  .map((date) => date.toISOString());
/** Sign-ups land on this domain, so that the suite can count the users it created. */
export const FUZZ_EMAIL_DOMAIN = 'fuzz.example.org';
const email = fc
  .string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789.'), minLength: 1 })
  .map((local) => `${local}@${FUZZ_EMAIL_DOMAIN}`);

function decimalText(example: unknown): fc.Arbitrary<string> {
  const fraction = typeof example === 'string' && Number(example) < 1;
  return fraction
    ? fc.oneof(
        fc.integer({ min: 0, max: 100 }).map((n) => (n / 100).toFixed(2)),
        fc.constantFrom('0', '1', '0.0001'),
      )
    : fc.oneof(
        { weight: 3, arbitrary: fc.integer({ min: 0, max: 100_000 }).map(String) },
        {
          weight: 3,
          arbitrary: fc.integer({ min: 1, max: 10_000_000 }).map((n) => (n / 100).toFixed(2)),
        },
        {
          weight: 1,
          arbitrary: fc.constantFrom('0.01', '0.001', '999999999999.99', '99999999999999999999'),
        },
      );
}

function idArbitrary(name: string, context: Context): fc.Arbitrary<string> {
  const own = context.targets.idsFor(name);
  return fc.oneof(
    ...(own.length > 0 ? [{ weight: 6, arbitrary: fc.constantFrom(...own) }] : []),
    { weight: 1, arbitrary: fc.constantFrom(...context.targets.anyIds) },
    { weight: 1, arbitrary: fc.uuid() },
  );
}

function validText(schema: Schema, name: string, context: Context, described?: string) {
  switch (textKindOf(schema, name, described)) {
    case 'uuid':
      return idArbitrary(name, context);
    case 'moment':
      return fc.oneof(moment, calendarDate);
    case 'date':
      return calendarDate;
    case 'decimal':
      return decimalText(schema.example);
    case 'email':
      return email;
    case 'url':
      return fc.webUrl();
    case 'versionRef':
      return fc.oneof(
        fc.constant('draft'),
        fc.constantFrom(...context.targets.versionNumbers.map(String)),
        fc.integer({ min: 1, max: 5 }).map(String),
      );
    case 'text': {
      const minLength = schema.minLength ?? 0;
      const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 24, 24));
      const example = typeof schema.example === 'string' ? [fc.constant(schema.example)] : [];
      // A text of exactly the longest length allowed, the boundary a column must hold.
      const longest =
        schema.maxLength === undefined ? [] : [fc.constant(repeated('é', schema.maxLength))];
      return fc.oneof(
        ...example,
        ...longest,
        fc.string({ unit: 'grapheme-ascii', minLength, maxLength }),
        fc.string({ unit: 'grapheme', minLength, maxLength }),
      );
    }
  }
}

function hostileTextFor(schema: Schema, name: string, context: Context): fc.Arbitrary<unknown> {
  switch (textKindOf(schema, name)) {
    case 'uuid':
      return fc.oneof(notUuid, fc.constantFrom(...context.targets.foreignIds), hostileText);
    case 'moment':
    case 'date':
      return fc.oneof(fc.constantFrom(...impossibleDates), hostileText);
    case 'decimal':
      return fc.oneof(
        fc.constantFrom('-1', '0', '1e3', '0x10', '1,5', '1.005', '99999999999999999999.99'),
        hostileText,
      );
    default:
      return fc.oneof(hostileText, overlongText(schema.maxLength));
  }
}

function validNumber(schema: Schema, name: string): fc.Arbitrary<number> {
  if (name === 'version') return fc.integer({ min: 1, max: 3 });
  const min = schema.minimum ?? -1000;
  const max = schema.maximum ?? 1_000_000;
  // The bounds themselves, or for an unbounded number the largest a JSON number holds exactly.
  const edges =
    schema.minimum === undefined && schema.maximum === undefined
      ? [0, 1e-9, 1e15, -1e15, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER]
      : [min, max];
  return fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: Math.ceil(min), max: Math.floor(max) }) },
    { weight: 1, arbitrary: fc.double({ min, max, noNaN: true, noDefaultInfinity: true }) },
    { weight: 1, arbitrary: fc.constantFrom(...edges) },
  );
}

function hostileNumber(schema: Schema): fc.Arbitrary<unknown> {
  const bounds = [schema.minimum, schema.maximum].filter((n): n is number => n !== undefined);
  const past = bounds.flatMap((bound) => [bound - 1, bound + 1, bound + 0.5]);
  return fc.oneof(
    boundaryNumber,
    inexactNumber,
    numericText,
    ...(past.length > 0 ? [fc.constantFrom(...past)] : []),
  );
}

/** A value the schema allows (as far as a schema can say: ids may still lead nowhere). */
export function validValue(schema: Schema, name: string, context: Context): fc.Arbitrary<unknown> {
  const resolved = resolve(schema, context.document);
  const alternatives = resolved.oneOf ?? resolved.anyOf;
  if (alternatives) {
    return fc.oneof(...alternatives.map((part) => validValue(part, name, context)));
  }
  if (resolved.enum) return fc.constantFrom(...resolved.enum);
  const types = typesOf(resolved);
  const [type = 'object'] = types.filter((candidate) => candidate !== 'null');
  const value = validOfType(resolved, type, name, context);
  return types.includes('null')
    ? fc.oneof({ weight: 4, arbitrary: value }, { weight: 1, arbitrary: fc.constant(null) })
    : value;
}

function validOfType(schema: Schema, type: string, name: string, context: Context) {
  switch (type) {
    case 'string':
      return validText(schema, name, context);
    case 'number':
    case 'integer':
      return validNumber(schema, name);
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const item = validValue(schema.items ?? {}, name, context);
      const few = fc.array(item, {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 3, 3),
      });
      if (schema.maxItems === undefined) return few;
      const most = fc.array(item, { minLength: schema.maxItems, maxLength: schema.maxItems });
      return fc.oneof({ weight: 6, arbitrary: few }, { weight: 1, arbitrary: most });
    }
    default:
      return objectOf(schema, context, 'valid');
  }
}

/** A value the schema refuses: another type, past a bound, malformed, or missing parts. */
export function hostileValue(
  schema: Schema,
  name: string,
  context: Context,
): fc.Arbitrary<unknown> {
  const resolved = resolve(schema, context.document);
  const [type] = typesOf(resolved).filter((candidate) => candidate !== 'null');
  let specific: fc.Arbitrary<unknown> | undefined;
  if (resolved.enum) {
    const members = resolved.enum.filter((member): member is string => typeof member === 'string');
    const nearMisses = members.flatMap((member) => [member.toUpperCase(), `${member} `]);
    specific =
      nearMisses.length > 0 ? fc.oneof(fc.constantFrom(...nearMisses), hostileText) : hostileText;
  } else if (type === 'string') {
    specific = hostileTextFor(resolved, name, context);
  } else if (type === 'number' || type === 'integer') {
    specific = hostileNumber(resolved);
  } else if (type === 'boolean') {
    specific = fc.constantFrom('true', 'false', 0, 1, 'yes');
  } else if (type === 'array') {
    specific = fc.oneof(
      overlongArray,
      fc.array(hostileValue(resolved.items ?? {}, name, context), { minLength: 1, maxLength: 3 }),
      ...(resolved.maxItems === undefined
        ? []
        : [
            fc.array(validValue(resolved.items ?? {}, name, context), {
              minLength: resolved.maxItems + 1,
              maxLength: resolved.maxItems + 1,
            }),
          ]),
    );
  } else if (resolved.properties) {
    specific = hostileObject(resolved, context);
  }
  return specific
    ? fc.oneof({ weight: 3, arbitrary: specific }, { weight: 1, arbitrary: wrongType })
    : wrongType;
}

/** Mostly valid, sometimes hostile: one hostile field in a body of many is the common case. */
function mixedValue(schema: Schema, name: string, context: Context): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 5, arbitrary: validValue(schema, name, context) },
    { weight: 1, arbitrary: hostileValue(schema, name, context) },
  );
}

function objectOf(
  schema: Schema,
  context: Context,
  mode: 'valid' | 'mixed',
  requiredKeys = schema.required ?? [],
): fc.Arbitrary<Record<string, unknown>> {
  const model = Object.fromEntries(
    Object.entries(schema.properties ?? {}).map(([key, property]) => [
      key,
      mode === 'valid' ? validValue(property, key, context) : mixedValue(property, key, context),
    ]),
  );
  return fc.record(model, { requiredKeys, noNullPrototype: true });
}

/** Copies `extra` onto `object` as own keys (`__proto__` included, as JSON.parse would). */
function withExtraKeys(object: Record<string, unknown>, extra: Record<string, unknown>) {
  const result = { ...object };
  for (const [key, value] of Object.entries(extra)) {
    Object.defineProperty(result, key, { value, enumerable: true, writable: true });
  }
  return result;
}

function hostileObject(schema: Schema, context: Context): fc.Arbitrary<unknown> {
  const extraKeys = fc.dictionary(hostileKey, anyJson, {
    minKeys: 1,
    maxKeys: 3,
    noNullPrototype: true,
  });
  return fc.oneof(
    objectOf(schema, context, 'valid', []),
    fc
      .tuple(objectOf(schema, context, 'valid'), extraKeys)
      .map(([object, extra]) => withExtraKeys(object, extra)),
    fc.array(objectOf(schema, context, 'valid'), { minLength: 1, maxLength: 2 }),
  );
}

/** A JSON body: mostly the schema's object with a few hostile fields, sometimes anything. */
function jsonBody(schema: Schema, context: Context): fc.Arbitrary<unknown> {
  const resolved = resolve(schema, context.document);
  return fc.oneof(
    { weight: 2, arbitrary: objectOf(resolved, context, 'valid') },
    { weight: 6, arbitrary: objectOf(resolved, context, 'mixed') },
    { weight: 2, arbitrary: hostileValue(resolved, 'body', context) },
    { weight: 1, arbitrary: malformedBody },
  );
}

function parameterText(parameter: Parameter, operation: Operation, context: Context) {
  const schema = resolve(parameter.schema ?? {}, context.document);
  const { name } = parameter;
  if (name === 'orgId') {
    return fc.oneof(
      { weight: 12, arbitrary: fc.constantFrom(...context.targets.idsFor(name)) },
      { weight: 1, arbitrary: fc.constantFrom(...context.targets.foreignIds) },
      { weight: 1, arbitrary: fc.uuid() },
    );
  }
  if (name === 'token') {
    return fc.oneof(
      fc.constantFrom(...context.targets.tokensFor(operation.path)),
      fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 64 }),
    );
  }
  if (name === 'number') {
    return fc.oneof(
      fc.constantFrom(...context.targets.versionNumbers.map(String)),
      fc.integer({ min: 1, max: 5 }).map(String),
    );
  }
  if (schema.enum) return fc.constantFrom(...schema.enum.map(String));
  const [type] = typesOf(schema);
  if (type === 'integer' || type === 'number') {
    return validNumber(schema, name).map((n) => String(Math.round(n)));
  }
  if (type === 'boolean') return fc.constantFrom('true', 'false');
  return validText(schema, name, context, parameter.description);
}

function parameterValue(parameter: Parameter, operation: Operation, context: Context) {
  return fc.oneof(
    {
      weight: 5,
      arbitrary: parameterText(parameter, operation, context) as fc.Arbitrary<UrlValue>,
    },
    { weight: 1, arbitrary: hostileUrlText as fc.Arbitrary<UrlValue> },
  );
}

/** Query pairs: each parameter absent, once, repeated, or in the `name[key]` object syntax. */
function queryArbitrary(operation: Operation, context: Context) {
  type Pairs = [string, UrlValue][];
  const pairsFor = (parameter: Parameter): fc.Arbitrary<Pairs> => {
    const value = parameterValue(parameter, operation, context);
    return fc.oneof(
      { weight: parameter.required ? 1 : 6, arbitrary: fc.constant<Pairs>([]) },
      {
        weight: parameter.required ? 8 : 4,
        arbitrary: value.map((one): Pairs => [[parameter.name, one]]),
      },
      {
        weight: 1,
        arbitrary: fc.tuple(value, value).map(([one, two]): Pairs => [
          [parameter.name, one],
          [parameter.name, two],
        ]),
      },
      { weight: 1, arbitrary: value.map((one): Pairs => [[`${parameter.name}[a]`, one]]) },
    );
  };
  const queried = operation.parameters.filter((parameter) => parameter.in === 'query');
  const unknown = fc.oneof(
    { weight: 6, arbitrary: fc.constant([]) },
    { weight: 1, arbitrary: fc.tuple(hostileKey, hostileUrlText).map((pair) => [pair]) },
  );
  return fc
    .tuple(...queried.map(pairsFor), unknown as fc.Arbitrary<[string, UrlValue][]>)
    .map((groups) =>
      groups
        .flat()
        .map(([name, value]) => `${percentEncode(name)}=${urlPart(value)}`)
        .join('&'),
    );
}

function headersArbitrary(operation: Operation) {
  const named = operation.parameters.filter((parameter) => parameter.in === 'header');
  return fc
    .tuple(
      ...named.map((parameter) =>
        fc.option(
          headerText.map((value): [string, string] => [parameter.name, value]),
          { freq: 3 },
        ),
      ),
    )
    .map((pairs) => Object.fromEntries(pairs.filter((pair) => pair !== null)));
}

const NO_BODY = Symbol('no body');

function bodyArbitrary(operation: Operation, context: Context): fc.Arbitrary<unknown> {
  if (operation.body?.contentType === 'application/json') {
    return jsonBody(operation.body.schema, context);
  }
  if (operation.method === 'get' || operation.method === 'delete') return fc.constant(NO_BODY);
  // A route that takes no body should ignore (or refuse) one sent anyway.
  return fc.oneof(
    { weight: 6, arbitrary: fc.constant(NO_BODY) },
    { weight: 1, arbitrary: anyJson },
    { weight: 1, arbitrary: malformedBody },
  );
}

/** Requests for one operation, its parameters and body drawn as above. */
export function requestArbitrary(
  operation: Operation,
  document: OpenApiDocument,
  targets: FuzzTargets,
): fc.Arbitrary<FuzzRequest> {
  const context: Context = { document, targets };
  const inPath = operation.parameters.filter((parameter) => parameter.in === 'path');
  const pathValues = fc.record(
    Object.fromEntries(
      inPath.map((parameter) => [parameter.name, parameterValue(parameter, operation, context)]),
    ),
    { noNullPrototype: true },
  );
  return fc
    .record({
      path: pathValues,
      query: queryArbitrary(operation, context),
      headers: headersArbitrary(operation),
      body: bodyArbitrary(operation, context),
    })
    .map(({ path, query, headers, body }) => {
      const filled = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => urlPart(path[name]));
      const request: FuzzRequest = {
        method: operation.method,
        url: query ? `${filled}?${query}` : filled,
      };
      if (Object.keys(headers).length > 0) request.headers = headers;
      if (body !== NO_BODY) request.body = body;
      return request;
    });
}
