/**
 * A grid conflict in words: the part of a register field the team's answers and the DPO's edit of
 * the draft disagree on, each side with the register's own labels, catalogue labels, durations and
 * country names (never the JSON the API carries). Pure: messages and catalogues are passed in.
 */
import { codeLabel } from '@/features/activities/catalogue';
import { describeFieldPath, formatFieldValue, type DiffContext } from '@/features/activities/history-diff';

import type { GridConflict } from './types';

export interface ConflictRow {
  path: string;
  /** "Finalité 2 › Base légale (article 6(1))". */
  label: string;
  yours: string;
  theirs: string;
}

const isScalar = (value: unknown) => value === null || typeof value !== 'object';

/** Each leaf of a field's value by its path (`purposes[0].legalBasis`); a list of plain values is one leaf. */
function leaves(value: unknown, path: string, into: Map<string, unknown>): Map<string, unknown> {
  if (Array.isArray(value) && !value.every(isScalar)) value.forEach((item, index) => leaves(item, `${path}[${String(index)}]`, into));
  else if (value !== null && typeof value === 'object' && !Array.isArray(value)) for (const [key, item] of Object.entries(value)) leaves(item, `${path}.${key}`, into);
  else into.set(path, value);
  return into;
}

function words(path: string, value: unknown, context: DiffContext): string {
  if (!Array.isArray(value)) return formatFieldValue(path, value, context);
  const items = value.map((item, index) => formatFieldValue(`${path}[${String(index)}]`, item, context)).filter((item) => item !== '—');
  return items.length ? items.join(', ') : '—';
}

/** Lists whose rows are named by their catalogue category better than by their position. */
const CATEGORY_LISTS = { dataCategories: 'data-categories', dataSubjects: 'data-subject-categories', recipients: 'recipient-categories' } as const;

/** "Données de localisation › Conservation en base active" rather than "Catégorie de données 2 › …". */
function label(path: string, conflict: Pick<GridConflict, 'gridValue' | 'activityValue'>, context: DiffContext): string {
  const words = describeFieldPath(path, context.messages);
  const match = /^(dataCategories|dataSubjects|recipients)\[(\d+)\]\.(?!category$)/.exec(path);
  if (!match?.[1] || !match[2]) return words;
  const row = (value: unknown) => (Array.isArray(value) ? (value[Number(match[2])] as { category?: unknown } | undefined) : undefined);
  const code = row(conflict.gridValue)?.category ?? row(conflict.activityValue)?.category;
  if (typeof code !== 'string') return words;
  const [, ...part] = words.split(' › ');
  return [codeLabel(context.catalogues[CATEGORY_LISTS[match[1] as keyof typeof CATEGORY_LISTS]], code, context.locale), ...part].join(' › ');
}

/** The rows of one conflict: every part where the two versions read differently, in the field's order. */
export function conflictRows(conflict: Pick<GridConflict, 'field' | 'gridValue' | 'activityValue'>, context: DiffContext): ConflictRow[] {
  const yours = leaves(conflict.gridValue, conflict.field, new Map());
  const theirs = leaves(conflict.activityValue, conflict.field, new Map());
  const rows: ConflictRow[] = [];
  for (const path of new Set([...yours.keys(), ...theirs.keys()])) {
    const row = { path, label: label(path, conflict, context), yours: words(path, yours.get(path), context), theirs: words(path, theirs.get(path), context) };
    if (row.yours !== row.theirs) rows.push(row);
  }
  if (rows.length) return rows;
  // Nothing reads differently (a difference only in what the page does not show): the whole field.
  return [{ path: conflict.field, label: describeFieldPath(conflict.field, context.messages), yours: words(conflict.field, conflict.gridValue, context), theirs: words(conflict.field, conflict.activityValue, context) }];
}
