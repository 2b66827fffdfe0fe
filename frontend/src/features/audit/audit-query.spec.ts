import { auditEventsSearch, auditQueryToSearch, formatChangeValue, parseAuditQuery } from './audit-query';

describe('audit query', () => {
  it('keeps only well-formed filters and writes them back', () => {
    const query = parseAuditQuery({ entityType: 'Activity', action: 'update', actorUserId: 'not-a-uuid', from: '2026-01-01', to: '2026-13', page: '2' });
    expect(query).toEqual({ entityType: 'Activity', action: 'update', actorUserId: '', from: '2026-01-01', to: '', page: 2 });
    expect(auditQueryToSearch(query)).toBe('?entityType=Activity&action=update&from=2026-01-01&page=2');
    expect(auditEventsSearch(query)).toBe('entityType=Activity&action=update&from=2026-01-01&page=2&pageSize=50');
  });

  it('formats change values for reading', () => {
    expect(formatChangeValue(null, 'Oui', 'Non')).toBe('—');
    expect(formatChangeValue(true, 'Oui', 'Non')).toBe('Oui');
    expect(formatChangeValue(['a'], 'Oui', 'Non')).toBe('["a"]');
    expect(formatChangeValue([], 'Oui', 'Non')).toBe('—');
    expect(formatChangeValue('Paie', 'Oui', 'Non')).toBe('Paie');
  });
});
