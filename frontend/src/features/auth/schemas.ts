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
