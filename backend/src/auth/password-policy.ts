import { HttpStatus } from '@nestjs/common';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import * as fr from '@zxcvbn-ts/language-fr';
import { AppException } from '../common/errors/app-exception';
import { MIN_PASSWORD_LENGTH } from './password';

/** zxcvbn's scale: 0 too guessable … 4 very unguessable. 3 resists an offline attack on a slow hash. */
export const MIN_PASSWORD_SCORE = 3;

/** Words of the product a user is likely to build a password from. */
const SITE_WORDS = ['registre', 'rgpd', 'gdpr', 'dpo', 'cnil', 'ropa'];

let factory: ZxcvbnFactory | undefined;

/**
 * zxcvbn-ts with the common (breached passwords, keyboard layouts including AZERTY), English and
 * French dictionaries, built once per process (about half a second). Levenshtein matching is off: it
 * makes one check cost seconds of CPU, and the dictionaries with l33t and reversed variants already
 * catch `password1234` or `azertyuiop12` (NIST SP 800-63B: compare with commonly used and breached
 * passwords, dictionary words and context-specific words).
 */
function zxcvbn(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary, ...fr.dictionary },
    graphs: common.adjacencyGraphs,
    useLevenshteinDistance: false,
  });
  return factory;
}

/** The user's own data split into the pieces someone would reuse: `camille.martin@acme.fr` → camille, martin, acme… */
export function passwordUserInputs(values: (string | undefined | null)[]): string[] {
  const inputs = new Set<string>(SITE_WORDS);
  for (const value of values) {
    if (!value) continue;
    const lower = value.trim().toLowerCase();
    if (!lower) continue;
    inputs.add(lower);
    const [local, domain] = lower.split('@');
    const label = domain?.split('.')[0];
    for (const piece of [local, label]) {
      if (!piece) continue;
      inputs.add(piece);
      // `camille.martin` is also typed `camillemartin`.
      inputs.add(piece.replace(/[^\p{L}\p{N}]+/gu, ''));
    }
    for (const part of lower.split(/[^\p{L}\p{N}]+/u)) if (part.length >= 3) inputs.add(part);
  }
  return [...inputs];
}

export function passwordScore(password: string, userInputs: string[]): number {
  return zxcvbn().check(password, userInputs).score;
}

/** 400 `password_too_weak` unless the password has 12 characters and scores at least 3. */
export function assertStrongPassword(password: string, context: (string | undefined | null)[]): void {
  const score = password.length < MIN_PASSWORD_LENGTH ? 0 : passwordScore(password, passwordUserInputs(context));
  if (score < MIN_PASSWORD_SCORE) {
    throw new AppException(HttpStatus.BAD_REQUEST, 'password_too_weak', { score, minScore: MIN_PASSWORD_SCORE, minLength: MIN_PASSWORD_LENGTH }, { minLength: MIN_PASSWORD_LENGTH });
  }
}
