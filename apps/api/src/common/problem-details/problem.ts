import { HttpStatus } from '@nestjs/common';

/** One field that was refused, and why, as the web app's forms show it next to the field. */
export interface FieldError {
  field: string;
  reason: string;
}

/** An RFC 9457 problem details body, plus the request id and, for bad input, the fields at fault. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

/**
 * The one exception services throw for an answer other than success. Each module names its own
 * cases with the helpers below (or a subclass); the ProblemDetailsFilter writes them out.
 */
export class ProblemException extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly type = 'about:blank',
    readonly extensions: Record<string, unknown> = {},
    /** Response headers the answer needs (Retry-After for 429, for example). */
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ?? title);
  }
}

export const PROBLEM_TYPES = {
  validation: '/problems/validation-error',
  notFound: '/problems/not-found',
  staleVersion: '/problems/stale-version',
  unauthenticated: '/problems/unauthenticated',
  forbidden: '/problems/forbidden',
  rateLimited: '/problems/rate-limited',
  rule: '/problems/rule-violated',
} as const;

/** However many fields are wrong, the answer names the first few: it stays short. */
export const MAX_REPORTED_ERRORS = 20;

export class ValidationProblem extends ProblemException {
  readonly errors: FieldError[];

  constructor(allErrors: FieldError[]) {
    const errors = allErrors.slice(0, MAX_REPORTED_ERRORS);
    super(
      HttpStatus.BAD_REQUEST,
      'Your request has invalid fields',
      errors.map((error) => `${error.field} ${error.reason}`).join('; '),
      PROBLEM_TYPES.validation,
      { errors },
    );
    this.errors = errors;
  }
}

/**
 * Used for a record that does not exist and, identically, for one that belongs to another
 * organisation: the answer must not reveal which.
 */
export class NotFoundProblem extends ProblemException {
  constructor(entity: string, id: string) {
    super(HttpStatus.NOT_FOUND, 'Not found', `No ${entity} with id ${id}.`, PROBLEM_TYPES.notFound);
  }
}

/** Someone else changed the record since the caller read it; the body carries the current one. */
export class StaleVersionProblem extends ProblemException {
  constructor(entity: string, current: unknown) {
    super(
      HttpStatus.CONFLICT,
      'Changed by someone else',
      `This ${entity} was changed since you loaded it. Review the current version and apply your change again.`,
      PROBLEM_TYPES.staleVersion,
      { current },
    );
  }
}

export class UnauthenticatedProblem extends ProblemException {
  constructor(detail = 'Sign in, or send a valid API key, to do this.') {
    super(HttpStatus.UNAUTHORIZED, 'Not signed in', detail, PROBLEM_TYPES.unauthenticated);
  }
}

export class ForbiddenProblem extends ProblemException {
  constructor(detail: string) {
    super(HttpStatus.FORBIDDEN, 'Not allowed', detail, PROBLEM_TYPES.forbidden);
  }
}

export class RateLimitedProblem extends ProblemException {
  constructor(retryAfterSeconds: number) {
    super(
      HttpStatus.TOO_MANY_REQUESTS,
      'Too many attempts',
      `Too many attempts; try again in ${retryAfterSeconds} seconds.`,
      PROBLEM_TYPES.rateLimited,
      { retryAfterSeconds },
      { 'Retry-After': String(retryAfterSeconds) },
    );
  }
}

/**
 * A delete refused because other records depend on the one deleted; the caller may confirm the
 * cascade (`?cascade=true`) once it has shown the user what would go with it.
 */
export class DependentsProblem extends ProblemException {
  constructor(detail: string, extensions: Record<string, unknown> = {}) {
    super(HttpStatus.CONFLICT, 'Others depend on it', detail, PROBLEM_TYPES.rule, extensions);
  }
}

/** A request that is well formed but breaks a rule of the product (the last owner must stay). */
export class RuleProblem extends ProblemException {
  constructor(title: string, detail: string, status: number = HttpStatus.CONFLICT) {
    super(status, title, detail, PROBLEM_TYPES.rule);
  }
}
