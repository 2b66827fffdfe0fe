import { HttpStatus } from '@nestjs/common';
import { AppException } from '../common/errors/app-exception';
import type { MessageParams } from '../common/i18n/i18n';

export const DPIA_ERROR_CODES = [
  'dpia_locked',
  'dpia_exists',
  'dpia_not_editable',
  'dpia_invalid_transition',
  'dpia_incomplete',
  'dpia_opinion_missing',
  'dpia_conditions_missing',
  'activity_has_dpia',
  'dpia_prior_consultation_missing',
  'dpia_prior_consultation_not_required',
  'dpia_no_prior_consultation',
  'dpia_consultation_answered',
  'dpia_answer_before_request',
] as const;
export type DpiaErrorCode = (typeof DPIA_ERROR_CODES)[number];

/** A DPIA error whose message lives in the `dpias` namespace (`dpias.error_<code>`). */
export class DpiaException extends AppException {
  constructor(status: HttpStatus, code: DpiaErrorCode, details: Record<string, unknown> = {}, params: MessageParams = {}) {
    super(status, code, details, params);
  }

  override get messageKey(): string {
    return `dpias.error_${this.code}`;
  }
}

/** Any write to a validated or refused revision: open a new revision instead. */
export const dpiaLocked = (status: string, revision: number) => new DpiaException(HttpStatus.CONFLICT, 'dpia_locked', { status, revision }, { status });
