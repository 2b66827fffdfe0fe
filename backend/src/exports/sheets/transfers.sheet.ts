import type { Transfer } from '../../domain/activities/activity.types';
import { assessTransfer } from '../../domain/transfers/transfer-status';
import { DOCUMENT, type DocumentRow } from '../activity-batches';
import type { ExportContext } from '../sheet-writer';
import { activitySheet, referenceColumn, withReference, WithReference } from './activity-sheet';
import { enumLabel } from './enum-labels';
import { vendorOf, vendorsByName } from './vendor-facts';

type Row = DocumentRow;

/** The computed status (domain/transfers/transfer-status.ts), the recipient's DPF certification included. */
const statusOf = (transfer: Transfer, ctx: ExportContext) =>
  assessTransfer(
    {
      country: transfer.country,
      mechanism: transfer.mechanism,
      vendor: vendorOf(ctx, transfer.recipient),
      scopeConfirmation: transfer.recipient ? (ctx.scopeConfirmations.get(transfer.recipient.toLowerCase())?.find((item) => item.country === transfer.country) ?? null) : null,
    },
    ctx.transferFacts,
  ).status;

/** Transfers outside the EEA (Art 30(1)(e)) with the mechanism and the computed status. */
export const transfersSheet = activitySheet<Row, WithReference<Transfer>>({
  key: 'transfers',
  select: DOCUMENT,
  prepare: async (ctx) => void (await vendorsByName(ctx)),
  items: (row) => withReference(row.reference, row.document.transfers),
  columns: [
    referenceColumn(),
    { key: 'country', width: 22, value: ({ item }, ctx) => ctx.labels.label('countries', item.country, ctx.locale) },
    { key: 'transfer_recipient', width: 28, value: ({ item }) => item.recipient },
    { key: 'mechanism', width: 28, value: ({ item }, ctx) => ctx.labels.label('transfer-mechanisms', item.mechanism, ctx.locale) },
    { key: 'documentation', type: 'longText', value: ({ item }) => item.documentation },
    { key: 'transfer_status', width: 22, value: ({ item }, ctx) => enumLabel(ctx, 'transfer_status', statusOf(item, ctx)) },
    { key: 'country_code', type: 'code', value: ({ item }) => item.country },
    { key: 'mechanism_code', type: 'code', value: ({ item }) => item.mechanism },
    { key: 'transfer_status_code', type: 'code', value: ({ item }, ctx) => statusOf(item, ctx) },
  ],
  dropdowns: { country: 'countries', mechanism: 'transfer-mechanisms' },
});
