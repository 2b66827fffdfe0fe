/**
 * The vendor page's forms: the review questionnaire and the DPA record. Zod schemas over the strings
 * the form controls hold, and the explicit form → API conversions (and API → form for the defaults).
 */
import { z } from 'zod';

import { CONTACT_LIMITS, PHONE_PATTERN } from '@domain/contacts';
import { TEXT_LIMITS } from '@domain/field-limits';

import { isIsoDate } from '@/features/activities/register-query';

import {
  END_OF_CONTRACT,
  REVIEW_RESULTS,
  SUB_PROCESSOR_CHANGE_NOTICES,
  VENDOR_CONTACTS_MAX,
  VENDOR_ROLES,
  type Dpa,
  type DpaPatch,
  type ReviewAnswers,
  type ReviewBody,
  type Vendor,
  type VendorContact,
  type VendorInput,
} from './types';

/** A yes / no / not answered question. */
export const TRI_STATES = ['', 'yes', 'no'] as const;
export type Tri = (typeof TRI_STATES)[number];

const tri = () => z.enum(TRI_STATES);
const optionalDate = () =>
  z
    .string()
    .trim()
    .refine((value) => value === '' || isIsoDate(value), { error: 'validation.date' });
const text = (max: number) => z.string().trim().max(max, { error: 'validation.tooLong' });
/** Comma- or space-separated ISO country codes. */
const countryList = () =>
  z
    .string()
    .trim()
    .refine((value) => splitList(value).every((code) => /^[A-Za-z]{2}$/.test(code)), { error: 'validation.country' });

export const ZReviewFormSchema = z.object({
  certifications: text(TEXT_LIMITS.long),
  certificationsVerified: tri(),
  dataLocations: countryList(),
  subProcessorsListed: tri(),
  subProcessorChangeNotice: z.enum(['', ...SUB_PROCESSOR_CHANGE_NOTICES]),
  breachNotificationCommitment: tri(),
  breachNotificationDelayHours: z.string().trim().regex(/^\d{0,6}$/, { error: 'validation.wholeNumber' }),
  endOfContract: z.enum(['', ...END_OF_CONTRACT]),
  auditRights: tri(),
  securityMeasures: text(TEXT_LIMITS.veryLong),
  result: z.enum(REVIEW_RESULTS),
  nextReviewDate: optionalDate(),
  comment: text(TEXT_LIMITS.long),
});
export type ReviewForm = z.infer<typeof ZReviewFormSchema>;

export const ZDpaFormSchema = z
  .object({
    signed: z.boolean(),
    signedOn: optionalDate(),
    documentId: z.string(),
    comment: text(TEXT_LIMITS.long),
  })
  .refine((value) => !value.signed || value.signedOn !== '', { path: ['signedOn'], error: 'validation.required' });
export type DpaForm = z.infer<typeof ZDpaFormSchema>;

/** '' or an ISO 3166-1 alpha-2 code. */
const optionalCountry = () =>
  z
    .string()
    .trim()
    .refine((value) => value === '' || /^[A-Za-z]{2}$/.test(value), { error: 'validation.country' });

export const ZNewVendorFormSchema = z.object({
  name: z.string().trim().min(1, { error: 'validation.required' }).max(TEXT_LIMITS.short, { error: 'validation.tooLong' }),
  legalEntity: text(TEXT_LIMITS.short),
  service: text(TEXT_LIMITS.long),
  role: z.enum(VENDOR_ROLES),
  headquartersCountry: optionalCountry(),
  parentCompany: text(TEXT_LIMITS.short),
  parentCountry: optionalCountry(),
  dataLocations: countryList().refine((value) => splitList(value).length <= 60, { error: 'validation.tooMany' }),
  certifications: text(TEXT_LIMITS.veryLong).refine((value) => splitNames(value).length <= 50, { error: 'validation.tooMany' }),
  transferMechanism: text(100),
  status: z.enum(REVIEW_RESULTS),
  nextReviewDate: optionalDate(),
  notes: text(TEXT_LIMITS.document),
});
export type NewVendorForm = z.infer<typeof ZNewVendorFormSchema>;

