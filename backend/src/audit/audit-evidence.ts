import type { Writable } from 'node:stream';
import { translate } from '../common/i18n/i18n';
import type { EvidenceEntry, EvidenceEntryProvider } from '../exports/evidence-pack';
import type { ExportContext } from '../exports/sheet-writer';
import type { AuditTrailService } from './audit-trail.service';
import type { Checkpoint, CheckpointService } from './checkpoint.service';
import { VERIFY_EVIDENCE_MJS } from './offline-verifier';

/** Waits when the stream asks to (the zip entry is written as the events are read). */
const write = (output: Writable, text: string) => (output.write(text) ? Promise.resolve() : new Promise<void>((resolve) => output.once('drain', () => resolve())));

/** Writes a whole text as the entry. */
const text = (content: string) => (output: Writable) => {
  output.end(content, 'utf8');
  return Promise.resolve();
};

/**
 * The audit proof of an evidence pack: every event with every hashed field (audit/events.jsonl,
 * one JSON object a line, in chain order), the signed checkpoints and their public keys, the
 * standalone verifier and a README (in the pack's language) that says how to run it. Events and
 * checkpoints are those of the pack's instant (asOf), like the audit trail workbook.
 */
export function auditProofProvider(trail: AuditTrailService, checkpoints: CheckpointService): EvidenceEntryProvider {
  return {
    async *entries(ctx: ExportContext): AsyncIterable<EvidenceEntry> {
      yield {
        name: 'audit/events.jsonl',
        write: async (output) => {
          for await (const batch of trail.events(ctx.organizationId, ctx.asOf)) {
            const lines = batch.map((event) =>
              JSON.stringify({
                id: event.id,
                sequence: event.sequence,
                organizationId: event.organizationId,
                occurredAt: new Date(event.occurredAt).toISOString(),
                actorUserId: event.actorUserId,
                actorName: event.actorName,
                action: event.action,
                entityType: event.entityType,
                entityId: event.entityId,
                entityLabel: event.entityLabel,
                changes: event.changes,
                requestId: event.requestId,
                previousHash: event.previousHash,
                hash: event.hash,
                hashVersion: event.hashVersion,
              }),
            );
            await write(output, `${lines.join('\n')}\n`);
          }
          output.end();
        },
      };
      const signed: Checkpoint[] = await checkpoints.list(ctx.organizationId, ctx.asOf);
      yield { name: 'audit/checkpoints.json', write: text(JSON.stringify(signed, null, 2)) };
      const keys = await checkpoints.packKeys(signed);
      yield { name: 'audit/signing-keys.json', write: text(JSON.stringify(keys, null, 2)) };
      yield { name: 'verify-evidence.mjs', write: text(VERIFY_EVIDENCE_MJS) };
      yield {
        name: 'README.txt',
        write: text(
          translate(ctx.locale, 'audit_trail.pack_readme', {
            organization: ctx.organization.name,
            checkpoints: signed.length,
            fingerprints: keys.map((key) => `  ${key.keyId}`).join('\n'),
          }),
        ),
      };
    },
  };
}
