import { issueCsrfToken, isValidCsrfPair } from './csrf';

const secret = 'a'.repeat(64);

describe('signed double-submit CSRF token', () => {
  it('accepts the pair it issued', () => {
    const token = issueCsrfToken(secret);
    expect(isValidCsrfPair(secret, token, token)).toBe(true);
  });

  it('refuses a missing header, a different header, a forged cookie and another secret', () => {
    const token = issueCsrfToken(secret);
    expect(isValidCsrfPair(secret, token, undefined)).toBe(false);
    expect(isValidCsrfPair(secret, token, issueCsrfToken(secret))).toBe(false);
    const forged = 'attacker-nonce.attacker-signature';
    expect(isValidCsrfPair(secret, forged, forged)).toBe(false);
    expect(isValidCsrfPair('b'.repeat(64), token, token)).toBe(false);
  });
});
