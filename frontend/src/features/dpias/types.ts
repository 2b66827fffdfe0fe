/**
 * DPIA types and rules, from the server's own modules (no hand-copied API types): the codes, the
 * section shapes, what GET /dpias and GET /dpias/:id answer, and the pure rules (risk levels, progress).
 */
export * from '@domain/dpias/dpia.types';
export { emptyContent, overallResidualRisk, residualLevel, riskAssessed, riskLevel } from '@domain/dpias/dpia-rules';
export { DPIA_CRITERIA_THRESHOLD, screenDpia, type ScreeningBasis, type ScreeningOutcome } from '@domain/activities/dpia-screening';
