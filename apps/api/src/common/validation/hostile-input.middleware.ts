import type { NextFunction, Request, Response } from 'express';
import { ValidationProblem } from '../problem-details/problem';
import { plainProblem, problemOf, writeProblem } from '../problem-details/write-problem';
import { jsonBodyFault, jsonStructureFault, textFault } from './input-rules';

/**
 * The JSON parser's `verify` hook: refuses a body by its raw shape before it is parsed. The
 * ValidationProblem thrown here keeps its status (400) through the parser and reaches the filter.
 */
export function refuseHostileJsonStructure(
  _request: unknown,
  _response: unknown,
  raw: Buffer,
): void {
  const fault = jsonStructureFault(raw);
  if (fault) throw new ValidationProblem([fault]);
}

/**
 * Runs right after the JSON parser, before any guard, pipe or class-transformer: a body that is
 * too deep, too wide, holds a control character, a lone surrogate or an inexact number is refused
 * here in one bounded pass, with one short reason.
 */
export function refuseHostileBody(request: Request, response: Response, next: NextFunction): void {
  const body: unknown = request.body;
  if (body !== null && typeof body === 'object') {
    const fault = jsonBodyFault(body);
    if (fault) return writeProblem(request, response, problemOf(new ValidationProblem([fault])));
  }
  next();
}

/** The same text rules for the path and every query parameter, whatever route they reach. */
export function refuseHostileUrl(request: Request, response: Response, next: NextFunction): void {
  const fault = urlFault(request);
  if (fault) return writeProblem(request, response, problemOf(new ValidationProblem([fault])));
  next();
}

function urlFault(request: Request): { field: string; reason: string } | undefined {
  let path: string;
  try {
    path = decodeURIComponent(request.path);
  } catch {
    return { field: 'path', reason: 'must be valid percent-encoded UTF-8' };
  }
  const pathFault = textFault(path);
  if (pathFault) return { field: 'path', reason: pathFault };
  const query = request.query as Record<string, unknown>;
  for (const [name, value] of Object.entries(query)) {
    const nameFault = textFault(name);
    if (nameFault) return { field: 'query', reason: nameFault };
    for (const item of Array.isArray(value) ? value : [value]) {
      const valueFault = typeof item === 'string' ? textFault(item) : undefined;
      if (valueFault) return { field: name, reason: valueFault };
    }
  }
  return undefined;
}

// Paths under /api that Nest's router (with its own not-found handler) or the OpenAPI pages serve.
const ROUTED_UNDER_API = /^\/api\/(v1|health|docs|openapi\.(json|yaml))(\/|$)/;

/**
 * Any other path under /api is a mistake by an API client, never a page of the web app: it
 * answers 404 as problem+json instead of Express's HTML or the web app's index.
 */
export function answerUnknownApiPath(
  request: Request,
  response: Response,
  next: NextFunction,
): void {
  const path = request.originalUrl.split('?')[0];
  if ((path === '/api' || path.startsWith('/api/')) && !ROUTED_UNDER_API.test(path)) {
    return writeProblem(
      request,
      response,
      plainProblem(404, `There is no route ${request.method} ${path}.`),
    );
  }
  next();
}
