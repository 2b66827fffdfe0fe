import { zonedInstant, zonedLocal } from './zoned-time';

const PARIS = 'Europe/Paris';

describe('wall-clock times in the organisation’s time zone', () => {
  it.each([
    // [typed in Paris, instant, why]
    ['2026-12-02T10:30', '2026-12-02T09:30:00.000Z', 'winter time: UTC+1'],
    ['2026-07-14T10:30', '2026-07-14T08:30:00.000Z', 'summer time: UTC+2'],
    ['2026-03-29T01:59', '2026-03-29T00:59:00.000Z', 'last minute before the spring change'],
    ['2026-03-29T03:00', '2026-03-29T01:00:00.000Z', 'first minute after the spring change'],
    ['2026-10-25T02:30', '2026-10-25T00:30:00.000Z', 'the repeated autumn hour reads as its first occurrence'],
    ['2026-10-25T03:30', '2026-10-25T02:30:00.000Z', 'after the autumn change: UTC+1 again'],
    ['2026-01-01T00:00', '2025-12-31T23:00:00.000Z', 'midnight on New Year’s day is still the previous day in UTC'],
    ['2028-02-29T23:59', '2028-02-29T22:59:00.000Z', 'a leap day'],
  ])('%s in Paris is %s (%s)', (local, instant) => {
    expect(zonedInstant(local, PARIS)).toBe(instant);
    expect(zonedLocal(instant, PARIS)).toBe(local);
  });

  it('refuses what is not a date and time', () => {
    expect(zonedInstant('', PARIS)).toBeNull();
    expect(zonedInstant('02/12/2026 10:30', PARIS)).toBeNull();
  });

  it('reads other zones too', () => {
    expect(zonedInstant('2026-12-02T10:30', 'America/New_York')).toBe('2026-12-02T15:30:00.000Z');
    expect(zonedLocal('2026-12-02T15:30:00Z', 'America/New_York')).toBe('2026-12-02T10:30');
  });
});
