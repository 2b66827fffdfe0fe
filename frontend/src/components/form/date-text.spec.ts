import { dayToIso, isoToDay, isoToText, textToIso } from './date-text';

describe('dates typed in the app’s format', () => {
  it('reads day/month/year whatever the separator, and writes ISO dates', () => {
    expect(textToIso('31/12/2026')).toBe('2026-12-31');
    expect(textToIso(' 1/2/2027 ')).toBe('2027-02-01');
    expect(textToIso('01.02.2027')).toBe('2027-02-01');
    expect(textToIso('2026-12-31')).toBe('2026-12-31');
  });

  it('refuses what is no day: month first, 31 of a 30-day month, 29 February of a common year, partial text', () => {
    expect(textToIso('12/31/2026')).toBeNull();
    expect(textToIso('31/04/2026')).toBeNull();
    expect(textToIso('29/02/2027')).toBeNull();
    expect(textToIso('29/02/2028')).toBe('2028-02-29');
    expect(textToIso('31/12')).toBeNull();
    expect(textToIso('')).toBeNull();
  });

  it('shows an ISO date as day/month/year and goes to and from the calendar’s days', () => {
    expect(isoToText('2026-12-31')).toBe('31/12/2026');
    expect(isoToText('31/12/2026')).toBeNull();
    const day = isoToDay('2026-03-29');
    if (!day) throw new Error('2026-03-29 is a day');
    expect(day.getDate()).toBe(29);
    expect(dayToIso(day)).toBe('2026-03-29');
  });
});
