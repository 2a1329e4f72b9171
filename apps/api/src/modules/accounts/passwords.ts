import { hash, verify } from '@node-rs/argon2';

// argon2id with the library's defaults (19 MiB, 2 passes, 1 lane): OWASP's minimum profile,
// about 30-50 ms here, slow for a guesser and fast enough for a person signing in.
// (2 is Algorithm.Argon2id; the library's const enum cannot be read under isolatedModules.)
const OPTIONS = { algorithm: 2 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * Checked against when the email is unknown, so that a wrong email and a wrong password take the
 * same time and get the same answer.
 */
export const PASSWORD_HASH_OF_NOBODY = hashPassword('nobody has this password, ever');
