import type { OrganizationData } from '../findings/finding.types';
import { notificationLine } from './email-content';
import { dedupeKey, DpiaActionRow, GridAwaitingRow, remindersOf, ReminderContext } from './reminder-rules';

const TODAY = '2026-11-24';
const DPO = 'd0000000-0000-4000-8000-000000000001';
const OWNER = 'c0000000-0000-4000-8000-000000000001';
const ACTIVITY_OWNER = 'c0000000-0000-4000-8000-000000000002';

const data: OrganizationData = {
  organizationId: '00000000-0000-4000-8000-000000000000',
  today: TODAY,
  activities: [],
  vendors: [],
  processorsByActivity: new Map(),
  dpiasByActivity: new Map(),
};

function action(overrides: Partial<DpiaActionRow>): DpiaActionRow {
  return {
    dpiaId: 'a0000000-0000-4000-8000-000000000001',
    activityReference: 'T-0009',
    activityOwnerId: ACTIVITY_OWNER,
    actionId: 'b0000000-0000-4000-8000-000000000001',
    measure: 'Chiffrer les pièces',
    owner: null,
    dueDate: '2026-12-01',
    ...overrides,
  };
}

const context = (extra: Partial<ReminderContext>): ReminderContext => ({
  data,
  dpoIds: [DPO],
  members: [
    { userId: OWNER, name: 'Claire Martin', email: 'claire@example.test' },
    { userId: DPO, name: 'Denis Délégué', email: 'dpo@example.test' },
  ],
  ...extra,
});

describe('reminders of DPIA actions and design grids (pure rules)', () => {
  it('reminds of DPIA actions due within 14 days or overdue, not later ones', () => {
    const reminders = remindersOf(
      context({
        dpiaActions: [
          action({ actionId: 'due', dueDate: '2026-12-08' }),
          action({ actionId: 'overdue', dueDate: '2026-11-20' }),
          action({ actionId: 'today', dueDate: TODAY }),
          action({ actionId: 'later', dueDate: '2026-12-09' }),
        ],
      }),
    );
    expect(reminders.map((reminder) => `${reminder.kind} ${reminder.subjectId}`)).toEqual(['dpia_action_due due', 'dpia_action_overdue overdue', 'dpia_action_due today']);
    expect(reminders[0]).toMatchObject({ recordType: 'dpia', recordReference: 'T-0009', recordName: 'Chiffrer les pièces', dueDate: '2026-12-08' });
  });

  it('tells the action’s owner when the plan names a member (e-mail or name, any case), else the activity’s owner and the DPOs', () => {
    const reminders = remindersOf(
      context({
        dpiaActions: [
          action({ actionId: 'by-email', owner: ' CLAIRE@example.test ' }),
          action({ actionId: 'by-name', owner: 'claire martin' }),
          action({ actionId: 'team', owner: 'DSI' }),
          action({ actionId: 'nobody', owner: null, activityOwnerId: null }),
        ],
      }),
    );
    expect(Object.fromEntries(reminders.map((reminder) => [reminder.subjectId, reminder.userIds]))).toEqual({
      'by-email': [OWNER],
      'by-name': [OWNER],
      team: [ACTIVITY_OWNER, DPO],
      nobody: [DPO],
    });
  });

  it('keeps one notification per action: two actions of one DPIA due the same day have different keys', () => {
    const [first, second] = remindersOf(context({ dpiaActions: [action({ actionId: 'one' }), action({ actionId: 'two' })] }));
    expect(dedupeKey(first)).not.toBe(dedupeKey(second));
    // The existing reminders keep their keys (notifications already stored stay deduplicated).
    expect(dedupeKey({ kind: 'activity_review_due', recordId: 'x', dueDate: TODAY })).toBe(`activity_review_due:x:${TODAY}`);
  });

  it('tells the DPOs of each grid awaiting their review, once per submission', () => {
    const grids: GridAwaitingRow[] = [{ id: 'g0000000-0000-4000-8000-000000000001', projectName: 'Covoiturage', submittedOn: '2026-11-23' }];
    const [reminder] = remindersOf(context({ gridsAwaiting: grids }));
    expect(reminder).toMatchObject({ kind: 'grid_awaiting_dpo', recordType: 'design_grid', recordName: 'Covoiturage', dueDate: '2026-11-23', userIds: [DPO] });
    expect(remindersOf({ data, dpoIds: [], gridsAwaiting: grids })).toEqual([]);
  });

  it('words them in French and English', () => {
    const item = { kind: 'dpia_action_overdue' as const, recordReference: 'T-0009', recordName: 'Chiffrer les pièces', dueDate: '2026-11-20' };
    expect(notificationLine(item, 'fr')).toBe('Action « Chiffrer les pièces » de l’AIPD de T-0009 en retard depuis le 20 novembre 2026');
    expect(notificationLine({ ...item, kind: 'dpia_action_due' }, 'en')).toBe('DPIA action “Chiffrer les pièces” of T-0009 due by 20 November 2026');
    const grid = { kind: 'grid_awaiting_dpo' as const, recordReference: 'Covoiturage', recordName: 'Covoiturage', dueDate: '2026-11-23' };
    expect(notificationLine(grid, 'en')).toBe('Design grid “Covoiturage” submitted on 23 November 2026, awaiting your review');
    expect(notificationLine(grid, 'fr')).toBe('Grille de conception « Covoiturage » soumise le 23 novembre 2026, en attente de votre relecture');
  });
});

