import type { Request } from 'express';

/**
 * Where the caller reached us: scheme and host (with its port) as the client saw them, which
 * behind a TLS-terminating proxy are X-Forwarded-Proto and X-Forwarded-Host when TRUST_PROXY
 * believes that proxy. Used for the origin check and for links in mail without PUBLIC_URL.
 */
export function originOf(request: Request): string {
  return `${request.protocol}://${request.host ?? 'localhost'}`;
}
