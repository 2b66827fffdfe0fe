import { intakeFindings, IntakeRegisters, REQUEST_DUE_SOON_DAYS } from './intake-register-rules';
import { intakeMessageParams } from './intake-register-data';
import { viewOf } from './findings.service';

const ORG = '00000000-0000-4000-8000-000000000001';
const now = new Date('2026-05-06T08:00:00Z');

function registers(overrides: Partial<IntakeRegisters> = {}): IntakeRegisters {
  return { now, today: '2026-05-06', rightsRequests: [], breaches: [], ...overrides };
}

const request = (id: string, effectiveDueOn: string, status: IntakeRegisters['rightsRequests'][number]['status'] = 'in_progress') => ({
  id,
  reference: `D-000${id}`,
  type: 'erasure' as const,
  status,
  receivedOn: '2026-04-02',
  effectiveDueOn,
  unconfirmedProcessors: [] as string[],
});

const breach = (id: string, overrides: Partial<IntakeRegisters['breaches'][number]> = {}): IntakeRegisters['breaches'][number] => ({
  id,
  reference: `V-000${id}`,
  summary: 'Perte d’une clé USB « Paie »',
  awareAt: new Date('2026-05-01T08:00:00Z'),
  risk: null,
  authorityNotifiedAt: null,
  personsCommunicatedAt: null,
  communicationException: null,
  ...overrides,
});