/** The form's fields, for mapping the server's field errors. */
export const NEW_VENDOR_FIELDS = Object.keys(ZNewVendorFormSchema.shape) as readonly (keyof NewVendorForm)[];

export const NEW_VENDOR_DEFAULTS: NewVendorForm = {
  name: '',
  legalEntity: '',
  service: '',
  role: 'processor',
  headquartersCountry: '',
  parentCompany: '',
  parentCountry: '',
  dataLocations: '',
  certifications: '',
  transferMechanism: '',
  status: 'under_review',
  nextReviewDate: '',
  notes: '',
};

const orNull = (value: string): string | null => value.trim() || null;
const countryOrNull = (value: string): string | null => value.trim().toUpperCase() || null;

/** The form → POST /vendors body. */
export function newVendorFormToBody(form: NewVendorForm): VendorInput {
  return {
    name: form.name.trim(),
    legalEntity: orNull(form.legalEntity),
    service: orNull(form.service),
    role: form.role,
    headquartersCountry: countryOrNull(form.headquartersCountry),
    parentCompany: orNull(form.parentCompany),
    parentCountry: countryOrNull(form.parentCountry),
    dataLocations: [...new Set(splitList(form.dataLocations).map((code) => code.toUpperCase()))],
    certifications: splitNames(form.certifications),
    transferMechanism: orNull(form.transferMechanism),
    status: form.status,
    nextReviewDate: orNull(form.nextReviewDate),
    notes: orNull(form.notes),
  };
}

export const ZTerminateFormSchema = z.object({ comment: text(TEXT_LIMITS.long) });
export type TerminateForm = z.infer<typeof ZTerminateFormSchema>;

/** "ISO27001, SOC2" → ['ISO27001', 'SOC2']; empty parts dropped. */
export function splitList(value: string): string[] {
  return value
    .split(/[,;\n]/)
    .flatMap((part) => part.trim().split(/\s+/))
    .map((part) => part.trim())
    .filter(Boolean);
}

function splitNames(value: string): string[] {
  return value
    .split(/[,;\n]/)
    .map((part) => part.trim())
    .filter(Boolean);
}

function triToBoolean(value: Tri): boolean | null {
  return value === '' ? null : value === 'yes';
}

function booleanToTri(value: boolean | null | undefined): Tri {
  return value === true ? 'yes' : value === false ? 'no' : '';
}

/** The questionnaire pre-filled from what the vendor record says (or the last review's answers). */
export function reviewFormDefaults(vendor: Pick<Vendor, 'certifications' | 'dataLocations' | 'lastReview' | 'nextReviewDate' | 'status'>): ReviewForm {
  const last: Partial<ReviewAnswers> = vendor.lastReview?.answers ?? {};
  return {
    certifications: (last.certifications ?? vendor.certifications).join(', '),
    certificationsVerified: booleanToTri(last.certificationsVerified),
    dataLocations: (last.dataLocations ?? vendor.dataLocations).join(', '),
    subProcessorsListed: booleanToTri(last.subProcessorsListed),
    subProcessorChangeNotice: last.subProcessorChangeNotice ?? '',
    breachNotificationCommitment: booleanToTri(last.breachNotificationCommitment),
    breachNotificationDelayHours: last.breachNotificationDelayHours == null ? '' : String(last.breachNotificationDelayHours),
    endOfContract: last.endOfContract ?? '',
    auditRights: booleanToTri(last.auditRights),
    securityMeasures: last.securityMeasures ?? '',
    result: vendor.status === 'terminated' ? 'under_review' : vendor.status,
    nextReviewDate: vendor.nextReviewDate ?? '',
    comment: '',
  };
}

