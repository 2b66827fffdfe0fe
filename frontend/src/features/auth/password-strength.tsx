'use client';

import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { useEffect, useState } from 'react';

import { useT } from '@/i18n/i18n-provider';

/** The server's threshold (backend/src/auth/password-policy.ts): below it, the password is refused. */
const MIN_SCORE = 3;
const LEVELS = ['0', '1', '2', '3', '4'] as const;
/** Words of the product a user is likely to build a password from (as the server counts them). */
const SITE_WORDS = ['registre', 'rgpd', 'gdpr', 'dpo', 'cnil', 'ropa'];

let factory: Promise<ZxcvbnFactory> | undefined;

/**
 * The same zxcvbn-ts and dictionaries as the server, loaded on first use (the dictionaries weigh
 * about a megabyte: only the pages that set a password fetch them).
 */
function loadFactory(): Promise<ZxcvbnFactory> {
  factory ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common'), import('@zxcvbn-ts/language-en'), import('@zxcvbn-ts/language-fr')]).then(
    ([core, common, en, fr]) =>
      new core.ZxcvbnFactory({
        dictionary: { ...common.dictionary, ...en.dictionary, ...fr.dictionary },
        graphs: common.adjacencyGraphs,
        useLevenshteinDistance: false,
      }),
  );
  return factory;
}

/**
 * A strength meter under a new password: a guide while typing; the server stays the authority
 * (it refuses a password that scores below 3 or is shorter than the minimum).
 */
export function PasswordStrength({ password, minLength, userInputs = [] }: { password: string; minLength: number; userInputs?: readonly string[] }) {
  const t = useT();
  const [score, setScore] = useState<number | null>(null);
  const inputsKey = userInputs.join('\n');

  useEffect(() => {
    let current = true;
    if (!password) {
      setScore(null);
      return;
    }
    const inputs = [...SITE_WORDS, ...inputsKey.split('\n').flatMap((value) => value.toLowerCase().split(/[^\p{L}\p{N}]+/u)).filter((part) => part.length >= 3)];
    loadFactory()
      .then((zxcvbn) => {
        if (!current) return;
        setScore(password.length < minLength ? 0 : zxcvbn.check(password, inputs).score);
      })
      .catch(() => {
        if (current) setScore(null);
      });
    return () => {
      current = false;
    };
  }, [password, minLength, inputsKey]);

  if (score === null) return null;
  const level = LEVELS[score] ?? '0';
  return (
    <div className={`password-strength password-strength--${score >= MIN_SCORE ? 'ok' : 'weak'}`} data-testid="password-strength" data-score={score}>
      <meter className="password-strength__meter" min={0} max={4} low={2} high={3} optimum={4} value={score} aria-label={t('passwordStrength.label')} />
      <p className="password-strength__text" aria-live="polite">
        {t('passwordStrength.summary', { level: t(`passwordStrength.levels.${level}`) })}
        {score < MIN_SCORE ? ` — ${t('passwordStrength.tooWeak')}` : ''}
      </p>
    </div>
  );
}
