import type { Request } from 'express';

/** Where the caller reached us, for links in mail when PUBLIC_URL is not set. */
export function originOf(request: Request): string {
  return `${request.protocol}://${request.get('host') ?? 'localhost'}`;
}
