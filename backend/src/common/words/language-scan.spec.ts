import { scanLanguage } from './language-scan';

const kinds = (text: string) => scanLanguage('test', [text]).map((problem) => `${problem.kind}: ${problem.found}`);

describe('language scan detectors', () => {
  it('catch what reached users before (issue 16)', () => {
    expect(kinds('T-0011 : le transfert vers US (Sondages Express Inc.) n’a pas d’outil')).toEqual(['bare country code: US']);
    expect(kinds('T-0003 : la catégorie de données 3 (connection) n’a pas de durée')).toEqual(['catalogue code quoted as a value: (connection)']);
    expect(kinds('Les données sensibles « biometric » exigent une condition')).toEqual(['catalogue code quoted as a value: « biometric »']);
    expect(kinds('Données : « professional_life »')).toContain('snake_case code: professional_life');
    expect(kinds('État civil : P5Y + P45Y')).toEqual(['ISO duration: P5Y', 'ISO duration: P45Y']);
    expect(kinds('purposes[0].legitimateInterestAssessment.balancing — → —')).toContain('field path: purposes[0].legitimateInterestAssessment.balancing');
    expect(kinds('« owner » : « 3f1c2a4e-8b7d-4c1e-9a2b-5d6e7f8a9b0c » n’est pas membre')).toEqual(['UUID: 3f1c2a4e-8b7d-4c1e-9a2b-5d6e7f8a9b0c']);
    expect(kinds('Créée le 2026-12-02T02:30:49.505Z')).toEqual(['ISO date or instant: 2026-12-02T02:30:49.505Z']);
    expect(kinds('Modifié : {"status":"draft"}')).toEqual(['JSON: {"status":']);
    expect(kinds('voir dpiaScreening')).toEqual(['camelCase identifier: dpiaScreening']);
  });

  it('let plain words through', () => {
    expect(kinds('T-0003 : les données « Données de connexion » n’ont pas de durée de conservation, vers les États-Unis, 5 ans, puis 45 ans en archive.')).toEqual([]);
    expect(kinds('The data "Connection data" have no retention period: 5 years, then 45 years archived, to the United States (SCC, BCR, DPO, CNIL).')).toEqual([]);
  });
});
