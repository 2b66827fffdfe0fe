import {
  addMonthsSameDate,
  breachNotificationDueAt,
  easterSunday,
  extendedDueOn,
  frenchPublicHolidays,
  isNonWorkingDay,
  localDate,
  rightsRequestDueOn,
} from './legal-deadlines';

/**
 * The rules cited below:
 * - 3(1): Regulation 1182/71 Art 3(1) — the day of receipt is not counted, the period runs from it;
 * - 3(2)(c): a period in months ends on the same date of the last month, or on its last day;
 * - 3(4): an end on a Saturday, Sunday or public holiday moves to the next working day;
 * - EDPB 01/2022 § 157–163: Art 12(3) counted as above; the day of receipt in the controller's time zone;
 * - L3133-1: Code du travail, French public holidays (Easter Monday, Ascension, Whit Monday from Easter).
 */
describe('rightsRequestDueOn (Art 12(3), one month as Regulation 1182/71 Art 3 counts it)', () => {
  const rows: { rule: string; receivedAt: string; timeZone?: string; country?: string; dueOn: string }[] = [
    { rule: 'EDPB 01/2022 example: received 2 February, due 2 March (3(2)(c))', receivedAt: '2026-02-02T09:15:00+01:00', dueOn: '2026-03-02' },
    { rule: '3(2)(c) + 3(4): 31 January → 28 February (no 31st), a Saturday → Monday 2 March', receivedAt: '2026-01-31T10:00:00+01:00', dueOn: '2026-03-02' },
    { rule: '3(2)(c): 30 January 2025 → 28 February 2025, a Friday', receivedAt: '2025-01-30T16:00:00+01:00', dueOn: '2025-02-28' },
    { rule: '3(2)(c), leap year: 31 January 2028 → 29 February 2028, a Tuesday', receivedAt: '2028-01-31T11:00:00+01:00', dueOn: '2028-02-29' },
    { rule: '3(2)(c), leap year: 29 January 2028 → 29 February 2028 (exists in 2028)', receivedAt: '2028-01-29T11:00:00+01:00', dueOn: '2028-02-29' },
    { rule: '3(2)(c) + 3(4), common year: 29 January 2027 → 28 February, a Sunday → Monday 1 March', receivedAt: '2027-01-29T11:00:00+01:00', dueOn: '2027-03-01' },
    { rule: '3(2)(c), from 29 February 2024 → 29 March 2024 (Good Friday is not a holiday in L3133-1)', receivedAt: '2024-02-29T08:00:00+01:00', dueOn: '2024-03-29' },
    { rule: '3(2)(c): 31 May → 30 June (no 31st)', receivedAt: '2026-05-31T12:00:00+02:00', dueOn: '2026-06-30' },
    { rule: '3(4): 2 April → 2 May 2026, a Saturday → Monday 4 May', receivedAt: '2026-04-02T14:00:00+02:00', dueOn: '2026-05-04' },
    { rule: '3(4) + L3133-1: 6 April 2026 is Easter Monday (Easter 5 April) → Tuesday 7 April', receivedAt: '2026-03-06T10:00:00+01:00', dueOn: '2026-04-07' },
    { rule: '3(4) + L3133-1: 14 May 2026 is Ascension Day (Easter + 39) → Friday 15 May', receivedAt: '2026-04-14T10:00:00+02:00', dueOn: '2026-05-15' },
    { rule: '3(4) + L3133-1: 25 May 2026 is Whit Monday (Easter + 50) → Tuesday 26 May', receivedAt: '2026-04-25T10:00:00+02:00', dueOn: '2026-05-26' },
    { rule: '3(4) + L3133-1: 1 May 2026 (Friday, holiday), then Saturday and Sunday → Monday 4 May', receivedAt: '2026-04-01T10:00:00+02:00', dueOn: '2026-05-04' },
    { rule: '3(4) + L3133-1: 8 May 2027 Saturday, Sunday → Monday 10 May', receivedAt: '2027-04-08T10:00:00+02:00', dueOn: '2027-05-10' },
    { rule: '3(4) + L3133-1: 14 July 2026 (Tuesday, holiday) → 15 July', receivedAt: '2026-06-14T10:00:00+02:00', dueOn: '2026-07-15' },
    { rule: '3(4) + L3133-1: 25 December 2026 (Friday), Saturday, Sunday → Monday 28 December', receivedAt: '2026-11-25T10:00:00+01:00', dueOn: '2026-12-28' },
    { rule: '3(4) + L3133-1: 1 January 2027 (Friday), weekend → Monday 4 January', receivedAt: '2026-12-01T10:00:00+01:00', dueOn: '2027-01-04' },
    { rule: '3(4) + L3133-1: 11 November 2026 (Wednesday) → 12 November', receivedAt: '2026-10-11T10:00:00+02:00', dueOn: '2026-11-12' },
    { rule: '3(1) + EDPB: 23:30 UTC on 9 March is 00:30 on 10 March in Paris → due 10 April', receivedAt: '2026-03-09T23:30:00Z', dueOn: '2026-04-10' },
    { rule: '3(1) + EDPB: 22:59 UTC on 9 March is still 9 March in Paris (23:59) → due 9 April', receivedAt: '2026-03-09T22:59:00Z', dueOn: '2026-04-09' },
    { rule: '3(1), another time zone: the same instant is 9 March in Martinique → due 9 April', receivedAt: '2026-03-09T23:30:00Z', timeZone: 'America/Martinique', dueOn: '2026-04-09' },
    { rule: '3(1), spring clock change (29 March 2026): 23:30 UTC on 28 March is 00:30 CET on the 29th → 29 April', receivedAt: '2026-03-28T23:30:00Z', dueOn: '2026-04-29' },
    { rule: '3(1), after the spring change: 22:30 UTC on 29 March is 00:30 CEST on the 30th → 30 April', receivedAt: '2026-03-29T22:30:00Z', dueOn: '2026-04-30' },
    { rule: '3(1), autumn clock change (25 October 2026): 22:30 UTC on 24 October is 00:30 CEST on the 25th → 25 November', receivedAt: '2026-10-24T22:30:00Z', dueOn: '2026-11-25' },
    { rule: '3(1), after the autumn change: 22:30 UTC on 25 October is 23:30 CET, still the 25th → 25 November', receivedAt: '2026-10-25T22:30:00Z', dueOn: '2026-11-25' },
    { rule: '3(1), after the autumn change: 23:30 UTC on 25 October is 00:30 CET on the 26th → 26 November', receivedAt: '2026-10-25T23:30:00Z', dueOn: '2026-11-26' },
    { rule: '3(2)(c) across the year: 15 December 2026 → 15 January 2027', receivedAt: '2026-12-15T10:00:00+01:00', dueOn: '2027-01-15' },
    { rule: '3(4) without a holiday calendar (country not FR): 14 July 2026 is a working day', receivedAt: '2026-06-14T10:00:00+02:00', country: 'BE', dueOn: '2026-07-14' },
  ];

  it.each(rows)('$rule', ({ receivedAt, timeZone, country, dueOn }) => {
    expect(rightsRequestDueOn(new Date(receivedAt), timeZone, country)).toBe(dueOn);
  });
});

