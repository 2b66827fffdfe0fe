import { ZForgotPasswordSchema, ZResetPasswordSchema } from './schemas';

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
});
