import en from '@/i18n/messages/en.json';
import fr from '@/i18n/messages/fr.json';
import { createTranslator } from '@/i18n/translate';

import { templateGapsInWords } from './template-gaps';

describe('what a template leaves to the organisation, in words', () => {
  it('names the information, the rights and counts the retentions, never a field path', () => {
    const gaps = ['dataSubjectInformation', 'rightsProcedure', 'dataCategories[0].retention', 'dataCategories[2].retention'];
    expect(templateGapsInWords(gaps, createTranslator(fr))).toBe('l’information des personnes, l’exercice des droits, 2 durées de conservation');
    expect(templateGapsInWords(gaps.slice(0, 3), createTranslator(en))).toBe('how people are informed, how they exercise their rights, 1 retention period');
    expect(templateGapsInWords(['rightsProcedure'], createTranslator(en))).toBe('how they exercise their rights');
  });

  it('counts what else an organisation’s own template leaves, without naming a path', () => {
    const gaps = ['purposes[0].legalBasis', 'dataCategories[1].minimisationJustification', 'rightsProcedure'];
    expect(templateGapsInWords(gaps, createTranslator(fr))).toBe('l’exercice des droits, 2 autres points');
    expect(templateGapsInWords(gaps.slice(0, 1), createTranslator(en))).toBe('1 other item');
  });
});