describe('extendedDueOn (Art 12(3): two further months, the same counting)', () => {
  const rows: { rule: string; receivedAt: string; extendedDueOn: string }[] = [
    { rule: '3(2)(c) + 3(4): 2 February + 3 months = 2 May 2026, a Saturday → Monday 4 May', receivedAt: '2026-02-02T09:15:00+01:00', extendedDueOn: '2026-05-04' },
    {
      rule: 'one three-month period from receipt: 31 January → 30 April 2026 (the first month’s move to 2 March does not carry over)',
      receivedAt: '2026-01-31T10:00:00+01:00',
      extendedDueOn: '2026-04-30',
    },
    { rule: '3(2)(c) + 3(4): 30 November 2025 → 28 February 2026 (Saturday) → Monday 2 March', receivedAt: '2025-11-30T10:00:00+01:00', extendedDueOn: '2026-03-02' },
    { rule: '3(2)(c), leap year: 29 November 2027 → 29 February 2028', receivedAt: '2027-11-29T10:00:00+01:00', extendedDueOn: '2028-02-29' },
    { rule: '3(4) + L3133-1: 14 February 2026 → 14 May 2026, Ascension → 15 May', receivedAt: '2026-02-14T10:00:00+01:00', extendedDueOn: '2026-05-15' },
    { rule: '3(1), midnight in Paris: 23:30 UTC on 31 December 2025 is 1 January 2026 → 1 April 2026', receivedAt: '2025-12-31T23:30:00Z', extendedDueOn: '2026-04-01' },
  ];

  it.each(rows)('$rule', ({ receivedAt, extendedDueOn: expected }) => {
    expect(extendedDueOn(new Date(receivedAt))).toBe(expected);
  });

  it('always ends on or after the first due day', () => {
    for (let day = 0; day < 366; day += 1) {
      const receivedAt = new Date(Date.UTC(2026, 0, 1, 11) + day * 86_400_000);
      expect(extendedDueOn(receivedAt) > rightsRequestDueOn(receivedAt)).toBe(true);
    }
  });
});

