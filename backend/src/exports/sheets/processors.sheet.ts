import { DOCUMENT, type DocumentRow } from '../activity-batches';
import { yesNo } from '../xlsx-cells';
import { activitySheet, referenceColumn, withReference, WithReference } from './activity-sheet';
import { enumLabel } from './enum-labels';
import { vendorOf, vendorsByName } from './vendor-facts';

type Row = DocumentRow;

/** Processors used by each activity (vendor names), with what the vendor record says. */
export const processorsSheet = activitySheet<Row, WithReference<string>>({
  key: 'processors',
  select: DOCUMENT,
  prepare: async (ctx) => void (await vendorsByName(ctx)),
  items: (row) => withReference(row.reference, row.document.processors),
  columns: [
    referenceColumn(),
    { key: 'vendor', width: 32, value: ({ item }) => item },
    { key: 'vendor_status', width: 16, value: ({ item }, ctx) => enumLabel(ctx, 'vendor_status', vendorOf(ctx, item)?.status) },
    { key: 'dpa_signed', width: 12, value: ({ item }, ctx) => yesNo(ctx.locale, vendorOf(ctx, item)?.dpaSigned) },
  ],
});
