import { createHash } from 'node:crypto';
import { PassThrough, Transform, Writable } from 'node:stream';
import { ZipArchive } from 'archiver';
import type { ChainVerificationView } from '../audit/dto/audit.dto';
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
 * Streams the zip to `output`: each entry is hashed as it is written into the archive and finished
 * before the next starts, so nothing is held whole in memory; manifest.json comes last with the
 * SHA-256 of every file and the audit chain's verification.
 */
export async function writeEvidencePack(
  output: Writable,
  providers: EvidenceEntryProvider[],
  ctx: ExportContext,
  verifyChain: () => Promise<ChainVerificationView>,
): Promise<Manifest> {
  const archive = new ZipArchive({ zlib: { level: 6 } });
  const finished = new Promise<void>((resolve, reject) => {
    output.on('finish', resolve);
    output.on('error', reject);
    archive.on('error', reject);
  });
  archive.pipe(output);
  const files: ManifestFile[] = [];
  for (const provider of providers) {
    for await (const entry of provider.entries(ctx)) {
      const { stream, done } = hashing();
      const source = new PassThrough();
      source.pipe(stream);
      const processed = new Promise<void>((resolve) => archive.once('entry', () => resolve()));
      archive.append(stream, { name: entry.name, date: ctx.exportedAt });
      await entry.write(source);
      await processed;
      files.push({ name: entry.name, ...done() });
    }
  }
  const manifest: Manifest = {
    format: 'registre-evidence-pack/1',
    organization: { id: ctx.organizationId, name: ctx.organization.name },
    generatedAt: ctx.exportedAt.toISOString(),
    asOf: ctx.asOf?.toISOString() ?? null,
    generatedBy: ctx.exportedBy,
    files,
    auditChain: await verifyChain(),
  };
  archive.append(JSON.stringify(manifest, null, 2), { name: 'manifest.json', date: ctx.exportedAt });
  await archive.finalize();
  await finished;
  return manifest;
}
