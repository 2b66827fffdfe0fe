import type { Recipient } from '../../domain/activities/activity.types';
import type { ActivityRowBase } from '../activity-batches';
import { activitySheet, referenceColumn, withReference, WithReference } from './activity-sheet';

type Row = ActivityRowBase & { recipients: Recipient[] | null };

/** Recipients (Art 30(1)(d)), by category. */
export const recipientsSheet = activitySheet<Row, WithReference<Recipient>>({
  key: 'recipients',
  select: ["r.document -> 'recipients' AS recipients"],
  items: (row) => withReference(row.reference, row.recipients),
  columns: [
    referenceColumn(),
    { key: 'recipient_category', width: 28, value: ({ item }, ctx) => ctx.labels.label('recipient-categories', item.category, ctx.locale) },
    { key: 'recipient_name', width: 28, value: ({ item }) => item.name },
    { key: 'recipient_category_code', type: 'code', value: ({ item }) => item.category },
  ],
  dropdowns: { recipient_category: 'recipient-categories' },
});
