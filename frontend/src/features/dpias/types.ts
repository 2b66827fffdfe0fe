/**
 * DPIA types and rules, from the server's own modules (no hand-copied API types): the codes, the
 * section shapes, what GET /dpias and GET /dpias/:id answer, and the pure rules (risk levels, progress).
 */
export * from '@backend/dpias/dpia.types';
export { emptyContent, overallResidualRisk, residualLevel, riskAssessed, riskLevel } from '@backend/dpias/dpia-rules';
export { DPIA_CRITERIA_THRESHOLD, screenDpia, type ScreeningBasis, type ScreeningOutcome } from '@backend/activities/dpia-screening';
