import { ZChangePasswordSchema, ZForgotPasswordSchema, ZResetPasswordSchema } from './schemas';

describe('password forms', () => {
  it('asks for a valid address to send a reset link', () => {
    expect(ZForgotPasswordSchema.safeParse({ email: 'dpo@example.com' }).success).toBe(true);
    const refused = ZForgotPasswordSchema.safeParse({ email: 'not an address' });
    expect(refused.success).toBe(false);
  });

  it('refuses a new password under 12 characters with the shared message key', () => {
    const short = ZResetPasswordSchema.safeParse({ password: 'short-pass' });
    expect(short.success).toBe(false);
    expect(short.error?.issues[0]?.message).toBe('validation.passwordTooShort');
    expect(ZResetPasswordSchema.safeParse({ password: 'lanterne violette sous la pluie' }).success).toBe(true);
  });

  describe('the password change form', () => {
    const valid = { currentPassword: 'old one', newPassword: 'lanterne violette sous la pluie', confirmation: 'lanterne violette sous la pluie' };
    const messagesOf = (values: object) => {
      const result = ZChangePasswordSchema.safeParse(values);
      return result.success ? [] : result.error.issues.map((issue) => [issue.path.join('.'), issue.message]);
    };

    it('accepts the current password and a long new one typed twice alike', () => {
      expect(ZChangePasswordSchema.safeParse(valid).success).toBe(true);
    });

    it('names the field and the message key of each refusal', () => {
      expect(messagesOf({ ...valid, currentPassword: '' })).toEqual([['currentPassword', 'validation.required']]);
      expect(messagesOf({ ...valid, newPassword: 'short-pass', confirmation: 'short-pass' })).toEqual([['newPassword', 'validation.passwordTooShort']]);
      expect(messagesOf({ ...valid, confirmation: 'lanterne violette sous la neige' })).toEqual([['confirmation', 'validation.passwordMismatch']]);
      expect(messagesOf({ ...valid, confirmation: '' })).toEqual([['confirmation', 'validation.required']]);
    });
  });
});
