import { translate } from '../../common/i18n/i18n';
import { ColumnSpec, ExportContext, rowValues, SheetFactory, SheetWriter, sheetName } from '../sheet-writer';
import type { CellValue } from '../xlsx-cells';
import { enumLabel } from './enum-labels';

interface Line {
  field: string;
  value: CellValue;
}

const COLUMNS: ColumnSpec<Line>[] = [
  { key: 'field', width: 36, value: (line) => line.field },
  { key: 'value', type: 'longText', width: 70, value: (line) => line.value },
];

/**
 * The cover: the controller's identity (Art 30(1)(a)), its representative, DPO and EU representative
 * (Art 27), and what this file is — export date, as-of date, filters, who exported it.
 */
export const coverSheet: SheetWriter = {
  key: 'cover',
  async write(factory: SheetFactory, ctx: ExportContext): Promise<void> {
    const sheet = factory.addSheet(sheetName('cover', ctx.locale), COLUMNS, ctx);
    const org = ctx.organization as Record<string, string | null> & { name: string };
    const t = (key: string) => translate(ctx.locale, `exports.cover_${key}`);
    const lines: Line[] = [
      { field: t('organization'), value: org.name },
      { field: t('legal_name'), value: org.legalName },
      { field: t('registration_number'), value: org.registrationNumber },
      { field: t('address'), value: org.address },
      { field: t('country'), value: ctx.labels.label('countries', org.country, ctx.locale) },
      { field: t('legal_representative'), value: org.legalRepresentative },
      { field: t('dpo_name'), value: org.dpoName },
      { field: t('dpo_email'), value: org.dpoEmail },
      { field: t('dpo_phone'), value: org.dpoPhone },
      { field: t('dpo_designation_number'), value: org.dpoDesignationNumber },
      { field: t('eu_representative_name'), value: org.euRepresentativeName },
      { field: t('eu_representative_address'), value: org.euRepresentativeAddress },
      { field: t('eu_representative_email'), value: org.euRepresentativeEmail },
      { field: t('exported_at'), value: ctx.exportedAt },
      { field: t('as_of'), value: ctx.asOf ?? t('as_of_now') },
      { field: t('filters'), value: ctx.statuses?.length ? ctx.statuses.map((status) => enumLabel(ctx, 'status', status)).join(', ') : t('no_filter') },
      { field: t('exported_by'), value: ctx.exportedBy },
    ];
    if (!ctx.template) {
      for (const line of lines) {
        const row = sheet.addRow(rowValues(COLUMNS, line, ctx));
        // Dates on the cover carry the time of day.
        if (line.value instanceof Date) row.getCell(2).numFmt = 'yyyy-mm-dd hh:mm';
        row.commit();
      }
    }
    sheet.commit();
    await Promise.resolve();
  },
};
