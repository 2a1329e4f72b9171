import createClient from 'openapi-fetch';
import type { components, paths } from './schema.gen';

export type Schemas = components['schemas'];
export type ProblemDetails = Schemas['ProblemDetailsDto'] & Record<string, unknown>;

/** The one typed client of the API, generated from its OpenAPI description. */
export const api = createClient<paths>({ baseUrl: '' });

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

// Every change carries the CSRF token the API set in the csrf_token cookie (the API refuses a
// cookie-authenticated change without it).
api.use({
  onRequest({ request }) {
    if (SAFE_METHODS.has(request.method)) return request;
    const token = readCookie('csrf_token');
    if (token) request.headers.set('X-CSRF-Token', token);
    return request;
  },
});

function readCookie(name: string): string | undefined {
  return document.cookie
    .split('; ')
    .find((cookie) => cookie.startsWith(`${name}=`))
    ?.slice(name.length + 1);
}

/**
 * An answer other than success, carrying the API's problem details so pages can show the reason
 * and forms can put each field's reason next to the field.
 */
export class ApiProblem extends Error {
  constructor(readonly problem: ProblemDetails) {
    super(problem.detail ?? problem.title);
  }

  get status(): number {
    return this.problem.status;
  }

  /** Field name -> reason, ready for a form's setErrors. */
  fieldErrors(): Record<string, string> {
    const errors: Record<string, string> = {};
    for (const { field, reason } of this.problem.errors ?? []) {
      errors[field] ??= reason;
    }
    return errors;
  }
}

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Resolves to the body of a successful answer; throws ApiProblem for any other. */
export async function unwrap<T>(request: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await request;
  } catch {
    throw new ApiProblem({
      type: 'about:blank',
      title: 'The planner cannot be reached',
      status: 0,
      detail: 'Check your connection and try again.',
    });
  }
  // 204 No Content has no body: callers of such routes expect nothing back.
  if (result.response.ok) return result.data as T;
  const error = result.error as Partial<ProblemDetails> | undefined;
  throw new ApiProblem({
    type: error?.type ?? 'about:blank',
    title: error?.title ?? result.response.statusText ?? 'Request failed',
    status: error?.status ?? result.response.status,
    ...error,
  } as ProblemDetails);
}
