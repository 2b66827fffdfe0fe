import { ZNotificationPreferenceSchema } from './schemas';

describe('notification preference form', () => {
  it('accepts immediate and weekly, nothing else', () => {
    expect(ZNotificationPreferenceSchema.safeParse({ emailFrequency: 'weekly' }).success).toBe(true);
    expect(ZNotificationPreferenceSchema.safeParse({ emailFrequency: 'immediate' }).success).toBe(true);
    expect(ZNotificationPreferenceSchema.safeParse({ emailFrequency: 'daily' }).success).toBe(false);
  });
});
