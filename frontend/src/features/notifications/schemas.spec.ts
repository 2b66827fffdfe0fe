import { ZNotificationPreferenceSchema } from './schemas';

describe('notification preference form', () => {
  it('accepts immediate and weekly, nothing else', () => {
    expect(ZNotificationPreferenceSchema.safeParse({ emailFrequency: 'weekly' }).success).toBe(true);
    expect(ZNotificationPreferenceSchema.safeParse({ emailFrequency: 'immediate' }).success).toBe(true);
    expect(ZNotificationPreferenceSchema.safeParse({ emailFrequency: 'daily' }).success).toBe(false);
  });

  it('takes the weekly digest on or off, as a yes or no', () => {
    expect(ZNotificationPreferenceSchema.safeParse({ emailFrequency: 'immediate', weeklyDigest: false }).success).toBe(true);
    expect(ZNotificationPreferenceSchema.safeParse({ emailFrequency: 'immediate', weeklyDigest: 'non' }).success).toBe(false);
  });

  it('takes in-app and e-mail per known kind', () => {
    const kinds = [{ kind: 'activity_changes_requested', inApp: true, email: false }];
    expect(ZNotificationPreferenceSchema.safeParse({ emailFrequency: 'weekly', kinds }).success).toBe(true);
    expect(ZNotificationPreferenceSchema.safeParse({ emailFrequency: 'weekly', kinds: [{ kind: 'activity_deleted', inApp: true, email: true }] }).success).toBe(false);
    expect(ZNotificationPreferenceSchema.safeParse({ emailFrequency: 'weekly', kinds: [{ kind: 'activity_validated', inApp: 'yes', email: true }] }).success).toBe(false);
  });
});
