import { DOCUMENT, type DocumentRow } from '../activity-batches';
import { activitySheet, referenceColumn, withReference, WithReference } from './activity-sheet';
import { measureLabel } from './register.sheet';

type Row = DocumentRow;

/** Technical and organisational security measures (Art 30(1)(g)): catalogue labels or free text. */
export const securityMeasuresSheet = activitySheet<Row, WithReference<string>>({
  key: 'security_measures',
  select: DOCUMENT,
  items: (row) => withReference(row.reference, row.document.securityMeasures),
  columns: [
    referenceColumn(),
    { key: 'security_measure', width: 40, value: ({ item }, ctx) => measureLabel(ctx, item) },
    { key: 'security_measure_code', type: 'code', width: 28, value: ({ item }) => item },
  ],
  dropdowns: { security_measure: 'security-measures' },
});
