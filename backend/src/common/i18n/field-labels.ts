import { catalogues, type Locale } from './i18n';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (text: string): boolean => UUID.test(text);

/** `dataCategories[2].retention.activePeriod` → [{ name: 'dataCategories', index: 2 }, { name: 'retention' }, …]. */
interface Segment {
  name: string;
  index: number | null;
}

function segmentsOf(path: string): Segment[] {
  return path
    .split('.')
    .filter(Boolean)
    .flatMap((part): Segment[] => {
      const match = /^([^[]*)((?:\[\d+\])*)$/.exec(part);
      if (!match) return [{ name: part, index: null }];
      const indexes = [...(match[2] ?? '').matchAll(/\[(\d+)\]/g)].map((found) => Number(found[1]));
      const head = { name: match[1] ?? '', index: indexes[0] ?? null };
      return head.name ? [head] : indexes.map((index) => ({ name: '', index }));
    });
}

/** "legitimateInterestAssessment" → "legitimate interest assessment": the last resort, never a bare code. */
const humanise = (name: string) => name.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase();

/**
 * The label a user reads for an API field path, in `locale`: « Finalité 2 › Base légale »,
 * "Data category 1 › Kept in the active base". Each list item on the way is named with its position
 * (counted from 1); the field itself by its most specific label (`dataCategories/category` before
 * `category`). Labels live in the `fields` namespace of the server catalogues.
 */
export function fieldLabel(path: string, locale: Locale): string {
  const labels = catalogues[locale].fields ?? {};
  const segments = segmentsOf(path);
  if (segments.length === 0) return labels._field ?? '';
  const parts: string[] = [];
  segments.forEach((segment, position) => {
    const last = position === segments.length - 1;
    const parent = segments[position - 1]?.name;
    if (segment.index !== null) {
      const item = labels[`${segment.name}[]`];
      parts.push(item ? item.replace('{position}', String(segment.index + 1)) : `${labels[segment.name] ?? humanise(segment.name)} ${String(segment.index + 1)}`);
      return;
    }
    if (!last) return;
    parts.push((parent && labels[`${parent}/${segment.name}`]) ?? labels[segment.name] ?? humanise(segment.name));
  });
  // A path ending on a list item (`processors[1]`) is named by the item alone.
  return parts.join(' › ');
}
