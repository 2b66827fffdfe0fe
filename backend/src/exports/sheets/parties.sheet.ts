import type { Party } from '../../domain/activities/activity.types';
import { DOCUMENT, type DocumentRow } from '../activity-batches';
import { activitySheet } from './activity-sheet';
import { enumLabel } from './enum-labels';

type Row = DocumentRow;
interface PartyItem {
  reference: string;
  kind: 'joint' | 'client';
  party: Party;
}

/** Joint controllers (Art 26) and, when acting as a processor, the controllers served (Art 30(2)(a)). */
export const partiesSheet = activitySheet<Row, PartyItem>({
  key: 'parties',
  select: DOCUMENT,
  items: (row) => [
    ...(row.document.jointControllers ?? []).map((party) => ({ reference: row.reference, kind: 'joint' as const, party })),
    ...(row.document.clientControllers ?? []).map((party) => ({ reference: row.reference, kind: 'client' as const, party })),
  ],
  columns: [
    { key: 'reference', width: 12, value: (row) => row.reference },
    { key: 'party_kind', width: 24, value: (row, ctx) => enumLabel(ctx, 'party_kind', row.kind) },
    { key: 'party_name', width: 32, value: (row) => row.party.name },
    { key: 'party_contact', type: 'longText', value: (row) => row.party.contact },
    { key: 'party_kind_code', type: 'code', value: (row) => row.kind },
  ],
  dropdowns: { party_kind: 'enum:party_kind' },
});
