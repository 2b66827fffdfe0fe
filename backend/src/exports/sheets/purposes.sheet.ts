import type { Purpose } from '../../domain/activities/activity.types';
import { DOCUMENT, type DocumentRow } from '../activity-batches';
import { yesNo } from '../xlsx-cells';
import { activitySheet, referenceColumn, withReference, WithReference } from './activity-sheet';

type Row = DocumentRow;

/** Purposes with their legal basis (Art 30(1)(b), Art 6) and the legitimate-interest assessment. */
export const purposesSheet = activitySheet<Row, WithReference<Purpose>>({
  key: 'purposes',
  select: DOCUMENT,
  items: (row) => withReference(row.reference, row.document.purposes),
  columns: [
    referenceColumn(),
    { key: 'purpose', type: 'longText', value: ({ item }) => item.description },
    { key: 'main', width: 10, value: ({ item }, ctx) => yesNo(ctx.locale, item.main) },
    { key: 'legal_basis', width: 28, value: ({ item }, ctx) => ctx.labels.label('legal-bases', item.legalBasis, ctx.locale) },
    { key: 'legal_reference', type: 'longText', value: ({ item }) => item.legalReference },
    { key: 'lia_purpose', type: 'longText', value: ({ item }) => item.legitimateInterestAssessment?.purpose },
    { key: 'lia_necessity', type: 'longText', value: ({ item }) => item.legitimateInterestAssessment?.necessity },
    { key: 'lia_balancing', type: 'longText', value: ({ item }) => item.legitimateInterestAssessment?.balancing },
    { key: 'legal_basis_code', type: 'code', value: ({ item }) => item.legalBasis },
  ],
  dropdowns: { main: 'enum:yes_no', legal_basis: 'legal-bases' },
});
