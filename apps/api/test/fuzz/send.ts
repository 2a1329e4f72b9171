import type { Response } from 'supertest';
import type { TestApp } from '../support/harness';
import { jsonText } from './encoding';
import { RawBody } from './hostile-values';
import type { FuzzRequest } from './openapi-arbitraries';
import type { FuzzWorld } from './world';

/**
 * Sends a generated request as the fuzzing owner (its cookies and CSRF token, no cookie jar), or
 * without a session when `anonymous`.
 */
export function send(
  api: TestApp,
  world: FuzzWorld,
  request: FuzzRequest,
  anonymous = false,
): Promise<Response> {
  let test = api.http[request.method](request.url).timeout(20_000);
  if (!anonymous) {
    test = test.set('Cookie', world.session.cookie).set('X-CSRF-Token', world.session.csrfToken);
  }
  for (const [name, value] of Object.entries(request.headers ?? {})) test = test.set(name, value);
  if ('body' in request) {
    const { body } = request;
    test =
      body instanceof RawBody
        ? test.set('Content-Type', body.contentType).send(body.content)
        : test.set('Content-Type', 'application/json').send(jsonText(body));
  }
  return test;
}

/**
 * What is wrong with an answer, or undefined: a 5xx is a bug; a 4xx must be an RFC 9457
 * problem (application/problem+json with type, title and the status it was answered with).
 */
export function answerFault(response: Response): string | undefined {
  const summary = () => `${response.status} ${response.text?.slice(0, 300) ?? ''}`;
  if (response.status >= 500) return `answered ${summary()}`;
  if (response.status < 400) return undefined;
  const type = String(response.headers['content-type'] ?? '');
  if (!type.startsWith('application/problem+json')) {
    return `answered ${response.status} as ${type || 'no content type'}, not a problem: ${summary()}`;
  }
  let problem: { type?: unknown; title?: unknown; status?: unknown };
  try {
    problem = JSON.parse(response.text) as typeof problem;
  } catch {
    return `answered a problem that is not JSON: ${summary()}`;
  }
  if (
    typeof problem.type !== 'string' ||
    typeof problem.title !== 'string' ||
    problem.status !== response.status
  ) {
    return `answered a problem without type, title or the right status: ${summary()}`;
  }
  return undefined;
}
