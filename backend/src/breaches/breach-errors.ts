import { HttpStatus } from '@nestjs/common';
import { AppException } from '../common/errors/app-exception';
import type { MessageParams } from '../common/i18n/i18n';

export const BREACH_ERROR_CODES = [
  'breach_notification_late_without_reasons',
  'breach_date_before_awareness',
  'breach_date_in_future',
  'breach_communication_and_exception',
  'breach_unknown_links',
] as const;
export type BreachErrorCode = (typeof BREACH_ERROR_CODES)[number];

/** A breach error whose message lives in the `breaches` namespace (`breaches.error_<code>`). */
export class BreachException extends AppException {
  constructor(status: HttpStatus, code: BreachErrorCode, details: Record<string, unknown> = {}, params: MessageParams = {}) {
    super(status, code, details, params);
  }

  override get messageKey(): string {
    return `breaches.error_${this.code}`;
  }
}
