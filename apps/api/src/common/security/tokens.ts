import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Secrets handed to clients (session cookies, invitation links, API keys) are 256 random bits;
 * only their SHA-256 is stored, so a copy of the database opens nothing. A slow hash such as
 * argon2 is for low-entropy passwords; for random tokens SHA-256 is the right, fast choice.
 */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
