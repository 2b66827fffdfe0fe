import { assessDefaults, assessToBody, breachFactsDefaults, breachFactsToBody, informToBody, newBreachDefaults, newBreachToBody, notifyToBody, ZAssessSchema, ZInformSchema, ZNewBreachSchema, ZNotifySchema } from './breach-forms';

describe('the breach forms', () => {
  it('sends the moment the organisation knew, typed in Paris time, as an instant; counts as numbers', () => {
    const form = {
      ...newBreachDefaults(new Date('2026-03-28T23:30:00Z')),
      summary: ' Vol de l’ordinateur portable « paie » ',
      natures: ['confidentiality' as const, 'availability' as const],
      approxPersons: '1250',
      approxRecords: '',
    };
    // 00:30 in Paris, the night of the spring clock change.
    expect(form.awareAt).toBe('2026-03-29T00:30');
    expect(ZNewBreachSchema.safeParse(form).success).toBe(true);
    expect(newBreachToBody(form)).toEqual({
      summary: 'Vol de l’ordinateur portable « paie »',
      awareAt: '2026-03-28T23:30:00.000Z',
      occurredAt: null,
      discovery: null,
      natures: ['confidentiality', 'availability'],
      approxPersons: 1250,
      approxRecords: null,
    });
  });

  it('refuses a breach without a summary and counts that are not whole numbers', () => {
    const result = ZNewBreachSchema.safeParse({ ...newBreachDefaults(), summary: '', approxPersons: '12,5' });
    const issues = result.success ? [] : result.error.issues.map((issue) => [issue.path.join('.'), issue.message]);
    expect(issues).toEqual([
      ['summary', 'validation.required'],
      ['approxPersons', 'validation.wholeNumber'],
    ]);
  });

  it('records the notification with the version read, and the people told or the exception relied on', () => {
    const notify = { notifiedAt: '2026-12-04T18:15', reference: 'CNIL-2026-0042', phased: true, delayReasons: '' };
    expect(ZNotifySchema.safeParse(notify).success).toBe(true);
    expect(notifyToBody(notify, 4)).toEqual({ version: 4, authorityNotification: { notifiedAt: '2026-12-04T17:15:00.000Z', reference: 'CNIL-2026-0042', phased: true, delayReasons: null } });

    expect(ZInformSchema.safeParse({ mode: 'exception', communicatedAt: '', exception: '', details: 'Données chiffrées' }).success).toBe(false);
    const exception = { mode: 'exception' as const, communicatedAt: '2026-12-04T18:15', exception: 'art34_3a_protected' as const, details: 'Disque chiffré (AES-256), clé non compromise' };
    expect(informToBody(exception, 5)).toEqual({ version: 5, personsCommunication: { communicatedAt: null, exception: 'art34_3a_protected', details: 'Disque chiffré (AES-256), clé non compromise' } });
    const told = { mode: 'told' as const, communicatedAt: '2026-12-05T09:00', exception: '' as const, details: 'Courriel à chaque salarié concerné' };
    expect(informToBody(told, 6)).toEqual({ version: 6, personsCommunication: { communicatedAt: '2026-12-05T08:00:00.000Z', exception: null, details: 'Courriel à chaque salarié concerné' } });
  });

  it('edits the facts from what the breach holds and sends them whole, with the links and the version read', () => {
    const breach = {
      summary: 'Envoi du fichier « clients » au mauvais destinataire',
      awareAt: '2026-10-25T00:30:00Z',
      occurredAt: null,
      discovery: 'Signalé par le destinataire',
      natures: ['confidentiality'],
      approxPersons: 300,
      approxRecords: null,
      dataCategories: ['identity'],
      subjectCategories: ['customers'],
      consequences: null,
      measuresTaken: 'Demande de suppression au destinataire',
      measuresProposed: null,
    } as unknown as Parameters<typeof breachFactsDefaults>[0];
    const form = breachFactsDefaults(breach);
    // 00:30 UTC on 25 October 2026 is 02:30 in Paris: still summer time, which ends at 03:00 that night.
    expect(form).toMatchObject({ awareAt: '2026-10-25T02:30', occurredAt: '', approxPersons: '300', approxRecords: '', consequences: '', measuresTaken: 'Demande de suppression au destinataire' });
    const body = breachFactsToBody({ ...form, consequences: ' Risque d’hameçonnage ciblé ' }, { activityIds: ['a1'], vendorIds: [] }, 5);
    expect(body).toMatchObject({
      version: 5,
      summary: 'Envoi du fichier « clients » au mauvais destinataire',
      awareAt: '2026-10-25T00:30:00.000Z',
      occurredAt: null,
      approxPersons: 300,
      approxRecords: null,
      dataCategories: ['identity'],
      subjectCategories: ['customers'],
      activityIds: ['a1'],
      vendorIds: [],
      consequences: 'Risque d’hameçonnage ciblé',
      measuresProposed: null,
    });
  });

  it('assesses the risk with its EDPB factors: an empty level is « not assessed », other values are refused', () => {
    const breach = {
      risk: null,
      riskRationale: null,
      riskFactors: { sensitiveData: false, identifiability: null, severity: 'high', vulnerablePersons: true, controllerCharacteristics: null },
    } as unknown as Parameters<typeof assessDefaults>[0];
    const form = assessDefaults(breach);
    expect(form).toEqual({ risk: 'risk', riskRationale: '', sensitiveData: false, identifiability: '', severity: 'high', vulnerablePersons: true, controllerCharacteristics: '' });
    expect(ZAssessSchema.safeParse({ ...form, riskRationale: 'Dossiers d’enfants suivis' }).success).toBe(true);
    expect(ZAssessSchema.safeParse({ ...form, riskRationale: 'Dossiers d’enfants suivis', identifiability: 'élevée' }).success).toBe(false);
    expect(ZAssessSchema.safeParse({ ...form, riskRationale: 'Dossiers d’enfants suivis', controllerCharacteristics: 'é'.repeat(5000) }).success).toBe(false);
    const body = assessToBody({ ...form, risk: 'high', riskRationale: ' Dossiers d’enfants suivis ', sensitiveData: true, controllerCharacteristics: ' Centre médico-psychologique « Les Tilleuls » ' }, 3);
    expect(body).toEqual({
      version: 3,
      risk: 'high',
      riskRationale: 'Dossiers d’enfants suivis',
      riskFactors: { sensitiveData: true, identifiability: null, severity: 'high', vulnerablePersons: true, controllerCharacteristics: 'Centre médico-psychologique « Les Tilleuls »' },
    });
  });
});
