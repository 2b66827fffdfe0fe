import { Injectable } from '@nestjs/common';
import { joinActivity } from '../activities/directory/activity-directory';
import { activityDocument } from '../activities/directory/activity-reads';
import { readDpiaStates, readEarlierRevisions } from '../dpias/dpia-export';
import type { RegisterContext } from '../domain/dpias/dpia.types';
import { DocumentStorage } from '../evidence/document-storage';
import { renderDpiaReport } from './dpia-report';
import type { EvidenceEntry, EvidenceEntryProvider } from './evidence-pack';
import { REGISTER_SHEETS, VENDOR_SHEETS } from './register-sheets';
import type { ExportContext, SheetWriter } from './sheet-writer';
import { coverSheet } from './sheets/cover.sheet';
import { auditTrailSheet } from './sheets/audit-trail.sheet';
import { writeWorkbook } from './xlsx-workbook';

const workbookEntry = (name: string, sheets: SheetWriter[], ctx: ExportContext): EvidenceEntry => ({
  name,
  write: (output) => writeWorkbook(output, sheets, ctx),
});

/** register.xlsx, audit-trail.xlsx (with hashes) and vendors.xlsx, as of the pack's instant. */
export const workbookProvider: EvidenceEntryProvider = {
  entries: (ctx) => [
    workbookEntry('register.xlsx', REGISTER_SHEETS, ctx),
    workbookEntry('audit-trail.xlsx', [coverSheet, auditTrailSheet], ctx),
    workbookEntry('vendors.xlsx', VENDOR_SHEETS, ctx),
  ],
};

/** Every evidence document uploaded by then, one at a time, under documents/<record>/<id>-<name>. */
@Injectable()
export class DocumentsProvider implements EvidenceEntryProvider {
  constructor(private readonly storage: DocumentStorage) {}

  async *entries(ctx: ExportContext): AsyncIterable<EvidenceEntry> {
    const documents = await ctx.query<{ id: string; file_name: string; activity_reference: string | null; vendor_name: string | null }>(
      `SELECT d.id, d.file_name, a.reference AS activity_reference, v.name AS vendor_name
       FROM evidence_documents d
       ${joinActivity('a', { table: 'd' }, 'LEFT JOIN')}
       LEFT JOIN vendors v ON v.organization_id = d.organization_id AND v.id = d.vendor_id
       WHERE d.organization_id = $1 AND ($2::timestamptz IS NULL OR d.uploaded_at <= $2::timestamptz)
       ORDER BY d.uploaded_at, d.id`,
      [ctx.organizationId, ctx.asOf?.toISOString() ?? null],
    );
    for (const document of documents) {
      const folder = document.activity_reference ? `activities/${safe(document.activity_reference)}` : `vendors/${safe(document.vendor_name ?? 'vendor')}`;
      yield {
        name: `documents/${folder}/${document.id.slice(0, 8)}-${document.file_name}`,
        write: async (output) => {
          const content = await this.storage.get(ctx.organizationId, document.id);
          output.end(content ?? Buffer.alloc(0));
        },
      };
    }
  }
}

/** A name usable as a folder in the zip (no separators, no dot segments). */
// eslint-disable-next-line no-control-regex
const safe = (name: string) => name.replace(/[/\\:*?"<>|\u0000-\u001f]+/g, '_').replace(/^\.+/, '_').slice(0, 100);

/**
 * Every DPIA's report, as of the pack's instant (the revision current then; see readDpiaStates), and
 * the report of each earlier revision decided by then, as dpias/<activity reference>-r<revision>.html. The register context is the closed revision's own, or
 * the activity's as of the instant (its version then), else its current one.
 */
export const dpiaReportsProvider: EvidenceEntryProvider = {
  async *entries(ctx: ExportContext): AsyncIterable<EvidenceEntry> {
    const query = <T>(sql: string, params: unknown[]) => ctx.query<T>(sql, params);
    const shown = await readDpiaStates(query, ctx.organizationId, ctx.asOf);
    const states = [...shown, ...(await readEarlierRevisions(query, ctx.organizationId, ctx.asOf, shown))];
    for (const state of states) {
      yield {
        name: `dpias/${safe(state.activityReference)}-r${state.revision}.html`,
        write: async (output) => {
          const register = state.register ?? (await activityRegisterContext(ctx, state.activityId));
          output.end(renderDpiaReport(state, register, ctx), 'utf8');
        },
      };
    }
  },
};

/** The register part of a DPIA's context, from the activity (its version at the instant when there is one). */
export async function activityRegisterContext(ctx: ExportContext, activityId: string): Promise<RegisterContext | null> {
  const document = await activityDocument((sql, params) => ctx.query(sql, params), ctx.organizationId, activityId, ctx.asOf);
  if (!document) return null;
  return {
    reference: document.reference,
    name: document.name,
    description: document.description ?? null,
    purposes: document.purposes.map((purpose) => ({ description: purpose.description, legalBasis: purpose.legalBasis })),
    dataCategories: document.dataCategories.map((category) => ({ category: category.category, description: category.description, retention: category.retention?.activePeriod ?? null })),
    dataSubjects: document.dataSubjects.map((subject) => ({ ...subject })),
    recipients: document.recipients.map((recipient) => ({ ...recipient })),
    processors: [...document.processors],
    transfers: document.transfers.map((transfer) => ({ country: transfer.country, mechanism: transfer.mechanism })),
    securityMeasures: [...document.securityMeasures],
    screening: { ...document.dpiaScreening },
  };
}
