import { z } from 'zod';

import { TEXT_LIMITS } from '@domain/field-limits';

import { requiredEmail, requiredText } from '@/lib/validation';

export const PASSWORD_MIN_LENGTH = 12;

export const ZLoginSchema = z.object({
  email: requiredEmail(),
  password: z.string().min(1, { error: 'validation.required' }).max(256, { error: 'validation.tooLong' }),
});
export type LoginForm = z.infer<typeof ZLoginSchema>;

export const ZSignupSchema = z.object({
  name: requiredText(TEXT_LIMITS.name),
  email: requiredEmail(),
  password: z
    .string()
    .min(1, { error: 'validation.required' })
    .min(PASSWORD_MIN_LENGTH, { error: 'validation.passwordTooShort' })
    .max(256, { error: 'validation.tooLong' }),
});
export type SignupForm = z.infer<typeof ZSignupSchema>;

const newPassword = () =>
  z
    .string()
    .min(1, { error: 'validation.required' })
    .min(PASSWORD_MIN_LENGTH, { error: 'validation.passwordTooShort' })
    .max(256, { error: 'validation.tooLong' });

export const ZForgotPasswordSchema = z.object({ email: requiredEmail() });
export type ForgotPasswordForm = z.infer<typeof ZForgotPasswordSchema>;

export const ZResetPasswordSchema = z.object({ password: newPassword() });
export type ResetPasswordForm = z.infer<typeof ZResetPasswordSchema>;

/** The signed-in user's password change: the current one, the new one twice (typed alike). */
export const ZChangePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, { error: 'validation.required' }).max(256, { error: 'validation.tooLong' }),
    newPassword: newPassword(),
    confirmation: z.string().min(1, { error: 'validation.required' }),
  })
  // An empty confirmation already says 'required'; the mismatch is told only about a typed one.
  .refine((form) => form.confirmation === '' || form.confirmation === form.newPassword, { path: ['confirmation'], error: 'validation.passwordMismatch' });
export type ChangePasswordForm = z.infer<typeof ZChangePasswordSchema>;

/** A code of the authenticator app (6 digits) or a recovery code (XXXXX-XXXXX); the server judges which. */
export const ZMfaCodeSchema = z.object({
  code: z.string().trim().min(1, { error: 'validation.required' }).max(32, { error: 'validation.tooLong' }),
});
export type MfaCodeForm = z.infer<typeof ZMfaCodeSchema>;

export const ZDisableMfaSchema = z.object({
  password: z.string().min(1, { error: 'validation.required' }).max(256, { error: 'validation.tooLong' }),
});
export type DisableMfaForm = z.infer<typeof ZDisableMfaSchema>;

export const SSO_ROLES = ['dpo', 'contributor', 'auditor'] as const;
const DOMAIN = /^([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** The domains typed one per line or separated by commas or spaces. */
export const splitDomains = (text: string): string[] =>
  [...new Set(text.split(/[\s,;]+/).map((domain) => domain.trim().toLowerCase().replace(/^@/, '')).filter(Boolean))];

/** The organisation's single sign-on; the secret may stay empty once one is stored. */
export const ZSsoSettingsSchema = z.object({
  issuer: z
    .string()
    .trim()
    .min(1, { error: 'validation.required' })
    .max(500, { error: 'validation.tooLong' })
    .refine((value) => /^https?:\/\/\S+$/.test(value), { error: 'validation.url' }),
  clientId: requiredText(500),
  clientSecret: z.string().max(2000, { error: 'validation.tooLong' }),
  emailDomains: z
    .string()
    .refine((text) => splitDomains(text).length > 0, { error: 'validation.required' })
    .refine((text) => splitDomains(text).every((domain) => DOMAIN.test(domain)), { error: 'validation.domain' }),
  defaultRole: z.enum(SSO_ROLES),
  requireSso: z.boolean(),
});
export type SsoSettingsForm = z.infer<typeof ZSsoSettingsSchema>;
