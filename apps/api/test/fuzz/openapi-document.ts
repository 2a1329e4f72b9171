import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// The parts of an OpenAPI 3.1 description the fuzz suite reads: its operations, their
// parameters and bodies, and the schemas they refer to.

export interface Schema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  example?: unknown;
  description?: string;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  description?: string;
  schema?: Schema;
}

interface DocumentOperation {
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, DocumentOperation>>;
  components: { schemas: Record<string, Schema> };
}

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface Operation {
  /** `POST /api/v1/organisations/{orgId}/outcomes` */
  name: string;
  method: Method;
  path: string;
  parameters: Parameter[];
  body?: { contentType: string; schema: Schema; required: boolean };
}

const METHODS: Method[] = ['get', 'post', 'put', 'patch', 'delete'];

/** docs/openapi.json, read at test time (`npm run client:generate` rewrites it). */
export function readOpenApi(
  file = join(__dirname, '..', '..', '..', '..', 'docs', 'openapi.json'),
): OpenApiDocument {
  return JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument;
}

/** Every operation of the description, in its order. */
export function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => {
      const operation = item[method];
      const content = Object.entries(operation.requestBody?.content ?? {})[0];
      return {
        name: `${method.toUpperCase()} ${path}`,
        method,
        path,
        parameters: operation.parameters ?? [],
        ...(content
          ? {
              body: {
                contentType: content[0],
                schema: content[1].schema,
                required: operation.requestBody?.required ?? false,
              },
            }
          : {}),
      };
    }),
  );
}

/** The schema with its $ref followed and its allOf merged. */
export function resolve(schema: Schema, document: OpenApiDocument): Schema {
  let resolved = schema;
  while (resolved.$ref) {
    const name = resolved.$ref.split('/').pop() as string;
    resolved = { ...document.components.schemas[name], ...omitRef(resolved) };
  }
  if (resolved.allOf) {
    return resolved.allOf.reduce<Schema>(
      (merged, part) => {
        const next = resolve(part, document);
        return {
          ...merged,
          ...next,
          properties: { ...merged.properties, ...next.properties },
          required: [...(merged.required ?? []), ...(next.required ?? [])],
        };
      },
      { ...resolved, allOf: undefined },
    );
  }
  return resolved;
}

function omitRef(schema: Schema): Schema {
  const rest = { ...schema };
  delete rest.$ref;
  return rest;
}

/** The JSON types a schema allows (OpenAPI 3.1 lists several, `null` among them). */
export const typesOf = (schema: Schema): string[] =>
  Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
