// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the test project compiles this file without server/src's declarations
/// <reference path="./dumb-passwords.d.ts" />
import { hash, verify } from '@node-rs/argon2';
import { check as isCommonPassword } from 'dumb-passwords';
import { DomainError } from '@chitieu/domain';

/** argon2id at OWASP's minimum: 19 MiB, 2 passes, 1 lane. Algorithm 2 = Argon2id (a const enum upstream). */
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** Characters other than white space: eight spaces are not a password. */
export const MIN_PASSWORD_LENGTH = 8;
/** Hashing is the slow part of a request: a bound keeps it so (CreateUserInput says the same). */
export const MAX_PASSWORD_LENGTH = 256;

/**
 * The one rule for a new password, wherever it is set (createUser, changePassword, the CLI, the
 * admin bootstrap, the seed): not only white space, at least MIN_PASSWORD_LENGTH other
 * characters, and not one of the 10,000 most common passwords (dumb-passwords' bundled list,
 * compared in lower case, with and without the white space around it).
 */
export function checkNewPassword(password: string): void {
  if (password.trim() === '') throw new DomainError('BAD_USER_INPUT', { reason: 'passwordBlank' });
  if (password.replace(/\s/g, '').length < MIN_PASSWORD_LENGTH) throw new DomainError('BAD_USER_INPUT', { reason: 'passwordLength', min: MIN_PASSWORD_LENGTH });
  if (password.length > MAX_PASSWORD_LENGTH) throw new DomainError('BAD_USER_INPUT', { reason: 'passwordTooLong', max: MAX_PASSWORD_LENGTH });
  if (isCommonPassword(password) || isCommonPassword(password.trim())) throw new DomainError('BAD_USER_INPUT', { reason: 'passwordCommon' });
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS as never);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Verified against when the username is unknown, so both answers take the same time. */
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword('not-a-real-password-0');
  return dummy;
}
