/**
 * How long the requester's identity stays on a closed rights request (issue #18 item 1), in months
 * after the request was closed; the register line itself (type, dates, status) stays. Shared by the
 * API's validation and the settings form. Why 36 by default: docs/rules.md ("Requesters' identity").
 */
export const REQUESTER_IDENTITY_RETENTION_MONTHS = { default: 36, min: 1, max: 120 } as const;
