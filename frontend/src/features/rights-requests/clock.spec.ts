import { breachClock, requestClock } from './clock';

describe('the clock of the rights requests (days, in the organisation’s calendar)', () => {
  // 23:30 UTC on 9 March 2026 is already 10 March in Paris.
  const now = new Date('2026-03-09T23:30:00Z');

  it.each([
    { why: 'due on 20 March: 10 days left', status: 'received', due: '2026-03-20', clock: { tone: 'ok', kind: 'left', days: 10 } },
    { why: 'due on 17 March: a week left, soon', status: 'in_progress', due: '2026-03-17', clock: { tone: 'soon', kind: 'left', days: 7 } },
    { why: 'due today in Paris (10 March), although still 9 March in UTC', status: 'identity_check', due: '2026-03-10', clock: { tone: 'soon', kind: 'today' } },
    { why: 'due yesterday in Paris: one day late', status: 'received', due: '2026-03-09', clock: { tone: 'late', kind: 'late', days: 1 } },
    { why: 'answered: nothing to wait for, even if it was late', status: 'answered', due: '2026-02-01', clock: { tone: 'done', kind: 'closed' } },
  ] as const)('$why', ({ status, due, clock }) => {
    expect(requestClock({ status, effectiveDueOn: due }, now)).toEqual(clock);
  });
});

describe('the clock of the breaches (hours of Art 33(1))', () => {
  const awareAt = '2026-03-27T10:00:00.000Z';
  const notificationDueAt = '2026-03-30T10:00:00.000Z';
  const at = (iso: string) => new Date(iso);

  it.each([
    { why: 'not assessed, 70 hours left', risk: null, notifiedAt: null, now: '2026-03-27T12:00:00Z', clock: { tone: 'ok', kind: 'assess', hours: 70 } },
    { why: 'a risk, 5 and a half hours left: counted as 6, soon', risk: 'risk', notifiedAt: null, now: '2026-03-30T04:30:00Z', clock: { tone: 'soon', kind: 'notify', hours: 6 } },
    { why: 'a high risk, 3 hours past', risk: 'high', notifiedAt: null, now: '2026-03-30T13:00:00Z', clock: { tone: 'late', kind: 'overdue', hours: 3 } },
    { why: 'not assessed and past the 72 hours', risk: null, notifiedAt: null, now: '2026-03-31T10:00:00Z', clock: { tone: 'late', kind: 'assess_late', hours: 24 } },
    { why: 'no risk: recorded only', risk: 'none', notifiedAt: null, now: '2026-04-10T10:00:00Z', clock: { tone: 'done', kind: 'not_required' } },
    { why: 'notified in time', risk: 'risk', notifiedAt: '2026-03-29T10:00:00.000Z', now: '2026-04-10T10:00:00Z', clock: { tone: 'done', kind: 'notified' } },
    { why: 'notified late', risk: 'high', notifiedAt: '2026-03-30T12:00:00.000Z', now: '2026-04-10T10:00:00Z', clock: { tone: 'late', kind: 'notified_late' } },
  ] as const)('$why', ({ risk, notifiedAt, now, clock }) => {
    expect(breachClock({ awareAt, risk, authorityNotifiedAt: notifiedAt, notificationDueAt }, at(now))).toEqual(clock);
  });
});
