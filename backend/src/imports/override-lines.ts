import { LOCALES, translate } from '../common/i18n/i18n';
import { OVERRIDABLE_BLOCKER_CODES, type ValidationOverride } from '../domain/activities/activity-rules';

/** The two halves of `exports.validation_override_line` around its blocker, per locale (« Validé malgré : », « — motif : »). */
const SHAPES = LOCALES.map((locale) => {
  const [before, rest] = translate(locale, 'exports.validation_override_line', { blocker: '\u0000', reason: '\u0001' }).split('\u0000');
  const [between] = rest.split('\u0001');
  const blockers = new Map<string, ValidationOverride['code']>();
  for (const code of OVERRIDABLE_BLOCKER_CODES) {
    blockers.set(normalise(translate(locale, `exports.override_blocker_${code}`)), code);
    blockers.set(code, code);
  }
  return { before: normalise(before), between: normalise(between), blockers };
});

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * The DPO's overrides as the export writes them, one per line (« Validé malgré : un sous-traitant sans
 * contrat signé — motif : … », or in English): read back by the import. A line that does not open an
 * override continues the previous reason (a reason may span lines). `unreadable` is the first line that
 * cannot be read, for the report.
 */
export function readOverrideLines(text: string | null): { overrides: ValidationOverride[]; unreadable: string | null } {
  const overrides: ValidationOverride[] = [];
  for (const line of (text ?? '').split('\n')) {
    if (line.trim() === '') continue;
    const parsed = parseLine(line);
    if (parsed) overrides.push(parsed);
    else if (overrides.length > 0 && !SHAPES.some((shape) => normalise(line).startsWith(shape.before))) overrides[overrides.length - 1].reason += `\n${line.trimEnd()}`;
    else return { overrides, unreadable: line.trim() };
  }
  return { overrides, unreadable: null };
}

function parseLine(line: string): ValidationOverride | null {
  const words = normalise(line);
  for (const shape of SHAPES) {
    if (!words.startsWith(shape.before)) continue;
    const rest = words.slice(shape.before.length);
    const at = rest.indexOf(shape.between);
    if (at < 0) continue;
    const code = shape.blockers.get(rest.slice(0, at).trim());
    if (!code) continue;
    // The reason as written (case and inner spacing kept): what follows the separator in the original line.
    const separator = new RegExp(shape.between.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+') + '\\s*', 'i');
    const match = separator.exec(line);
    const reason = match ? line.slice(match.index + match[0].length).trim() : '';
    if (reason === '') continue;
    return { code, reason };
  }
  return null;
}