/** The form → POST /:id/review body. */
export function reviewFormToBody(form: ReviewForm, version: number): ReviewBody {
  const delay = form.breachNotificationDelayHours.trim();
  return {
    version,
    answers: {
      certifications: splitNames(form.certifications),
      certificationsVerified: triToBoolean(form.certificationsVerified),
      dataLocations: splitList(form.dataLocations).map((code) => code.toUpperCase()),
      subProcessorsListed: triToBoolean(form.subProcessorsListed),
      subProcessorChangeNotice: form.subProcessorChangeNotice === '' ? null : form.subProcessorChangeNotice,
      breachNotificationCommitment: triToBoolean(form.breachNotificationCommitment),
      breachNotificationDelayHours: delay === '' ? null : Number(delay),
      endOfContract: form.endOfContract === '' ? null : form.endOfContract,
      auditRights: triToBoolean(form.auditRights),
      securityMeasures: form.securityMeasures.trim() || null,
    },
    result: form.result,
    ...(form.nextReviewDate.trim() ? { nextReviewDate: form.nextReviewDate.trim() } : {}),
    comment: form.comment.trim() || null,
  };
}

export function dpaFormDefaults(dpa: Dpa): DpaForm {
  return { signed: dpa.signed, signedOn: dpa.signedOn ?? '', documentId: dpa.documentId ?? '', comment: '' };
}

/** The form → PATCH body (only the DPA, with the version read). */
export function dpaFormToPatch(form: DpaForm, version: number): DpaPatch {
  return {
    version,
    dpa: {
      signed: form.signed,
      signedOn: form.signed && form.signedOn ? form.signedOn : null,
      documentId: form.documentId || null,
    },
    comment: form.comment.trim() || null,
  };
}

// ——— the vendor's record (identity, where it is, where the data go, under which tool) ———

const ISO_COUNTRY = /^[A-Z]{2}$/;

/** One contact row of the record form: role and name required, e-mail and telephone checked as the API does. */
const ZContactRowSchema = z.object({
  role: z.string().trim().min(1, { error: 'validation.required' }).max(TEXT_LIMITS.short, { error: 'validation.tooLong' }),
  name: z.string().trim().min(1, { error: 'validation.required' }).max(TEXT_LIMITS.short, { error: 'validation.tooLong' }),
  email: z
    .string()
    .trim()
    .max(CONTACT_LIMITS.email, { error: 'validation.tooLong' })
    .refine((value) => value === '' || z.email().safeParse(value).success, { error: 'validation.email' }),
  phone: z
    .string()
    .trim()
    .max(CONTACT_LIMITS.phone, { error: 'validation.tooLong' })
    .refine((value) => value === '' || PHONE_PATTERN.test(value), { error: 'validation.phone' }),
});
export type ContactRow = z.infer<typeof ZContactRowSchema>;

export const EMPTY_CONTACT: ContactRow = { role: '', name: '', email: '', phone: '' };

/** A contact as the API takes it, keys in one order (the stored JSON may order them otherwise). */
function contactOf(contact: { role: string; name: string; email?: string | null; phone?: string | null }): VendorContact {
  return { role: contact.role.trim(), name: contact.name.trim(), email: orNull(contact.email ?? ''), phone: orNull(contact.phone ?? '') };
}

export const ZVendorEditFormSchema = z.object({
  name: z.string().trim().min(1, { error: 'validation.required' }).max(TEXT_LIMITS.short, { error: 'validation.tooLong' }),
  legalEntity: text(TEXT_LIMITS.short),
  service: text(TEXT_LIMITS.long),
  role: z.enum(VENDOR_ROLES),
  headquartersCountry: optionalCountry(),
  parentCompany: text(TEXT_LIMITS.short),
  parentCountry: optionalCountry(),
  /** Picked by name from the countries list, one per row; a row left on "choose" is an error, not dropped silently. */
  dataLocations: z
    .array(z.object({ country: z.string().regex(ISO_COUNTRY, { error: 'validation.required' }) }))
    .max(60, { error: 'validation.tooMany' }),
  certifications: text(TEXT_LIMITS.veryLong).refine((value) => splitNames(value).length <= 50, { error: 'validation.tooMany' }),
  transferMechanism: text(100),
  /** The transfer impact assessment: when it was made and what it concluded. */
  tiaDate: optionalDate(),
  tiaConclusion: text(TEXT_LIMITS.veryLong),
  nextReviewDate: optionalDate(),
  notes: text(TEXT_LIMITS.document),
  /** Its DPO, account or security contacts, one row each. */
  contacts: z.array(ZContactRowSchema).max(VENDOR_CONTACTS_MAX, { error: 'validation.tooMany' }),
  comment: text(TEXT_LIMITS.long),
});
export type VendorEditForm = z.infer<typeof ZVendorEditFormSchema>;

