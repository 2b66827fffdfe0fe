import { HttpStatus } from '@nestjs/common';
import { AppException } from '../common/errors/app-exception';
import { FieldError, translateFieldErrors } from '../common/http/validation';
import { Locale, translate } from '../common/i18n/i18n';
import { countryList } from '../domain/words/country-names';
import type { VendorConcern } from './vendor-review';

/** The concerns in words: their `countries` parameter (ISO codes) becomes country names with their articles. */
export function translateConcerns(locale: Locale, concerns: VendorConcern[]): (VendorConcern & { message: string })[] {
  return concerns.map((concern) => {
    const params = { ...concern.params };
    if (params.countries) params.countries = countryList(params.countries.split(/,\s*/), locale, concern.code === 'transfer_needs_mechanism' ? 'to' : 'name');
    return { ...concern, message: translate(locale, `vendor_concerns.${concern.code}`, params) };
  });
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