describe('breachNotificationDueAt (Art 33(1): 72 elapsed hours)', () => {
  const rows: { rule: string; awareAt: string; dueAt: string; localAware: string; localDue: string }[] = [
    {
      rule: 'Art 33(1): Monday 10:00 → Thursday 10:00, no clock change',
      awareAt: '2026-06-08T08:00:00Z',
      dueAt: '2026-06-11T08:00:00.000Z',
      localAware: '08/06/2026 10:00',
      localDue: '11/06/2026 10:00',
    },
    {
      rule: 'Art 33(1) across the spring change: 72 h after Friday 11:00 CET is Monday 12:00 CEST',
      awareAt: '2026-03-27T10:00:00Z',
      dueAt: '2026-03-30T10:00:00.000Z',
      localAware: '27/03/2026 11:00',
      localDue: '30/03/2026 12:00',
    },
    {
      rule: 'Art 33(1) across the autumn change: 72 h after Friday 10:00 CEST is Monday 09:00 CET',
      awareAt: '2026-10-23T08:00:00Z',
      dueAt: '2026-10-26T08:00:00.000Z',
      localAware: '23/10/2026 10:00',
      localDue: '26/10/2026 09:00',
    },
    {
      rule: 'Art 33(1): weekends and holidays count (hours, not working days): 24 December 18:00 → 27 December 18:00',
      awareAt: '2026-12-24T17:00:00Z',
      dueAt: '2026-12-27T17:00:00.000Z',
      localAware: '24/12/2026 18:00',
      localDue: '27/12/2026 18:00',
    },
  ];
  const paris = (instant: Date) =>
    new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' })
      .format(instant)
      .replace(',', '');

  it.each(rows)('$rule', ({ awareAt, dueAt, localAware, localDue }) => {
    const due = breachNotificationDueAt(new Date(awareAt));
    expect(due.toISOString()).toBe(dueAt);
    expect(due.getTime() - new Date(awareAt).getTime()).toBe(72 * 3_600_000);
    expect(paris(new Date(awareAt))).toBe(localAware);
    expect(paris(due)).toBe(localDue);
  });
});

describe('the calendar underneath', () => {
  it.each([
    { year: 2024, easter: '2024-03-31' },
    { year: 2025, easter: '2025-04-20' },
    { year: 2026, easter: '2026-04-05' },
    { year: 2027, easter: '2027-03-28' },
    { year: 2038, easter: '2038-04-25' },
    { year: 2285, easter: '2285-03-22' },
  ])('Easter Sunday $year is $easter (Gregorian computus)', ({ year, easter }) => {
    expect(easterSunday(year)).toBe(easter);
  });

  it('lists the eleven French public holidays of 2026 (L3133-1)', () => {
    expect(frenchPublicHolidays(2026)).toEqual([
      '2026-01-01',
      '2026-04-06',
      '2026-05-01',
      '2026-05-08',
      '2026-05-14',
      '2026-05-25',
      '2026-07-14',
      '2026-08-15',
      '2026-11-01',
      '2026-11-11',
      '2026-12-25',
    ]);
  });

  it.each([
    { date: '2026-03-07', nonWorking: true, why: 'Saturday' },
    { date: '2026-03-08', nonWorking: true, why: 'Sunday' },
    { date: '2026-03-09', nonWorking: false, why: 'Monday' },
    { date: '2026-04-03', nonWorking: false, why: 'Good Friday (Alsace-Moselle only)' },
    { date: '2025-12-26', nonWorking: false, why: 'Friday 26 December: Saint-Étienne is a holiday in Alsace-Moselle only' },
  ])('$date: $why', ({ date, nonWorking }) => {
    expect(isNonWorkingDay(date)).toBe(nonWorking);
  });

  it.each([
    { date: '2026-01-31', months: 1, result: '2026-02-28' },
    { date: '2026-03-31', months: 1, result: '2026-04-30' },
    { date: '2026-12-31', months: 2, result: '2027-02-28' },
    { date: '2026-08-31', months: -6, result: '2026-02-28' },
  ])('3(2)(c): $date plus $months month(s) is $result', ({ date, months, result }) => {
    expect(addMonthsSameDate(date, months)).toBe(result);
  });

  it('reads the local date of an instant in the given zone', () => {
    expect(localDate(new Date('2026-07-31T22:30:00Z'))).toBe('2026-08-01');
    expect(localDate(new Date('2026-07-31T22:30:00Z'), 'UTC')).toBe('2026-07-31');
  });
});
