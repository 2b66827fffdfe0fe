/**
 * Wall-clock times in the organisation's time zone (Europe/Paris by default), whatever the browser's:
 * a DPO types "2 December, 10:30" as read on the letter's stamp, and the API stores the instant.
 * Pure (Intl only), so both directions are table-tested across both clock changes.
 */
const FORMATTERS = new Map<string, Intl.DateTimeFormat>();

function parts(instant: number, timeZone: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number> {
  let format = FORMATTERS.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    FORMATTERS.set(timeZone, format);
  }
  const values = Object.fromEntries(format.formatToParts(new Date(instant)).filter((part) => part.type !== 'literal').map((part) => [part.type, Number(part.value)]));
  return values as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number>;
}

/** The zone's offset from UTC at `instant`, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const p = parts(instant, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(instant / 1000) * 1000;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * `2026-12-02T10:30` read in `timeZone` → the ISO instant. A time skipped by the spring clock change
 * reads as the same wall time after the change; a repeated autumn hour reads as its first occurrence.
 * Null when the text is not a `datetime-local` value.
 */
export function zonedInstant(local: string, timeZone: string): string | null {
  const match = LOCAL.exec(local);
  if (!match) return null;
  const [, year, month, day, hour, minute] = match.map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  if (Number.isNaN(wall)) return null;
  // Two passes settle the offset on either side of a clock change.
  const first = wall - offsetAt(wall - offsetAt(wall, timeZone), timeZone);
  const earlier = wall - offsetAt(first - 3_600_000, timeZone);
  const candidate = parts(earlier, timeZone).hour === hour && earlier < first ? earlier : first;
  return new Date(candidate).toISOString();
}

/** An instant → the `datetime-local` value it reads as in `timeZone` (minutes). */
export function zonedLocal(instant: string | Date, timeZone: string): string {
  const p = parts(new Date(instant).getTime(), timeZone);
  const two = (value: number) => String(value).padStart(2, '0');
  return `${String(p.year)}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}`;
}
