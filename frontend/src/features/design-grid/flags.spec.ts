import { EMPTY_CATALOGUES } from '@/features/activities/catalogue';
import type { ActivityCatalogues, CatalogueItem } from '@/features/activities/types';
import en from '@/i18n/messages/en.json';
import fr from '@/i18n/messages/fr.json';
import { createTranslator } from '@/i18n/translate';

import { criterionText, flagText } from './flags';

const item = (code: string, label: string): CatalogueItem => ({ code, fr: label, en: label, help: null, custom: false });
const catalogues: ActivityCatalogues = {
  ...EMPTY_CATALOGUES,
  'data-categories': [item('location', 'Location data'), item('health', 'Health data')],
  'data-subject-categories': [item('minors', 'Minors')],
  'dpia-criteria': [item('sensitive_or_highly_personal_data', 'Sensitive or highly personal data'), item('large_scale', 'Large-scale processing')],
};
const t = createTranslator(en);

describe('design grid flags in plain words', () => {
  it('names the data, the providers and the criteria in the user’s language', () => {
    expect(flagText({ code: 'special_categories', question: 'data', items: ['health'] }, t, catalogues, 'en')).toBe('Special categories of data (Article 9) or criminal data: Health data');
    expect(flagText({ code: 'transfer_without_safeguards', question: 'data', items: ['Cartes Inc. (US)'] }, t, catalogues, 'en')).toBe('Transfer outside the EEA without safeguards: Cartes Inc. (United States)');
    expect(flagText({ code: 'dpia_required', question: 'data', items: ['large_scale', 'sensitive_or_highly_personal_data'] }, t, catalogues, 'en')).toBe('DPIA likely required: 2 EDPB criteria met');
    expect(flagText({ code: 'rights_missing', question: 'rights', items: [] }, t, catalogues, 'en')).toBe('How people exercise their rights is not described');
    // "I don't know yet" on retention is to decide with the DPO, never a retention without end.
    expect(flagText({ code: 'retention_to_decide', question: 'retention', items: ['location'] }, t, catalogues, 'en')).toBe('Retention to decide with the DPO: Location data');
    expect(flagText({ code: 'retention_to_decide', question: 'retention', items: ['location'] }, createTranslator(fr), catalogues, 'fr')).toBe('Conservation à décider avec le DPO : Location data');
    expect(criterionText({ code: 'sensitive_or_highly_personal_data', because: ['location'] }, t, catalogues, 'en')).toBe('Sensitive or highly personal data — because of: Location data');
    expect(criterionText({ code: 'large_scale', because: ['large_scale', 'systematic_monitoring'] }, t, catalogues, 'en')).toBe(
      'Large-scale processing — because of: large scale, It monitors people systematically (tracking, video, activity logs)',
    );
  });
});
