/**
 * Organisation forms (limits as in the API's UpdateOrganizationDto): zod schemas (types inferred from them) and the explicit conversions between
 * the API's organisation (nullable strings) and the form's values (plain strings, '' for empty).
 */
import { z } from 'zod';

import { LARGE_SCALE_PERSONS_RANGE as LARGE_SCALE } from '@domain/activities/screening-criteria';
import { PHONE_PATTERN } from '@domain/contacts';
import { TEXT_LIMITS } from '@domain/field-limits';
import { ORGANIZATION_SECTORS } from '@domain/organizations/organization-profile';
import { REQUESTER_IDENTITY_RETENTION_MONTHS as RETENTION } from '@domain/rights-requests/identity-retention';

export { ORGANIZATION_SECTORS };
import type { Locale } from '@/i18n/config';
import type { Organization, OrganizationPatch } from '@/lib/api-types';
import { emptyToNull, nullToEmpty, optionalEmail, optionalText, requiredText } from '@/lib/validation';

export const ZCreateOrganizationSchema = z.object({
  name: requiredText(TEXT_LIMITS.name),
  // The creator says whether they are the DPO (admin and DPO at once, as in a one-person office): no default.
  creatorIsDpo: z.enum(['yes', 'no'], { error: 'newOrganization.creatorIsDpoRequired' }),
});
export type CreateOrganizationForm = z.infer<typeof ZCreateOrganizationSchema>;

/**
 * A whole number of persons as typed: digits, spaces between them (the no-break ones of French
 * typography too), or groups of three separated by commas or dots ("50,000"); never a decimal
 * ("12,5" is no number of persons). Null when it is not one.
 */
export function largeScalePersons(value: string): number | null {
  const digits = value.replace(/[\s\u00a0\u202f]/g, '');
  if (!/^(\d{1,9}|\d{1,3}(,\d{3}){1,2}|\d{1,3}(\.\d{3}){1,2})$/.test(digits)) return null;
  return Number(digits.replace(/[,.]/g, ''));
}

/** As the API checks it: digits, spaces, dots, dashes, brackets, an optional leading +; 6 to 20 digits (or empty). */
/** Empty, or a telephone number as the API checks it. */
const PHONE = new RegExp(`^$|${PHONE_PATTERN.source}`);

export const ZOrganizationSettingsSchema = z.object({
  name: requiredText(TEXT_LIMITS.name),
  legalName: optionalText(TEXT_LIMITS.short),
  registrationNumber: optionalText(50),
  address: optionalText(TEXT_LIMITS.paragraph),
  country: z
    .string()
    .trim()
    .regex(/^([A-Z]{2})?$/, { error: 'validation.country' }),
  legalRepresentative: optionalText(TEXT_LIMITS.short),
  dpoName: optionalText(TEXT_LIMITS.short),
  dpoEmail: optionalEmail(),
  dpoPhone: optionalText(50).regex(PHONE, { error: 'validation.phone' }),
  dpoDesignationNumber: optionalText(50),
  euRepresentativeName: optionalText(TEXT_LIMITS.short),
  euRepresentativeAddress: optionalText(TEXT_LIMITS.paragraph),
  euRepresentativeEmail: optionalEmail(),
  // The profile the rules read: a public authority or body, or a private body; and the sector.
  bodyType: z.enum(['private', 'public']),
  sector: z.enum(['', ...ORGANIZATION_SECTORS]),
  // Persons concerned from which an activity is large scale, as the API bounds it, written the way
  // people write big numbers (« 50 000 », "50,000").
  largeScalePersons: z
    .string()
    .refine((value) => {
      const persons = largeScalePersons(value);
      return persons !== null && persons >= LARGE_SCALE.min && persons <= LARGE_SCALE.max;
    }, { error: 'organizationSettings.largeScalePersonsRange' }),
  // Months a closed rights request keeps the requester's identity, as the API bounds it.
  requesterIdentityRetentionMonths: z
    .string()
    .trim()
    .regex(/^\d{1,3}$/, { error: 'organizationSettings.retentionMonthsRange' })
    .refine((value) => Number(value) >= RETENTION.min && Number(value) <= RETENTION.max, { error: 'organizationSettings.retentionMonthsRange' }),
});
export type OrganizationSettingsForm = z.infer<typeof ZOrganizationSettingsSchema>;

