import { describeIsoDuration, formatIsoDuration, parseIsoDuration } from './duration';

describe('ISO 8601 retention periods', () => {
  it('reads one number and one unit', () => {
    expect(parseIsoDuration('P5Y')).toEqual({ amount: 5, unit: 'Y' });
    expect(parseIsoDuration('P13M')).toEqual({ amount: 13, unit: 'M' });
    expect(parseIsoDuration('P2W')).toEqual({ amount: 2, unit: 'W' });
    expect(parseIsoDuration('P0D')).toEqual({ amount: 0, unit: 'D' });
  });

  it('folds years and months into months, weeks and days into days', () => {
    expect(parseIsoDuration('P1Y6M')).toEqual({ amount: 18, unit: 'M' });
    expect(parseIsoDuration('P1W2D')).toEqual({ amount: 9, unit: 'D' });
    expect(parseIsoDuration('P1Y15D')).toEqual({ amount: 380, unit: 'D' });
  });

  it('refuses what is not such a duration', () => {
    expect(parseIsoDuration('P')).toBeNull();
    expect(parseIsoDuration('PT5H')).toBeNull();
    expect(parseIsoDuration('5 years')).toBeNull();
  });

  it('writes and describes durations', () => {
    expect(formatIsoDuration(3, 'Y')).toBe('P3Y');
    expect(formatIsoDuration(0, 'D')).toBe('P0D');
    expect(describeIsoDuration('P5Y', 'en')).toBe('5 years');
    expect(describeIsoDuration('P1M', 'en')).toBe('1 month');
    expect(describeIsoDuration('P13M', 'fr')).toBe('13 mois');
    expect(describeIsoDuration('P1Y6M', 'fr')).toBe('1 an et 6 mois');
    expect(describeIsoDuration('nonsense', 'fr')).toBe('nonsense');
  });
});
