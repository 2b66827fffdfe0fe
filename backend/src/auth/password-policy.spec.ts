import { AppException } from '../common/errors/app-exception';
import { assertStrongPassword, passwordUserInputs } from './password-policy';

const camille = ['camille.martin@acme-conseil.fr', 'Camille Martin'];

function verdict(password: string, context: string[] = camille): string {
  try {
    assertStrongPassword(password, context);
    return 'accepted';
  } catch (error) {
    return error instanceof AppException ? `${error.code} (score ${String(error.details.score)})` : String(error);
  }
}

describe('password policy (zxcvbn-ts, FR/EN dictionaries, user inputs)', () => {
  it.each([
    ['password1234', 'refused'],
    ['azertyuiop12', 'refused'],
    ['motdepasse123', 'refused'],
    ['abcdefghijkl', 'refused'],
    ['123456789012', 'refused'],
    ['camille.martin2024', 'refused'],
    ['acmeconseil2025', 'refused'],
    ['registre2025!', 'refused'],
    ['short1!A', 'refused'],
    ['correct horse battery staple', 'accepted'],
    ['soleil-bateau-42-velo', 'accepted'],
    ['gY7#kq2!Lm9zP', 'accepted'],
  ])('%s → %s', (password, expected) => {
    const result = verdict(password);
    if (expected === 'accepted') expect(result).toBe('accepted');
    else expect(result).toMatch(/^password_too_weak \(score [0-2]\)$/);
  });

  it('splits the e-mail and name into the pieces a person reuses', () => {
    expect(passwordUserInputs(camille)).toEqual(expect.arrayContaining(['camille.martin@acme-conseil.fr', 'camille.martin', 'acme-conseil', 'camille', 'martin', 'conseil', 'registre']));
  });
});
