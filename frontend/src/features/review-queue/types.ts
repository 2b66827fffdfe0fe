/** The DPO's review queue: names for the generated contract (lib/api/schema.d.ts). */
import type { ApiSchemas } from '@/lib/api-types';

export { REVIEW_KINDS, type ReviewKind } from '@domain/review-queue/review-kinds';

export type ReviewQueueItem = ApiSchemas['ReviewQueueItemView'];
