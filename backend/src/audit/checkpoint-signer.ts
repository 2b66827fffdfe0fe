import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject, sign as signBytes, verify as verifyBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** A public key that signs checkpoints, as stored in audit_signing_keys and shipped in packs. */
export interface SigningKey {
  /** SHA-256 of the public key (SPKI, DER), hex: the key's fingerprint. */
  keyId: string;
  algorithm: 'Ed25519';
  /** SPKI PEM. */
  publicKey: string;
}

/**
 * What signs audit checkpoints. One implementation reads a key file; one backed by an environment
 * secret or a KMS can replace it (the interface is all CheckpointService knows).
 */
export interface CheckpointSigner {
  /** The key that signs now. */
  currentKey(): SigningKey;
  sign(payload: Buffer): Buffer;
}

export const CHECKPOINT_SIGNER = Symbol('CHECKPOINT_SIGNER');

export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex');
}

export function signingKeyOf(publicKey: KeyObject): SigningKey {
  return { keyId: keyIdOf(publicKey), algorithm: 'Ed25519', publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

export function verifySignature(key: SigningKey, payload: Buffer, signature: Buffer): boolean {
  try {
    return verifyBytes(null, payload, createPublicKey(key.publicKey), signature);
  } catch {
    return false;
  }
}

/**
 * An Ed25519 key in a PEM file (PKCS#8), created with mode 0600 on first use. `wx` makes two
 * processes starting at once agree: the second one reads the first one's key.
 */
export class FileCheckpointSigner implements CheckpointSigner {
  private privateKey!: KeyObject;
  private key!: SigningKey;

  constructor(private readonly file: string) {
    this.load();
  }

  private load(): void {
    let pem: string;
    try {
      pem = readFileSync(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      pem = this.create();
    }
    const privateKey = createPrivateKey(pem);
    if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`${this.file} is not an Ed25519 private key`);
    // A key readable by others is no proof of anything: tighten it rather than sign with it.
    if ((statSync(this.file).mode & 0o077) !== 0) chmodSync(this.file, 0o600);
    this.privateKey = privateKey;
    this.key = signingKeyOf(createPublicKey(privateKey));
  }

  private create(): string {
    mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    try {
      writeFileSync(this.file, pem, { mode: 0o600, flag: 'wx' });
      return pem;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(this.file, 'utf8');
      throw error;
    }
  }

  currentKey(): SigningKey {
    return this.key;
  }

  sign(payload: Buffer): Buffer {
    return signBytes(null, payload, this.privateKey);
  }

  /**
   * Rotation: the current key file is kept aside as `<file>.<key id>.retired` (the operator may
   * then destroy it) and a new key is created. Its public key stays in audit_signing_keys, so the
   * checkpoints it signed still verify. Returns the new key.
   */
  rotate(): SigningKey {
    renameSync(this.file, `${this.file}.${this.key.keyId.slice(0, 16)}.retired`);
    this.load();
    return this.key;
  }
}
