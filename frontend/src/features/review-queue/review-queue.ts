import { orgPath } from '@/lib/paths';

import { REVIEW_KINDS, type ReviewKind, type ReviewQueueItem } from './types';

/** The page of a queued record: the same routes the notifications link to. */
export function reviewItemPath(organizationId: string, item: Pick<ReviewQueueItem, 'kind' | 'recordId'>): string {
  const id = encodeURIComponent(item.recordId);
  switch (item.kind) {
    case 'activity':
      return orgPath(organizationId, `register/${id}`);
    case 'dpia_screening':
      // Decided on the activity's DPIA tab.
      return orgPath(organizationId, `register/${id}?tab=dpia`);
    case 'design_grid':
      return orgPath(organizationId, `design-grid/${id}`);
    case 'dpia':
    case 'prior_consultation':
      // A prior consultation's record is its DPIA, where the authority's answer is recorded.
      return orgPath(organizationId, `dpias/${id}`);
    case 'vendor':
      return orgPath(organizationId, `vendors/${id}`);
  }
}

/** How many items wait, per kind (every kind present, zero included). */
export function countsByKind(items: readonly Pick<ReviewQueueItem, 'kind'>[]): Record<ReviewKind, number> {
  const counts = Object.fromEntries(REVIEW_KINDS.map((kind) => [kind, 0])) as Record<ReviewKind, number>;
  for (const item of items) counts[item.kind] += 1;
  return counts;
}
