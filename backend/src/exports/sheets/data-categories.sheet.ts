import type { DataCategory } from '../../domain/activities/activity.types';
import { DOCUMENT, type DocumentRow } from '../activity-batches';
import { durationInWords } from '../../domain/words/durations';
import { yesNo } from '../xlsx-cells';
import { activitySheet, referenceColumn, withReference, WithReference } from './activity-sheet';
import { enumLabel } from './enum-labels';

type Row = DocumentRow;

/** Personal data categories (Art 30(1)(c)) with source, minimisation, Art 9 condition and retention (f). */
export const dataCategoriesSheet = activitySheet<Row, WithReference<DataCategory>>({
  key: 'data_categories',
  select: DOCUMENT,
  items: (row) => withReference(row.reference, row.document.dataCategories),
  columns: [
    referenceColumn(),
    { key: 'data_category', width: 28, value: ({ item }, ctx) => ctx.labels.label('data-categories', item.category, ctx.locale) },
    { key: 'description', type: 'longText', value: ({ item }) => item.description },
    { key: 'source', width: 16, value: ({ item }, ctx) => enumLabel(ctx, 'source', item.source) },
    { key: 'source_detail', type: 'longText', value: ({ item }) => item.sourceDetail },
    { key: 'mandatory', width: 10, value: ({ item }, ctx) => yesNo(ctx.locale, item.mandatory) },
    { key: 'minimisation', type: 'longText', value: ({ item }) => item.minimisationJustification },
    { key: 'art9_condition', width: 28, value: ({ item }, ctx) => ctx.labels.label('art9-conditions', item.art9Condition, ctx.locale) },
    { key: 'active_period', width: 16, value: ({ item }, ctx) => durationInWords(item.retention?.activePeriod, ctx.locale) },
    { key: 'archive_period', width: 16, value: ({ item }, ctx) => durationInWords(item.retention?.archivePeriod, ctx.locale) },
    { key: 'start_event', width: 24, value: ({ item }, ctx) => ctx.labels.label('retention-start-events', item.retention?.startEvent, ctx.locale) },
    { key: 'retention_reference', type: 'longText', value: ({ item }) => item.retention?.legalReference },
    { key: 'end_action', width: 14, value: ({ item }, ctx) => enumLabel(ctx, 'end_action', item.retention?.endAction) },
    { key: 'unlimited_justification', type: 'longText', value: ({ item }) => item.retention?.unlimitedJustification },
    { key: 'data_category_code', type: 'code', value: ({ item }) => item.category },
    { key: 'source_code', type: 'code', value: ({ item }) => item.source },
    { key: 'art9_condition_code', type: 'code', value: ({ item }) => item.art9Condition },
    { key: 'active_period_code', type: 'code', value: ({ item }) => item.retention?.activePeriod },
    { key: 'archive_period_code', type: 'code', value: ({ item }) => item.retention?.archivePeriod },
    { key: 'start_event_code', type: 'code', value: ({ item }) => item.retention?.startEvent },
    { key: 'end_action_code', type: 'code', value: ({ item }) => item.retention?.endAction },
  ],
  dropdowns: {
    data_category: 'data-categories',
    source: 'enum:source',
    mandatory: 'enum:yes_no',
    art9_condition: 'art9-conditions',
    start_event: 'retention-start-events',
    end_action: 'enum:end_action',
  },
});
