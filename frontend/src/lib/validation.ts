/**
 * Building blocks for the zod form schemas. Error messages are catalogue keys (`validation.*`),
 * translated where the error is shown, so one schema serves both languages.
 */
import { z } from 'zod';

export function requiredText(max: number) {
  return z.string().trim().min(1, { error: 'validation.required' }).max(max, { error: 'validation.tooLong' });
}

export function optionalText(max: number) {
  return z.string().trim().max(max, { error: 'validation.tooLong' });
}

export function requiredEmail() {
  return z
    .string()
    .trim()
    .min(1, { error: 'validation.required' })
    .pipe(z.email({ error: 'validation.email' }).max(254, { error: 'validation.tooLong' }));
}

export function optionalEmail() {
  return z
    .string()
    .trim()
    .pipe(z.union([z.literal(''), z.email({ error: 'validation.email' }).max(254, { error: 'validation.tooLong' })]));
}

/** Form text → API value: an empty (or blank) field is sent as null. */
export function emptyToNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** API value → form text: null shows as an empty field. */
export function nullToEmpty(value: string | null | undefined): string {
  return value ?? '';
}
