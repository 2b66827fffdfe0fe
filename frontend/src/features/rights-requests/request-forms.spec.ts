import { answerToBody, newRequestDefaults, newRequestToBody, refuseToBody, ZAnswerSchema, ZExtendSchema, ZNewRequestSchema } from './request-forms';

describe('the rights-request forms', () => {
  it('sends the receipt typed in Paris time as an instant, and blank fields as null', () => {
    const form = { ...newRequestDefaults(new Date('2026-12-02T09:30:00Z')), requesterName: '  Zoé L’Hermitte ', description: '« Je veux savoir ce que vous savez de moi »', requesterContact: ' ' };
    expect(form.receivedAt).toBe('2026-12-02T10:30');
    expect(ZNewRequestSchema.safeParse(form).success).toBe(true);
    expect(newRequestToBody(form)).toEqual({
      receivedAt: '2026-12-02T09:30:00.000Z',
      channel: 'email',
      type: 'access',
      requesterName: 'Zoé L’Hermitte',
      requesterContact: null,
      description: '« Je veux savoir ce que vous savez de moi »',
      identityCheckStatus: 'not_needed',
      identityCheckMethod: null,
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