describe('reminders of rights requests and breaches (pure rules)', () => {
  const NOW = new Date('2026-11-24T09:00:00Z');
  const RECORDER = 'c0000000-0000-4000-8000-000000000009';
  const hoursBefore = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000);
  const requestRow = (reference: string, status: 'received' | 'in_progress' | 'answered' | 'refused' | 'withdrawn', effectiveDueOn: string) => ({
    id: `r-${reference}`,
    reference,
    type: 'access' as const,
    status,
    receivedOn: '2026-10-24',
    effectiveDueOn,
    unconfirmedProcessors: [],
    recordedById: RECORDER,
  });
  const breachRow = (reference: string, awareAt: Date, risk: 'none' | 'risk' | 'high' | null, authorityNotifiedAt: Date | null = null) => ({
    id: `b-${reference}`,
    reference,
    summary: 'Perte d’un ordinateur portable',
    awareAt,
    risk,
    authorityNotifiedAt,
    personsCommunicatedAt: null,
    communicationException: null,
    recordedById: null,
  });
  const remindersAt = (intake: NonNullable<OrganizationData['intake']>) =>
    remindersOf(context({ data: { ...data, intake }, intakeManagerIds: [DPO, OWNER] })).map((reminder) => `${reminder.kind} ${reminder.recordReference} ${reminder.dueDate}`);

  it('reminds of open requests due within 7 days (the 7th included) or past their day, not of closed or later ones', () => {
    const reminders = remindersAt({
      now: NOW,
      today: TODAY,
      rightsRequests: [
        requestRow('D-0001', 'received', '2026-12-01'),
        requestRow('D-0002', 'in_progress', '2026-12-02'),
        requestRow('D-0003', 'in_progress', '2026-11-23'),
        requestRow('D-0004', 'answered', '2026-11-23'),
        requestRow('D-0005', 'refused', '2026-11-25'),
        requestRow('D-0006', 'withdrawn', '2026-11-25'),
        requestRow('D-0007', 'received', TODAY),
      ],
      breaches: [],
    });
    expect(reminders).toEqual(['rights_request_due D-0001 2026-12-01', 'rights_request_overdue D-0003 2026-11-23', 'rights_request_due D-0007 2026-11-24']);
  });

  it('tells the managers and whoever recorded the request', () => {
    const [reminder] = remindersOf(
      context({ data: { ...data, intake: { now: NOW, today: TODAY, rightsRequests: [requestRow('D-0001', 'received', TODAY)], breaches: [] } }, intakeManagerIds: [DPO, OWNER] }),
    );
    expect(reminder.userIds).toEqual([DPO, OWNER, RECORDER]);
  });

  it('reminds of a breach at 24 hours left (Art 33(1) 72 hours) and when late, not before, not when notified, not when no risk or not assessed', () => {
    const reminders = remindersAt({
      now: NOW,
      today: TODAY,
      rightsRequests: [],
      breaches: [
        breachRow('V-0001', hoursBefore(48), 'risk'),
        breachRow('V-0002', hoursBefore(47.9), 'high'),
        breachRow('V-0003', hoursBefore(72.1), 'high'),
        breachRow('V-0004', hoursBefore(80), 'none'),
        breachRow('V-0005', hoursBefore(80), null),
        breachRow('V-0006', hoursBefore(80), 'risk', hoursBefore(10)),
      ],
    });
    // Due days in Paris: 48 h before 09:00 UTC → 10:00 Paris two days later.
    expect(reminders).toEqual(['breach_notification_due V-0001 2026-11-25', 'breach_notification_overdue V-0003 2026-11-24']);
  });
});
