import { canonicalJson, diffFields } from './field-diff';

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
