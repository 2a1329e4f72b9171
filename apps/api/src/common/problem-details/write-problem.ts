import type { Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { type FieldError, type ProblemDetails, ProblemException } from './problem';

/**
 * Writes a problem details body as the ProblemDetailsFilter does, for the few answers given by
 * plain Express middleware before (or outside) Nest's router, whose errors never reach the filter.
 */
export function writeProblem(
  request: Request & { id?: unknown },
  response: Response,
  problem: ProblemDetails,
): void {
  problem.instance ??= request.originalUrl;
  if (request.id) problem.requestId = String(request.id);
  if (response.headersSent) return;
  response.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
}

/** A ProblemException as the body the filter would write for it. */
export function problemOf(exception: ProblemException): ProblemDetails {
  return {
    type: exception.type,
    title: exception.title,
    status: exception.status,
    ...(exception.detail ? { detail: exception.detail } : {}),
    ...exception.extensions,
  };
}

export function plainProblem(status: number, detail?: string): ProblemDetails {
  return {
    type: 'about:blank',
    title: STATUS_CODES[status] ?? 'Error',
    status,
    ...(detail ? { detail } : {}),
  };
}

export type { FieldError };