describe('findings of the rights-request and breach registers', () => {
  it.each([
    { rule: 'Art 12(3): past the due day (yesterday) → overdue, high', dueOn: '2026-05-05', status: 'received', code: 'rights_request_overdue', severity: 'high', days: '1' },
    { rule: 'due today: not late yet → due soon, medium', dueOn: '2026-05-06', status: 'in_progress', code: 'rights_request_due_soon', severity: 'medium', days: '0' },
    { rule: `due in ${REQUEST_DUE_SOON_DAYS} days → due soon`, dueOn: '2026-05-13', status: 'identity_check', code: 'rights_request_due_soon', severity: 'medium', days: '7' },
    { rule: `due in ${REQUEST_DUE_SOON_DAYS + 1} days → nothing yet`, dueOn: '2026-05-14', status: 'received', code: null, severity: null, days: null },
    { rule: 'answered, even late → nothing', dueOn: '2026-04-01', status: 'answered', code: null, severity: null, days: null },
    { rule: 'withdrawn → nothing', dueOn: '2026-04-01', status: 'withdrawn', code: null, severity: null, days: null },
  ] as const)('$rule', ({ dueOn, status, code, severity, days }) => {
    const findings = intakeFindings(registers({ rightsRequests: [request('1', dueOn, status)] }));
    expect(findings.map((finding) => ({ code: finding.code, severity: finding.severity, days: finding.params.days }))).toEqual(code ? [{ code, severity, days }] : []);
  });

  it.each([
    { rule: 'Art 17(1) + 19: erasure answered, a vendor has not confirmed → high', type: 'erasure', status: 'answered', unconfirmed: ['Hébergeur Émeraude'], codes: ['rights_request_erasure_unconfirmed'] },
    { rule: 'erasure answered, every vendor confirmed → nothing', type: 'erasure', status: 'answered', unconfirmed: [], codes: [] },
    { rule: 'erasure still in progress → only its clock counts', type: 'erasure', status: 'in_progress', unconfirmed: ['Hébergeur Émeraude'], codes: [] },
    { rule: 'erasure refused: nothing to erase → nothing', type: 'erasure', status: 'refused', unconfirmed: ['Hébergeur Émeraude'], codes: [] },
    { rule: 'access answered: no erasure to confirm → nothing', type: 'access', status: 'answered', unconfirmed: ['Hébergeur Émeraude'], codes: [] },
  ] as const)('$rule', ({ type, status, unconfirmed, codes }) => {
    const row = { ...request('3', '2026-06-30', status), type, unconfirmedProcessors: [...unconfirmed] };
    expect(intakeFindings(registers({ rightsRequests: [row] })).map((finding) => finding.code)).toEqual(codes);
  });

  it('names the vendors that have not confirmed, in words', () => {
    const row = { ...request('4', '2026-06-30', 'answered'), unconfirmedProcessors: ['Hébergeur Émeraude', 'Routeur « Courriel & Cie »'] };
    const [finding] = intakeFindings(registers({ rightsRequests: [row] }));
    expect(finding).toMatchObject({ severity: 'high', recordReference: 'D-0004' });
    const fr = viewOf(ORG, finding, 'fr').message;
    expect(fr).toContain('ces prestataires n’ont pas confirmé l’effacement : Hébergeur Émeraude, Routeur « Courriel & Cie »');
    expect(viewOf(ORG, finding, 'en').message).toContain('these vendors have not confirmed');
    expect(fr).not.toMatch(/\{|_|\d{4}-\d{2}/);
  });

  it.each([
    { rule: 'Art 33(1): risk not assessed → assess it', breach: {}, codes: ['breach_not_assessed'] },
    { rule: 'Art 33(5): no risk → recorded only, nothing to do', breach: { risk: 'none' }, codes: [] },
    { rule: 'Art 33(1): a risk, 72 h run out, not notified', breach: { risk: 'risk' }, codes: ['breach_authority_not_notified'] },
    {
      rule: 'Art 33(1): a risk, within 72 h → not yet a finding',
      breach: { risk: 'risk', awareAt: new Date('2026-05-04T09:00:00Z') },
      codes: [],
    },
    { rule: 'Art 33(1) + 34(1): high risk, neither notified nor told', breach: { risk: 'high' }, codes: ['breach_authority_not_notified', 'breach_persons_not_informed'] },
    {
      rule: 'Art 34(3)(a): high risk, notified, data encrypted → exception recorded',
      breach: { risk: 'high', authorityNotifiedAt: new Date('2026-05-02T08:00:00Z'), communicationException: 'art34_3a_protected' },
      codes: [],
    },
    {
      rule: 'Art 34(1): high risk, notified late but people told',
      breach: { risk: 'high', authorityNotifiedAt: new Date('2026-05-05T08:00:00Z'), personsCommunicatedAt: new Date('2026-05-05T09:00:00Z') },
      codes: [],
    },
  ] as const)('$rule', ({ breach: overrides, codes }) => {
    const findings = intakeFindings(registers({ breaches: [breach('1', overrides)] }));
    expect(findings.map((finding) => finding.code)).toEqual(codes);
  });

  it('words every message in French and English: no code, id or ISO date', () => {
    const findings = intakeFindings(registers({ rightsRequests: [request('1', '2026-05-05')], breaches: [breach('2', { risk: 'high' })] }));
    for (const locale of ['fr', 'en'] as const) {
      for (const finding of findings) {
        const view = viewOf(ORG, { ...finding, recordId: '7d1e1b9c-2f59-4c8e-9e0e-0a4f5c3b2d11' }, locale);
        expect(view.message).not.toMatch(/\d{4}-\d{2}-\d{2}|_|7d1e1b9c|\{|PT\d|P\d+D|T\d{2}:/);
      }
    }
    const [overdue, late] = findings.map((finding) => viewOf(ORG, finding, 'fr'));
    expect(overdue.message).toContain('droit à l’effacement');
    expect(overdue.message).toContain('2 avril 2026');
    expect(overdue.message).toContain('5 mai 2026');
    expect(overdue.link).toBe(`/orgs/${ORG}/rights-requests/1`);
    // 72 h after 10:00 in Paris on 1 May: 10:00 on 4 May, in Paris time.
    expect(late.message).toContain('4 mai 2026 à 10:00');
    expect(late.message).toContain('« Perte d’une clé USB « Paie » »');
    expect(late.link).toBe(`/orgs/${ORG}/breaches/2#breach-authorityNotification`);
    expect(intakeMessageParams('en', { dueOn: '2026-03-02', requestType: 'portability' })).toEqual({ dueOn: '2 March 2026', requestType: 'right to data portability' });
  });
});