/** The form's fields, for mapping the server's field errors (`dataLocations[1]` maps to its row). */
export const VENDOR_EDIT_FIELDS = Object.keys(ZVendorEditFormSchema.shape) as readonly (keyof VendorEditForm)[];

type EditableVendor = Pick<
  Vendor,
  | 'name'
  | 'legalEntity'
  | 'service'
  | 'role'
  | 'headquartersCountry'
  | 'parentCompany'
  | 'parentCountry'
  | 'dataLocations'
  | 'certifications'
  | 'transferMechanism'
  | 'tia'
  | 'nextReviewDate'
  | 'notes'
  | 'contacts'
>;

export function vendorEditDefaults(vendor: EditableVendor): VendorEditForm {
  return {
    name: vendor.name,
    legalEntity: vendor.legalEntity ?? '',
    service: vendor.service ?? '',
    role: vendor.role,
    headquartersCountry: vendor.headquartersCountry ?? '',
    parentCompany: vendor.parentCompany ?? '',
    parentCountry: vendor.parentCountry ?? '',
    dataLocations: vendor.dataLocations.map((country) => ({ country })),
    certifications: vendor.certifications.join(', '),
    transferMechanism: vendor.transferMechanism ?? '',
    tiaDate: vendor.tia.date ?? '',
    tiaConclusion: vendor.tia.conclusion ?? '',
    nextReviewDate: vendor.nextReviewDate ?? '',
    notes: vendor.notes ?? '',
    contacts: vendor.contacts.map((contact) => ({ role: contact.role, name: contact.name, email: contact.email ?? '', phone: contact.phone ?? '' })),
    comment: '',
  };
}

/**
 * The form → PATCH body: only the fields that differ from the vendor as read (so a field changed by
 * someone else meanwhile is not rewritten), with the version read; null when nothing changed.
 */
export function vendorEditToPatch(form: VendorEditForm, vendor: EditableVendor & { version: number }): DpaPatch | null {
  const after: Partial<VendorInput> = {
    name: form.name.trim(),
    legalEntity: orNull(form.legalEntity),
    service: orNull(form.service),
    role: form.role,
    headquartersCountry: countryOrNull(form.headquartersCountry),
    parentCompany: orNull(form.parentCompany),
    parentCountry: countryOrNull(form.parentCountry),
    dataLocations: [...new Set(form.dataLocations.map((location) => location.country.toUpperCase()))],
    certifications: splitNames(form.certifications),
    transferMechanism: orNull(form.transferMechanism),
    // The TIA's document stays as it is (attached from the documents panel).
    tia: { date: orNull(form.tiaDate), conclusion: orNull(form.tiaConclusion), documentId: vendor.tia.documentId ?? null },
    nextReviewDate: orNull(form.nextReviewDate),
    notes: orNull(form.notes),
    contacts: form.contacts.map(contactOf),
  };
  const before: EditableVendor = { ...vendor, contacts: vendor.contacts.map(contactOf) };
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after)) {
    if (JSON.stringify(value) !== JSON.stringify(before[key as keyof EditableVendor])) patch[key] = value;
  }
  if (Object.keys(patch).length === 0) return null;
  return { ...patch, version: vendor.version, comment: form.comment.trim() || null };
}
