/**
 * Legal deadlines of the rights-request and breach registers, counted as EU law counts periods.
 * Pure: no clock, no database; the server and the web app share this module.
 *
 * - Rights requests, Art 12(3) GDPR: one month from receipt, extendable by two further months.
 *   Periods are counted under Regulation (EEC, Euratom) No 1182/71, Art 3, as the EDPB Guidelines
 *   01/2022 on the right of access (§ 157–163) apply it:
 *   · Art 3(1): the day of the event (receipt) is not counted; the period runs from that day;
 *   · Art 3(2)(c): a period in months ends on the day of the last month with the same date as the
 *     day of receipt, or, when that month has no such date, on its last day;
 *   · Art 3(4): an end falling on a public holiday, a Saturday or a Sunday moves to the next working day.
 *   The day of receipt is the calendar day in the organisation's time zone.
 * - Breaches, Art 33(1) GDPR: "not later than 72 hours after having become aware of it": 72 elapsed
 *   hours, an instant; clock changes do not move it.
 *
 * Dates are ISO calendar dates (`YYYY-MM-DD`), never instants: a due day is a day in the
 * organisation's calendar.
 */

export type IsoDate = string;

export const DEFAULT_TIME_ZONE = 'Europe/Paris';
export const DEFAULT_COUNTRY = 'FR';

/** Art 12(3): one month, extendable by two further months. */
export const RIGHTS_REQUEST_MONTHS = 1;
export const RIGHTS_REQUEST_EXTENSION_MONTHS = 2;
/** Art 33(1): 72 hours. */
export const BREACH_NOTIFICATION_HOURS = 72;

/** Countries whose public holidays are known; elsewhere only Saturdays and Sundays move a deadline. */
export const HOLIDAY_COUNTRIES = ['FR'] as const;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: IsoDate): { year: number; month: number; day: number } {
  const match = DATE.exec(date);
  if (!match) throw new RangeError(`not an ISO date: ${date}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');
const isoDate = (year: number, month: number, day: number): IsoDate => `${pad(year, 4)}-${pad(month)}-${pad(day)}`;

/** Days in a month of the Gregorian calendar (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The calendar date of an instant in a time zone (IANA name). */
export function localDate(instant: Date, timeZone: string = DEFAULT_TIME_ZONE): IsoDate {
  const formatted = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const get = (type: string) => Number(formatted.find((part) => part.type === type)?.value);
  return isoDate(get('year'), get('month'), get('day'));
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const { year, month, day } = parts(date);
  const next = new Date(Date.UTC(year, month - 1, day + days));
  return isoDate(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate());
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const a = parts(from);
  const b = parts(to);
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}

/** 1182/71 Art 3(2)(c): the same date `months` later, or that month's last day when it has no such date. */
export function addMonthsSameDate(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = parts(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return isoDate(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/** Easter Sunday of a Gregorian year (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDate(year, month, day);
}

/**
 * French public holidays ("jours fériés", Code du travail Art L3133-1) of a year: the fixed ones,
 * and Easter Monday, Ascension Day and Whit Monday, counted from Easter. The two extra days of
 * Alsace-Moselle (Good Friday, 26 December) are local and not included.
 */
export function frenchPublicHolidays(year: number): IsoDate[] {
  const easter = easterSunday(year);
  return [
    isoDate(year, 1, 1), // Jour de l’an
    addDays(easter, 1), // Lundi de Pâques
    isoDate(year, 5, 1), // Fête du travail
    isoDate(year, 5, 8), // Victoire 1945
    addDays(easter, 39), // Ascension
    addDays(easter, 50), // Lundi de Pentecôte
    isoDate(year, 7, 14), // Fête nationale
    isoDate(year, 8, 15), // Assomption
    isoDate(year, 11, 1), // Toussaint
    isoDate(year, 11, 11), // Armistice 1918
    isoDate(year, 12, 25), // Noël
  ].sort();
}

export function publicHolidays(year: number, country: string = DEFAULT_COUNTRY): IsoDate[] {
  return country.toUpperCase() === 'FR' ? frenchPublicHolidays(year) : [];
}

/** Saturday, Sunday or a public holiday of the country. */
export function isNonWorkingDay(date: IsoDate, country: string = DEFAULT_COUNTRY): boolean {
  const { year, month, day } = parts(date);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return weekday === 0 || weekday === 6 || publicHolidays(year, country).includes(date);
}

/** 1182/71 Art 3(4): the day itself when it is a working day, else the next working day. */
export function onOrNextWorkingDay(date: IsoDate, country: string = DEFAULT_COUNTRY): IsoDate {
  let day = date;
  while (isNonWorkingDay(day, country)) day = addDays(day, 1);
  return day;
}

/** The last day of a period of `months` running from the day of receipt (Art 3(1), 3(2)(c) and 3(4)). */
export function periodEndOn(receivedOn: IsoDate, months: number, country: string = DEFAULT_COUNTRY): IsoDate {
  return onOrNextWorkingDay(addMonthsSameDate(receivedOn, months), country);
}

/** Art 12(3): the day by which a request received at `receivedAt` must be answered. */
export function rightsRequestDueOn(receivedAt: Date, timeZone: string = DEFAULT_TIME_ZONE, country: string = DEFAULT_COUNTRY): IsoDate {
  return periodEndOn(localDate(receivedAt, timeZone), RIGHTS_REQUEST_MONTHS, country);
}

/**
 * Art 12(3), second sentence: the due day once extended by two further months. The month and its
 * extension form one period of three months from the day of receipt, so a first end moved by
 * Art 3(4) (a weekend, a holiday) does not push the extension further.
 */
export function extendedDueOn(receivedAt: Date, timeZone: string = DEFAULT_TIME_ZONE, country: string = DEFAULT_COUNTRY): IsoDate {
  return periodEndOn(localDate(receivedAt, timeZone), RIGHTS_REQUEST_MONTHS + RIGHTS_REQUEST_EXTENSION_MONTHS, country);
}

/** Art 33(1): 72 elapsed hours after awareness; an instant, whatever the clocks do meanwhile. */
export function breachNotificationDueAt(awareAt: Date): Date {
  return new Date(awareAt.getTime() + BREACH_NOTIFICATION_HOURS * 3_600_000);
}
