import { requestTasksDefaults, requestTasksToBody, ZRequestTasksSchema } from './task-forms';

const tasks = {
  activities: [{ activityId: 'a1', extractedBy: 'u1', erasedBy: null, note: null }],
  processors: [{ vendorId: 'v1', vendorName: 'Hébergeur Émeraude', askedOn: '2026-11-04', confirmedOn: null, note: 'Relancé par téléphone' }],
};

describe('the request tasks form', () => {
  it('round-trips what the API holds; nobody and no date are sent as null', () => {
    const form = requestTasksDefaults(tasks);
    expect(form.activities[0]).toEqual({ activityId: 'a1', extractedBy: 'u1', erasedBy: '', note: '' });
    expect(requestTasksToBody(form, 4)).toEqual({
      version: 4,
      activities: [{ activityId: 'a1', extractedBy: 'u1', erasedBy: null, note: null }],
      processors: [{ vendorId: 'v1', askedOn: '2026-11-04', confirmedOn: null, note: 'Relancé par téléphone' }],
    });
  });

  it.each([
    { rule: 'confirmed after being asked', askedOn: '2026-11-04', confirmedOn: '2026-11-06', error: null },
    { rule: 'confirmed the day it was asked', askedOn: '2026-11-04', confirmedOn: '2026-11-04', error: null },
    { rule: 'confirmed before being asked', askedOn: '2026-11-05', confirmedOn: '2026-11-04', error: 'rightsRequests.tasks.confirmedBeforeAsked' },
    { rule: 'confirmed, never asked', askedOn: '', confirmedOn: '2026-11-04', error: 'rightsRequests.tasks.confirmedBeforeAsked' },
    { rule: 'not a date', askedOn: '4 novembre', confirmedOn: '', error: 'validation.date' },
  ])('$rule', ({ askedOn, confirmedOn, error }) => {
    const result = ZRequestTasksSchema.safeParse({ activities: [], processors: [{ vendorId: 'v1', askedOn, confirmedOn, note: '' }] });
    expect(result.success ? null : result.error.issues[0]?.message).toBe(error);
  });
});
