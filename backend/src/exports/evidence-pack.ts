import { createHash } from 'node:crypto';
import { PassThrough, Transform, Writable } from 'node:stream';
import { ZipArchive } from 'archiver';
import type { ChainVerificationView } from '../audit/dto/audit.dto';
import type { Locale } from '../common/i18n/i18n';
import type { ExportContext } from './sheet-writer';

/** One file of the pack: its path in the zip and how to write it (the writer ends `output`). */
export interface EvidenceEntry {
  name: string;
  write(output: Writable): Promise<void>;
}

/**
 * A source of files for the evidence pack (register, audit trail, vendors, documents…). The pack is
 * the list of providers in exports.module.ts; a feature adds its own (DPIA reports).
 */
export interface EvidenceEntryProvider {
  entries(ctx: ExportContext): AsyncIterable<EvidenceEntry> | Iterable<EvidenceEntry>;
}

export interface ManifestFile {
  name: string;
  sha256: string;
  bytes: number;
}

export interface Manifest {
  format: 'registre-evidence-pack/1';
  organization: { id: string; name: string };
  generatedAt: string;
  asOf: string | null;
  generatedBy: string | null;
  /** The pack's language (its README, the verifier's output). */
  language: Locale;
  files: ManifestFile[];
  auditChain: ChainVerificationView;
}

/** Passes bytes through while counting and hashing them. */
function hashing(): { stream: Transform; done: () => { sha256: string; bytes: number } } {
  const hash = createHash('sha256');
  let bytes = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      bytes += chunk.length;
      callback(null, chunk);
    },
  });
  return { stream, done: () => ({ sha256: hash.digest('hex'), bytes }) };
}

/**
 * Hands out entry names no other entry of the pack has. Providers build names from free text
 * (references, vendor and file names): `RH/01` and `RH_01` both make `RH_01`, and unzipping keeps one
 * file. Names are compared as a case-insensitive file system would (Windows, macOS), NFC-normalised;
 * a repeated name gets ` (2)`, ` (3)`… before its extension. The manifest lists the names used.
 */
export class EntryNames {
  private readonly used = new Set<string>();

  constructor(reserved: string[] = []) {
    for (const name of reserved) this.used.add(EntryNames.key(name));
  }

  private static key(name: string): string {
    return name.normalize('NFC').toLowerCase();
  }

  unique(name: string): string {
    const slash = name.lastIndexOf('/');
    const dot = name.lastIndexOf('.');
    const [stem, extension] = dot > slash + 1 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
    for (let copy = 1; ; copy++) {
      const candidate = copy === 1 ? name : `${stem} (${copy})${extension}`;
      if (!this.used.has(EntryNames.key(candidate))) {
        this.used.add(EntryNames.key(candidate));
        return candidate;
      }
    }
  }
}

/**
 * Streams the zip to `output`: each entry is hashed as it is written into the archive and finished
 * before the next starts, so nothing is held whole in memory; manifest.json comes last with the
 * SHA-256 of every file and the audit chain's verification, then, when `signManifest` is given,
 * manifest.signature.json: the signature of manifest.json's exact bytes (verify-evidence.mjs checks it).
 */
export async function writeEvidencePack(
  output: Writable,
  providers: EvidenceEntryProvider[],
  ctx: ExportContext,
  verifyChain: () => Promise<ChainVerificationView>,
  signManifest?: (content: Buffer) => object,
): Promise<Manifest> {
  const archive = new ZipArchive({ zlib: { level: 6 } });
  const finished = new Promise<void>((resolve, reject) => {
    output.on('finish', resolve);
    output.on('error', reject);
    archive.on('error', reject);
  });
  archive.pipe(output);
  const files: ManifestFile[] = [];
  const names = new EntryNames(['manifest.json', 'manifest.signature.json']);
  for (const provider of providers) {
    for await (const entry of provider.entries(ctx)) {
      const name = names.unique(entry.name);
      const { stream, done } = hashing();
      const source = new PassThrough();
      source.pipe(stream);
      const processed = new Promise<void>((resolve) => archive.once('entry', () => resolve()));
      archive.append(stream, { name, date: ctx.exportedAt });
      await entry.write(source);
      await processed;
      files.push({ name, ...done() });
    }
  }
  const manifest: Manifest = {
    format: 'registre-evidence-pack/1',
    organization: { id: ctx.organizationId, name: ctx.organization.name },
    generatedAt: ctx.exportedAt.toISOString(),
    asOf: ctx.asOf?.toISOString() ?? null,
    generatedBy: ctx.exportedBy,
    language: ctx.locale,
    files,
    auditChain: await verifyChain(),
  };
  const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2), 'utf8');
  archive.append(manifestBytes, { name: 'manifest.json', date: ctx.exportedAt });
  if (signManifest) archive.append(JSON.stringify(signManifest(manifestBytes), null, 2), { name: 'manifest.signature.json', date: ctx.exportedAt });
  await archive.finalize();
  await finished;
  return manifest;
}
