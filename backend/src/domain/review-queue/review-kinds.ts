/** The kinds of records that wait for the DPO, without dependencies: the frontend imports them too. */
export const REVIEW_KINDS = ['activity', 'design_grid', 'dpia', 'vendor', 'prior_consultation', 'dpia_screening'] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];
