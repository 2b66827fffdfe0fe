import { HttpStatus } from '@nestjs/common';
import { AppException } from '../common/errors/app-exception';
import { FieldError, translateFieldErrors } from '../common/http/validation';
import { Locale, translate } from '../common/i18n/i18n';
import type { VendorConcern } from './vendor-review';

export function translateConcerns(locale: Locale, concerns: VendorConcern[]): (VendorConcern & { message: string })[] {
  return concerns.map((concern) => ({ ...concern, message: translate(locale, `vendor_concerns.${concern.code}`, concern.params) }));
}

/** 422 when approving a vendor that lacks what approval needs (a signed DPA, a transfer mechanism). */
export class VendorCannotApproveException extends AppException {
  constructor(readonly concerns: VendorConcern[]) {
    super(HttpStatus.UNPROCESSABLE_ENTITY, 'vendor_cannot_approve', {}, { count: concerns.length });
  }

  override localisedDetails(locale: Locale): Record<string, unknown> {
    return { concerns: translateConcerns(locale, this.concerns) };
  }
}

/** 422 on a vendor import with any invalid item: nothing is imported; `details.items[i]` is item i. */
export class VendorImportInvalidException extends AppException {
  constructor(readonly items: { name: string | null; fields: FieldError[] }[]) {
    const invalid = items.filter((item) => item.fields.length > 0).length;
    super(HttpStatus.UNPROCESSABLE_ENTITY, 'vendor_import_invalid', {}, { invalid, total: items.length });
  }

  override localisedDetails(locale: Locale): Record<string, unknown> {
    return { items: this.items.map((item, index) => ({ index, name: item.name, fields: translateFieldErrors(locale, item.fields) })) };
  }
}
