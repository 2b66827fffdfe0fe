import { ApiProperty } from '@nestjs/swagger';
import { REVIEW_KINDS, type ReviewKind } from '../../domain/review-queue/review-kinds';

export { REVIEW_KINDS, type ReviewKind } from '../../domain/review-queue/review-kinds';

export class ReviewQueueItemView {
  @ApiProperty({ enum: REVIEW_KINDS, description: 'activity: submitted, awaiting validation; design_grid: sent to the DPO; dpia: awaiting the DPO’s opinion; vendor: proposed, under review; prior_consultation: a DPIA whose Art 36 consultation awaits the authority’s answer (the DPIA’s id); dpia_screening: an activity whose screening meets one criterion and awaits the DPO’s decision' })
  kind!: ReviewKind;
  @ApiProperty({ description: 'id of the activity, grid, DPIA or vendor' }) recordId!: string;
  @ApiProperty({ type: String, nullable: true, description: 'T-0042 (a DPIA: its activity’s; a grid: the draft activity it produced, if any), or the vendor name' })
  reference!: string | null;
  @ApiProperty({ description: 'activity name, grid project name, DPIA’s activity name or vendor name' }) title!: string;
  @ApiProperty({ format: 'date-time', description: 'when the record entered the state that waits for the DPO' }) since!: string;
  @ApiProperty({ type: String, nullable: true, description: 'display name of the owner (activity owner; grid author; the DPIA’s activity owner; who proposed the vendor)' })
  owner!: string | null;
}

export class ReviewQueueView {
  @ApiProperty({ type: [ReviewQueueItemView], description: 'oldest first' }) items!: ReviewQueueItemView[];
}
