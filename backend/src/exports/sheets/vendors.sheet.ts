import type { VendorContact, VendorSnapshot } from '../../domain/vendors/vendor.types';
import { translate } from '../../common/i18n/i18n';
import { assessVendor } from '../../domain/transfers/transfer-status';
import { BATCH_SIZE } from '../activity-batches';
import { ColumnSpec, ExportContext, rowValues, SheetFactory, SheetWriter, sheetName } from '../sheet-writer';
import { dateCell, yesNo } from '../xlsx-cells';
import { enumLabel } from './enum-labels';

interface VendorRow {
  id: string;
  name: string;
  snapshot: VendorSnapshot;
}

const LIVE = `
  SELECT v.id, v.name, jsonb_build_object(
    'name', v.name, 'legalEntity', v.legal_entity, 'service', v.service, 'role', v.role,
    'headquartersCountry', v.headquarters_country, 'parentCompany', v.parent_company, 'parentCountry', v.parent_country,
    'dataLocations', to_jsonb(v.data_locations), 'certifications', to_jsonb(v.certifications),
    'dpa', jsonb_build_object('signed', v.dpa_signed, 'signedOn', v.dpa_signed_on, 'documentId', v.dpa_document_id),
    'transferMechanism', v.transfer_mechanism,
    'tia', jsonb_build_object('date', v.tia_date, 'conclusion', v.tia_conclusion, 'documentId', v.tia_document_id),
    'status', v.status, 'nextReviewDate', v.next_review_date, 'notes', v.notes, 'contacts', v.contacts) AS snapshot
  FROM vendors v WHERE v.organization_id = $1`;

const AS_OF = `
  SELECT v.vendor_id AS id, v.snapshot ->> 'name' AS name, v.snapshot
  FROM (SELECT DISTINCT ON (vendor_id) vendor_id, snapshot FROM vendor_versions
        WHERE organization_id = $1 AND created_at <= $2::timestamptz ORDER BY vendor_id, number DESC) v`;

const list = (values: (string | null)[]) => values.filter(Boolean).join(', ') || null;
const country = (ctx: ExportContext, code: string | null) => ctx.labels.label('countries', code, ctx.locale);

/** « Délégué à la protection des données : Hélène Lefèvre, dpo@exemple.fr, +33 1 23 45 67 89 », one contact a line. */
function contactLines(ctx: ExportContext, contacts: VendorContact[] | undefined): string | null {
  const lines = (contacts ?? []).map((contact) =>
    [translate(ctx.locale, 'exports.vendor_contact', { role: contact.role, name: contact.name }), contact.email, contact.phone].filter(Boolean).join(', '),
  );
  return lines.join('\n') || null;
}

const COLUMNS: ColumnSpec<VendorRow>[] = [
  { key: 'vendor', width: 28, value: (row) => row.snapshot.name },
  { key: 'legal_entity', width: 28, value: (row) => row.snapshot.legalEntity },
  { key: 'service', type: 'longText', value: (row) => row.snapshot.service },
  { key: 'vendor_role', width: 16, value: (row, ctx) => enumLabel(ctx, 'vendor_role', row.snapshot.role) },
  { key: 'headquarters_country', width: 18, value: (row, ctx) => country(ctx, row.snapshot.headquartersCountry) },
  { key: 'parent_company', width: 24, value: (row) => row.snapshot.parentCompany },
  { key: 'parent_country', width: 18, value: (row, ctx) => country(ctx, row.snapshot.parentCountry) },
  { key: 'data_locations', type: 'longText', width: 30, value: (row, ctx) => list(row.snapshot.dataLocations.map((code) => country(ctx, code))) },
  { key: 'certifications', type: 'longText', width: 30, value: (row) => list(row.snapshot.certifications) },
  { key: 'dpa_signed', width: 12, value: (row, ctx) => yesNo(ctx.locale, row.snapshot.dpa.signed) },
  { key: 'dpa_signed_on', type: 'date', value: (row) => dateCell(row.snapshot.dpa.signedOn) },
  { key: 'mechanism', width: 28, value: (row, ctx) => ctx.labels.label('transfer-mechanisms', row.snapshot.transferMechanism, ctx.locale) },
  { key: 'tia_date', type: 'date', value: (row) => dateCell(row.snapshot.tia.date) },
  { key: 'vendor_status', width: 16, value: (row, ctx) => enumLabel(ctx, 'vendor_status', row.snapshot.status) },
  { key: 'next_review_date', type: 'date', value: (row) => dateCell(row.snapshot.nextReviewDate) },
  { key: 'needs_mechanism', width: 14, value: (row, ctx) => yesNo(ctx.locale, assessment(row, ctx).needsMechanism) },
  { key: 'exposed', width: 14, value: (row, ctx) => yesNo(ctx.locale, assessment(row, ctx).exposed) },
  { key: 'notes', type: 'longText', value: (row) => row.snapshot.notes },
  // Snapshots written before contacts were recorded have none (the register as of a past date).
  { key: 'contacts', type: 'longText', width: 40, value: (row, ctx) => contactLines(ctx, row.snapshot.contacts) },
  { key: 'vendor_role_code', type: 'code', value: (row) => row.snapshot.role },
  { key: 'vendor_status_code', type: 'code', value: (row) => row.snapshot.status },
  { key: 'mechanism_code', type: 'code', value: (row) => row.snapshot.transferMechanism },
];

function assessment(row: VendorRow, ctx: ExportContext) {
  const s = row.snapshot;
  return assessVendor(
    {
      headquartersCountry: s.headquartersCountry,
      parentCompany: s.parentCompany,
      parentCountry: s.parentCountry,
      dataLocations: s.dataLocations,
      certifications: s.certifications,
      transferMechanism: s.transferMechanism,
      tiaDate: s.tia.date,
      scopeConfirmations: ctx.scopeConfirmations.get(s.name.toLowerCase()) ?? [],
    },
    ctx.transferFacts,
  );
}

/** The vendors list (processors, sub-processors, recipients), live or as of the export's instant. */
export const vendorsSheet: SheetWriter = {
  key: 'vendors',
  async write(factory: SheetFactory, ctx: ExportContext): Promise<void> {
    const sheet = factory.addSheet(sheetName('vendors', ctx.locale), COLUMNS, ctx);
    if (!ctx.template) {
      const params: unknown[] = ctx.asOf ? [ctx.organizationId, ctx.asOf.toISOString()] : [ctx.organizationId];
      const source = ctx.asOf ? AS_OF : LIVE;
      const n = params.length;
      const sql = `SELECT r.id, r.name, r.snapshot FROM (${source}) r WHERE (r.name, r.id) > ($${n + 1}, $${n + 2}::uuid) ORDER BY r.name, r.id LIMIT ${BATCH_SIZE}`;
      let after: [string, string] = ['', '00000000-0000-0000-0000-000000000000'];
      for (;;) {
        const rows = await ctx.query<VendorRow>(sql, [...params, ...after]);
        for (const row of rows) sheet.addRow(rowValues(COLUMNS, row, ctx)).commit();
        if (rows.length < BATCH_SIZE) break;
        after = [rows[rows.length - 1].name, rows[rows.length - 1].id];
      }
    }
    sheet.commit();
  },
};
