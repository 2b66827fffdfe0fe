import type { ActivityContent } from '../../domain/activities/activity.types';
import type { ActivityRowBase } from '../activity-batches';
import { activitySheet } from './activity-sheet';
import { measureLabel } from './register.sheet';

type Row = ActivityRowBase & { description: string | null; document: ActivityContent };

const lines = (list: (string | null | undefined)[]) => list.filter((line): line is string => !!line).join('\n') || null;

/**
 * The Article 30(2) register: what the organisation does as a processor, for each controller served —
 * the controllers (a), the categories of processing (b), transfers (c) and security measures (d).
 */
export const processorRegisterSheet = activitySheet<Row, Row>({
  key: 'processor_register',
  select: ['r.description', 'r.document'],
  items: (row) => (row.role === 'processor' ? [row] : []),
  columns: [
    { key: 'reference', width: 12, value: (row) => row.reference },
    { key: 'name', width: 32, value: (row) => row.name },
    { key: 'client_controllers', type: 'longText', value: (row) => lines(row.document.clientControllers.map((party) => [party.name, party.contact].filter(Boolean).join(' — '))) },
    { key: 'processing_categories', type: 'longText', value: (row) => lines([row.description, ...row.document.purposes.map((purpose) => purpose.description)]) },
    { key: 'sub_processors', type: 'longText', value: (row) => lines(row.document.processors) },
    { key: 'transfers', type: 'longText', value: (row, ctx) => lines(row.document.transfers.map((t) => [ctx.labels.label('countries', t.country, ctx.locale), t.recipient, ctx.labels.label('transfer-mechanisms', t.mechanism, ctx.locale)].filter(Boolean).join(' — '))) },
    { key: 'security_measures', type: 'longText', value: (row, ctx) => lines(row.document.securityMeasures.map((m) => measureLabel(ctx, m))) },
  ],
});
