import en from '@/i18n/messages/en.json';
import fr from '@/i18n/messages/fr.json';
import { createTranslator } from '@/i18n/translate';

import { dpiaQueryToApi, dpiaQueryToSearch, dpiaSortDirection, EMPTY_DPIA_QUERY, hasDpiaFilters, nextDpiaSort, parseDpiaQuery, withDpiaChange } from './dpia-query';

describe('DPIA list query', () => {
  it('parses the URL, dropping anything unknown', () => {
    expect(parseDpiaQuery({ q: ' modération ', status: 'in_progress', sort: '-nextActionDue', page: '2' })).toEqual({
      q: 'modération',
      status: 'in_progress',
      sort: '-nextActionDue',
      page: 2,
    });
    // The residual risk is not a sort the API knows; a status of another register neither.
    expect(parseDpiaQuery({ status: 'approved', sort: 'residualRisk', page: '0' })).toEqual(EMPTY_DPIA_QUERY);
  });

  it('writes the URL and the API query, round-tripping', () => {
    const query = { ...EMPTY_DPIA_QUERY, q: 'vérification des vendeurs', status: 'awaiting_dpo_opinion' as const, sort: '-activity' as const, page: 3 };
    expect(dpiaQueryToSearch(query)).toBe('?q=v%C3%A9rification+des+vendeurs&status=awaiting_dpo_opinion&sort=-activity&page=3');
    expect(parseDpiaQuery(Object.fromEntries(new URLSearchParams(dpiaQueryToSearch(query))))).toEqual(query);
    expect(dpiaQueryToApi(EMPTY_DPIA_QUERY)).toBe('page=1&pageSize=50');
    expect(dpiaQueryToSearch(EMPTY_DPIA_QUERY)).toBe('');
  });

  it('knows when a filter narrows the list, a change goes back to page 1, and sorts by reference by default', () => {
    expect(hasDpiaFilters({ ...EMPTY_DPIA_QUERY, sort: 'status', page: 4 })).toBe(false);
    expect(hasDpiaFilters({ ...EMPTY_DPIA_QUERY, status: 'refused' })).toBe(true);
    expect(withDpiaChange({ ...EMPTY_DPIA_QUERY, page: 4 }, { q: 'paie' })).toMatchObject({ page: 1, q: 'paie' });
    expect(dpiaSortDirection('', 'activity')).toBe('ascending');
    expect(nextDpiaSort('activity', 'activity')).toBe('-activity');
    expect(dpiaSortDirection('-activity', 'activity')).toBe('descending');
  });

  it('counts the DPIAs in words in both languages', () => {
    const tFr = createTranslator(fr, 'fr');
    const tEn = createTranslator(en, 'en');
    expect([0, 1, 2].map((total) => tFr('dpias.list.total', { total }))).toEqual(['Aucune analyse d’impact', '1 analyse d’impact', '2 analyses d’impact']);
    expect([0, 1, 2].map((total) => tEn('dpias.list.total', { total }))).toEqual(['No DPIA', '1 DPIA', '2 DPIAs']);
  });
});