/** The form's fields, in the order they are shown; also the paths server field errors may name. */
export const ORGANIZATION_SETTINGS_FIELDS = Object.keys(
  ZOrganizationSettingsSchema.shape,
) as (keyof OrganizationSettingsForm)[];

/** The organisation in the form; the threshold written `locale`'s way when given (« 10 000 », "10,000"). */
export function organizationToForm(organization: Organization, locale?: Locale): OrganizationSettingsForm {
  return {
    name: organization.name,
    legalName: nullToEmpty(organization.legalName),
    registrationNumber: nullToEmpty(organization.registrationNumber),
    address: nullToEmpty(organization.address),
    country: nullToEmpty(organization.country).toUpperCase(),
    legalRepresentative: nullToEmpty(organization.legalRepresentative),
    dpoName: nullToEmpty(organization.dpoName),
    dpoEmail: nullToEmpty(organization.dpoEmail),
    dpoPhone: nullToEmpty(organization.dpoPhone),
    dpoDesignationNumber: nullToEmpty(organization.dpoDesignationNumber),
    euRepresentativeName: nullToEmpty(organization.euRepresentativeName),
    euRepresentativeAddress: nullToEmpty(organization.euRepresentativeAddress),
    euRepresentativeEmail: nullToEmpty(organization.euRepresentativeEmail),
    bodyType: organization.publicBody ? 'public' : 'private',
    sector: organization.sector ?? '',
    largeScalePersons: locale ? new Intl.NumberFormat(locale).format(organization.largeScalePersons) : String(organization.largeScalePersons),
    requesterIdentityRetentionMonths: String(organization.requesterIdentityRetentionMonths),
  };
}

/** The PATCH body: every editable field (empty ones as null) and the version the edit started from. */
export function formToOrganizationPatch(form: OrganizationSettingsForm, version: number): OrganizationPatch {
  return {
    name: form.name.trim(),
    legalName: emptyToNull(form.legalName),
    registrationNumber: emptyToNull(form.registrationNumber),
    address: emptyToNull(form.address),
    country: emptyToNull(form.country),
    legalRepresentative: emptyToNull(form.legalRepresentative),
    ...dpoContactPatch(form),
    euRepresentativeName: emptyToNull(form.euRepresentativeName),
    euRepresentativeAddress: emptyToNull(form.euRepresentativeAddress),
    euRepresentativeEmail: emptyToNull(form.euRepresentativeEmail),
    ...profilePatch(form),
    version,
  };
}

const profilePatch = (form: OrganizationSettingsForm) => ({
  publicBody: form.bodyType === 'public',
  sector: form.sector === '' ? null : form.sector,
  requesterIdentityRetentionMonths: Number(form.requesterIdentityRetentionMonths),
  // The schema let only a number through.
  largeScalePersons: largeScalePersons(form.largeScalePersons) ?? Number.NaN,
});

const dpoContactPatch = (form: OrganizationSettingsForm) => ({
  dpoName: emptyToNull(form.dpoName),
  dpoEmail: emptyToNull(form.dpoEmail),
  dpoPhone: emptyToNull(form.dpoPhone),
  dpoDesignationNumber: emptyToNull(form.dpoDesignationNumber),
});

/** The DPO's PATCH: the profile (with the requesters' identity retention) and the DPO contact block, which is all the DPO may change. */
export function formToProfilePatch(form: OrganizationSettingsForm, version: number): OrganizationPatch {
  return { ...profilePatch(form), ...dpoContactPatch(form), version };
}
