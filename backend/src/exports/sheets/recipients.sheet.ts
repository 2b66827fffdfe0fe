import type { Recipient } from '../../domain/activities/activity.types';
import { DOCUMENT, type DocumentRow } from '../activity-batches';
import { activitySheet, referenceColumn, withReference, WithReference } from './activity-sheet';

type Row = DocumentRow;

/** Recipients (Art 30(1)(d)), by category. */
export const recipientsSheet = activitySheet<Row, WithReference<Recipient>>({
  key: 'recipients',
  select: DOCUMENT,
  items: (row) => withReference(row.reference, row.document.recipients),
  columns: [
    referenceColumn(),
    { key: 'recipient_category', width: 28, value: ({ item }, ctx) => ctx.labels.label('recipient-categories', item.category, ctx.locale) },
    { key: 'recipient_name', width: 28, value: ({ item }) => item.name },
    { key: 'recipient_category_code', type: 'code', value: ({ item }) => item.category },
  ],
  dropdowns: { recipient_category: 'recipient-categories' },
});
