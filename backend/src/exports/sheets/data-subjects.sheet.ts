import type { DataSubject } from '../../domain/activities/activity.types';
import { DOCUMENT, type DocumentRow } from '../activity-batches';
import { yesNo } from '../xlsx-cells';
import { activitySheet, referenceColumn, withReference, WithReference } from './activity-sheet';

type Row = DocumentRow;

/** Categories of data subjects (Art 30(1)(c)), with volume and the vulnerable-persons flag. */
export const dataSubjectsSheet = activitySheet<Row, WithReference<DataSubject>>({
  key: 'data_subjects',
  select: DOCUMENT,
  items: (row) => withReference(row.reference, row.document.dataSubjects),
  columns: [
    referenceColumn(),
    { key: 'data_subject_category', width: 28, value: ({ item }, ctx) => ctx.labels.label('data-subject-categories', item.category, ctx.locale) },
    { key: 'estimated_count', type: 'number', value: ({ item }) => item.estimatedCount },
    { key: 'vulnerable', width: 12, value: ({ item }, ctx) => yesNo(ctx.locale, item.vulnerable) },
    { key: 'data_subject_category_code', type: 'code', value: ({ item }) => item.category },
  ],
  dropdowns: { data_subject_category: 'data-subject-categories', vulnerable: 'enum:yes_no' },
});
