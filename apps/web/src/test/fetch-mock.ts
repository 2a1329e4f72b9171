import { vi } from 'vitest';

/** What the API answers in a component test: set per test, reset after each. */
export const fetchMock = vi.fn<typeof fetch>();

/** An answer of the API as JSON, or as problem+json for a status of 400 and above. */
export function apiAnswer(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json',
    },
  });
}
