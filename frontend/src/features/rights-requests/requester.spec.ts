import { createTranslator } from '@/i18n/translate';
import fr from '@/i18n/messages/fr.json';
import en from '@/i18n/messages/en.json';

import { requesterInWords } from './requester';

describe('requesterInWords', () => {
  it('shows the name while it is kept', () => {
    expect(requesterInWords({ requesterName: 'Hélène Lefèvre-Châtelain', identityErasedAt: null }, createTranslator(fr), 'fr')).toBe('Hélène Lefèvre-Châtelain');
  });

  it('says in the reader’s language that the identity was removed, and when (day at Paris time)', () => {
    const erased = { requesterName: 'Identité effacée le 3 décembre 2026', identityErasedAt: '2026-12-02T23:30:00.000Z' };
    expect(requesterInWords(erased, createTranslator(fr), 'fr')).toBe('Identité effacée le 3 décembre 2026');
    expect(requesterInWords(erased, createTranslator(en, 'en'), 'en')).toBe('Identity removed on 3 December 2026');
  });
});
