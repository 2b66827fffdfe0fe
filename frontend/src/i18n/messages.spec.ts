import en from './messages/en.json';
import fr from './messages/fr.json';

/** Flattens a catalogue to `dotted.key → value`, keeping non-string leaves so that they can be reported. */
function flatten(node: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (typeof node === 'object' && node !== null && !Array.isArray(node)) {
    for (const [key, value] of Object.entries(node)) flatten(value, prefix ? `${prefix}.${key}` : key, out);
  } else {
    out.set(prefix, node);
  }
  return out;
}

const catalogues = { fr: flatten(fr), en: flatten(en) };
/** The variables a message reads: `{name}` and the `count` of `{count, plural, one {…} other {…}}`. */
const placeholders = (value: unknown) =>
  typeof value === 'string' ? [...new Set([...value.matchAll(/\{(\w+)(?:\}|\s*,\s*plural\s*,)/g)].map((m) => m[1]))].sort() : [];

describe('message catalogues', () => {
  it('have the same keys in French and English', () => {
    const frKeys = [...catalogues.fr.keys()];
    const enKeys = [...catalogues.en.keys()];
    expect({ missingInEnglish: frKeys.filter((key) => !catalogues.en.has(key)) }).toEqual({ missingInEnglish: [] });
    expect({ missingInFrench: enKeys.filter((key) => !catalogues.fr.has(key)) }).toEqual({ missingInFrench: [] });
  });

  it.each(Object.entries(catalogues))('%s has only non-empty strings', (_locale, messages) => {
    const bad = [...messages.entries()]
      .filter(([, value]) => typeof value !== 'string' || value.trim() === '')
      .map(([key]) => key);
    expect(bad).toEqual([]);
  });

  it('use the same {placeholders} in both languages', () => {
    const mismatched = [...catalogues.fr.entries()]
      .filter(([key, value]) => placeholders(value).join() !== placeholders(catalogues.en.get(key)).join())
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });

  it('reports a key present in one catalogue only (self-check of the comparison)', () => {
    const a = flatten({ x: { y: 'a', z: 'b' } });
    const b = flatten({ x: { y: 'a' } });
    expect([...a.keys()].filter((key) => !b.has(key))).toEqual(['x.z']);
  });
});
