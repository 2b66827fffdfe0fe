import { canonicalJson, diffFields, flattenFields } from './field-diff';

describe('diffFields', () => {
  it('lists only the fields whose value changed, ignoring key order inside values', () => {
    const before = { name: 'Paie', tags: { b: 1, a: 2 }, version: 1, dpoEmail: null };
    const after = { name: 'Paie et RH', tags: { a: 2, b: 1 }, version: 2, dpoEmail: 'dpo@example.com' };
    expect(diffFields(before, after, ['version'])).toEqual({
      dpoEmail: { before: null, after: 'dpo@example.com' },
      name: { before: 'Paie', after: 'Paie et RH' },
    });
  });

  it('records every field of a created or deleted record', () => {
    expect(diffFields(null, { name: 'RH' })).toEqual({ name: { before: null, after: 'RH' } });
    expect(diffFields({ name: 'RH' }, null)).toEqual({ name: { before: 'RH', after: null } });
  });
});

describe('canonicalJson', () => {
  it('is independent of key order and renders dates as ISO strings', () => {
    expect(canonicalJson({ b: [1, { d: 1, c: 2 }], a: new Date('2026-01-02T03:04:05Z') })).toBe('{"a":"2026-01-02T03:04:05.000Z","b":[1,{"c":2,"d":1}]}');
  });
});

describe('flattenFields', () => {
  it('turns nested lists and objects into field paths, keeping empty ones as values', () => {
    expect(flattenFields({ name: 'Paie', purposes: [{ legalBasis: 'contract', lia: null }], tags: [], meta: {} })).toEqual({
      name: 'Paie',
      'purposes[0].legalBasis': 'contract',
      'purposes[0].lia': null,
      tags: [],
      meta: {},
    });
  });

  it('lets diffFields name the very field that changed inside a list', () => {
    const before = flattenFields({ purposes: [{ description: 'Paie', legalBasis: null }, { description: 'DSN', legalBasis: 'legal_obligation' }] });
    const after = flattenFields({ purposes: [{ description: 'Paie', legalBasis: 'contract' }] });
    expect(diffFields(before, after)).toEqual({
      'purposes[0].legalBasis': { before: null, after: 'contract' },
      'purposes[1].description': { before: 'DSN', after: null },
      'purposes[1].legalBasis': { before: 'legal_obligation', after: null },
    });
  });
});
