import { answerToBody, editRequestDefaults, editRequestToBody, newRequestDefaults, newRequestToBody, refuseToBody, ZAnswerSchema, ZExtendSchema, ZNewRequestSchema } from './request-forms';

describe('the rights-request forms', () => {
  it('sends the receipt typed in Paris time as an instant, and blank fields as null', () => {
    const form = { ...newRequestDefaults(new Date('2026-12-02T09:30:00Z')), requesterName: '  Zoé L’Hermitte ', description: '« Je veux savoir ce que vous savez de moi »', requesterContact: ' ' };
    expect(form.receivedAt).toBe('2026-12-02T10:30');
    expect(ZNewRequestSchema.safeParse(form).success).toBe(true);
    expect(newRequestToBody(form)).toEqual({
      subjectCategory: null,
      receivedAt: '2026-12-02T09:30:00.000Z',
      channel: 'email',
      type: 'access',
      requesterName: 'Zoé L’Hermitte',
      requesterContact: null,
      description: '« Je veux savoir ce que vous savez de moi »',
      identityCheckStatus: 'not_needed',
      identityCheckMethod: null,
      activityIds: [],
    });
  });

  it('edits a request from what it holds, and sends its facts, the activities ticked and the version read', () => {
    const request = {
      receivedAt: '2026-03-09T23:30:00Z',
      channel: 'letter',
      type: 'access',
      requesterName: 'Hélène Dupré',
      requesterContact: null,
      description: 'Copie de mes données de fidélité',
      identityCheckStatus: 'pending',
      identityCheckMethod: null,
    } as unknown as Parameters<typeof editRequestDefaults>[0];
    const form = editRequestDefaults(request);
    // 23:30 UTC on 9 March is 10 March in Paris: the form shows the wall time read on the letter.
    expect(form).toEqual({
      receivedAt: '2026-03-10T00:30',
      channel: 'letter',
      type: 'access',
      requesterName: 'Hélène Dupré',
      requesterContact: '',
      description: 'Copie de mes données de fidélité',
      identityCheckStatus: 'pending',
      identityCheckMethod: '',
    });
    const ids = ['0d6b1f0e-5c4a-4e39-9a52-1c8f0a3b7e21', '5f2e8c1a-7b3d-4f60-8e94-2a6c9d0b1f43'];
    // The person's category picked in the activity picker is kept with the request.
    expect(editRequestToBody({ ...form, requesterContact: 'helene.dupre@exemple.fr' }, ids, 4, 'customers')).toMatchObject({
      version: 4,
      subjectCategory: 'customers',
      receivedAt: '2026-03-09T23:30:00.000Z',
      requesterContact: 'helene.dupre@exemple.fr',
      identityCheckMethod: null,
      activityIds: ids,
    });
  });

  it('refuses a request without a requester or a receipt, in catalogue keys', () => {
    const result = ZNewRequestSchema.safeParse({ ...newRequestDefaults(), requesterName: ' ', receivedAt: '' });
    expect(result.success).toBe(false);
    const issues = result.success ? [] : result.error.issues.map((issue) => [issue.path.join('.'), issue.message]);
    expect(issues).toEqual(expect.arrayContaining([['requesterName', 'validation.required'], ['receivedAt', 'validation.required']]));
  });

  it('needs the reason and the day the person was told to extend', () => {
    expect(ZExtendSchema.safeParse({ reason: '', personInformedOn: '2026-12-10' }).success).toBe(false);
    expect(ZExtendSchema.safeParse({ reason: 'Quarante demandes reçues la même semaine', personInformedOn: '10/12/2026' }).success).toBe(false);
    expect(ZExtendSchema.safeParse({ reason: 'Quarante demandes reçues la même semaine', personInformedOn: '2026-12-10' }).success).toBe(true);
  });

  it('sends answers and refusals with the version read and summer-time instants', () => {
    const answer = { sentAt: '2027-06-15T17:05', channel: 'Courriel', summary: 'Copie des données et informations de l’article 15' };
    expect(ZAnswerSchema.safeParse(answer).success).toBe(true);
    expect(answerToBody(answer, 3)).toEqual({ version: 3, sentAt: '2027-06-15T15:05:00.000Z', channel: 'Courriel', summary: 'Copie des données et informations de l’article 15' });
    expect(refuseToBody({ grounds: 'Demande manifestement excessive', sentAt: '2027-01-05T09:00', channel: '' }, 2)).toEqual({
      version: 2,
      grounds: 'Demande manifestement excessive',
      sentAt: '2027-01-05T08:00:00.000Z',
      channel: null,
    });
  });
});
