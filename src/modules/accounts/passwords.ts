import { createHash, randomBytes } from 'node:crypto';
import { hash, verify, type Options } from '@node-rs/argon2';

/**
 * Password hashing (argon2id, OWASP's minimum: 19 MiB, 2 passes, 1 lane) and the random secrets of
 * sessions and tokens. napi-rs runs argon2 on libuv's thread pool, so a sign-in does not block
 * the event loop.
 */
const ARGON2: Options = { algorithm: 2 /* Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string): Promise<string> => hash(password, ARGON2);

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | null = null;

/**
 * Spends the time of one verification on a password that cannot match, so that an unknown
 * username answers as slowly as a wrong password (no account enumeration by timing).
 */
export async function verifyNothing(password: string): Promise<false> {
  dummy ??= hashPassword(randomBytes(16).toString('hex'));
  await verifyPassword(await dummy, password);
  return false;
}

/** A secret of 32 random bytes (256 bits), URL-safe. */
export const newSecret = (): string => randomBytes(32).toString('base64url');

/** What the database keeps of a session cookie or token: its SHA-256, hex. */
export const secretHash = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex');
