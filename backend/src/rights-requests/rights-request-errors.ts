import { HttpStatus } from '@nestjs/common';
import { AppException } from '../common/errors/app-exception';
import type { MessageParams } from '../common/i18n/i18n';

export const RIGHTS_REQUEST_ERROR_CODES = [
  'request_invalid_transition',
  'request_already_extended',
  'request_closed',
  'request_extension_too_late',
  'request_informed_before_receipt',
  'request_date_in_future',
  'request_unknown_activities',
  'request_identity_erased',
  'request_task_unknown_activity',
  'request_task_unknown_vendor',
  'request_task_unknown_member',
  'request_task_confirmed_before_asked',
] as const;
export type RightsRequestErrorCode = (typeof RIGHTS_REQUEST_ERROR_CODES)[number];

/** A rights-request error whose message lives in the `rights_requests` namespace (`rights_requests.error_<code>`). */
export class RightsRequestException extends AppException {
  constructor(status: HttpStatus, code: RightsRequestErrorCode, details: Record<string, unknown> = {}, params: MessageParams = {}) {
    super(status, code, details, params);
  }

  override get messageKey(): string {
    return `rights_requests.error_${this.code}`;
  }
}
