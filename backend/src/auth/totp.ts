import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes, randomInt } from 'node:crypto';
import { generateSecret, generateURI, verifySync } from 'otplib';

/** Codes one period early or late are accepted (clock drift between the phone and the server). */
const TOLERANCE_SECONDS = 30;
export const RECOVERY_CODE_COUNT = 10;
/** Crockford-like alphabet without look-alikes (0/O, 1/I/L): codes are read off paper. */
const RECOVERY_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** Each kind of secret has its own key derived from the same material (`purpose`: HKDF info). */
export type SecretPurpose = 'totp-secret-v1' | 'sso-client-secret-v1';

function key(material: string, purpose: SecretPurpose): Buffer {
  return Buffer.from(hkdfSync('sha256', material, 'registre', purpose, 32));
}

/** AES-256-GCM: `v1.<iv>.<tag>.<ciphertext>` (base64url). A database dump alone does not give the secrets. */
export function encryptSecret(secret: string, material: string, purpose: SecretPurpose = 'totp-secret-v1'): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(material, purpose), iv);
  const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), ciphertext].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
}

export function decryptSecret(stored: string, material: string, purpose: SecretPurpose = 'totp-secret-v1'): string {
  const [version, iv, tag, ciphertext] = stored.split('.');
  if (version !== 'v1' || !iv || !tag || !ciphertext) throw new Error('unknown encrypted secret format');
  const decipher = createDecipheriv('aes-256-gcm', key(material, purpose), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
}

export function newTotpSecret(): string {
  return generateSecret();
}

export function otpauthUrl(secret: string, accountEmail: string): string {
  return generateURI({ issuer: 'Registre', label: accountEmail, secret });
}

/** The time step of a valid code, or undefined. Codes from steps at or before `afterStep` are refused (replay). */
export function verifyTotp(secret: string, code: string, afterStep: number | null): number | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  const result = verifySync({ secret, token: code, epochTolerance: TOLERANCE_SECONDS, ...(afterStep !== null ? { afterTimeStep: afterStep } : {}) });
  return result.valid && 'timeStep' in result ? result.timeStep : undefined;
}

/** What a user types: spaces and dashes ignored, case ignored. */
export function normaliseCode(raw: string): string {
  return raw.replace(/[\s-]/g, '').toUpperCase();
}

/** Ten codes of 10 characters (about 49 bits each), shown as XXXXX-XXXXX. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(normaliseCode(code)).digest('hex');
}
