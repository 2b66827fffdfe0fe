import { vendorEditDefaults, vendorEditToPatch, ZVendorEditFormSchema } from './schemas';
import type { Vendor } from './types';

/** A vendor proposed by a design grid for a US provider, before the DPO completes its record. */
const proposed = {
  name: 'Cartographie Globale Inc.',
  legalEntity: null,
  service: null,
  role: 'processor',
  headquartersCountry: 'US',
  parentCompany: null,
  parentCountry: null,
  dataLocations: ['US'],
  certifications: [],
  transferMechanism: null,
  tia: { date: null, conclusion: null, documentId: null },
  nextReviewDate: null,
  notes: null,
  contacts: [],
  version: 3,
} as Pick<
  Vendor,
  'name' | 'legalEntity' | 'service' | 'role' | 'headquartersCountry' | 'parentCompany' | 'parentCountry' | 'dataLocations' | 'certifications' | 'transferMechanism' | 'tia' | 'nextReviewDate' | 'notes' | 'contacts' | 'version'
>;

function issues(form: unknown): [string, string][] {
  const result = ZVendorEditFormSchema.safeParse(form);
  return result.success ? [] : result.error.issues.map((issue) => [issue.path.join('.'), issue.message]);
}

describe('the vendor record form', () => {
  it('sends only what changed, with the version read and the note', () => {
    const form = vendorEditDefaults(proposed);
    expect(vendorEditToPatch(form, proposed)).toBeNull();

    form.legalEntity = '  Cartographie Globale Incorporated ';
    form.parentCompany = 'Géo Holding « Monde »';
    form.parentCountry = 'US';
    form.dataLocations = [{ country: 'US' }, { country: 'IE' }, { country: 'US' }];
    form.transferMechanism = 'scc';
    form.certifications = 'ISO27001, EU-US DPF, ';
    form.comment = 'Fiche complétée après l’appel d’offres';
    expect(vendorEditToPatch(form, proposed)).toEqual({
      version: 3,
      legalEntity: 'Cartographie Globale Incorporated',
      parentCompany: 'Géo Holding « Monde »',
      parentCountry: 'US',
      dataLocations: ['US', 'IE'],
      certifications: ['ISO27001', 'EU-US DPF'],
      transferMechanism: 'scc',
      comment: 'Fiche complétée après l’appel d’offres',
    });
  });

  it('clears a field to null and changes the headquarters', () => {
    const form = vendorEditDefaults({ ...proposed, notes: 'Contact : Léa Dupré' });
    form.notes = '   ';
    form.headquartersCountry = 'FR';
    expect(vendorEditToPatch(form, { ...proposed, notes: 'Contact : Léa Dupré' })).toEqual({ version: 3, notes: null, headquartersCountry: 'FR', comment: null });
  });

  it('refuses an empty name, a data location left unpicked and a malformed date, each on its field', () => {
    const form = { ...vendorEditDefaults(proposed), name: '  ', dataLocations: [{ country: 'US' }, { country: '' }], nextReviewDate: '2027-13-40' };
    expect(issues(form)).toEqual([
      ['name', 'validation.required'],
      ['dataLocations.1.country', 'validation.required'],
      ['nextReviewDate', 'validation.date'],
    ]);
    expect(issues(vendorEditDefaults(proposed))).toEqual([]);
  });

  it('records the TIA’s date and conclusion, keeping its attached document', () => {
    const withTia = { ...proposed, tia: { date: null, conclusion: null, documentId: '0b7c2f4e-5d1a-4c3b-9e8f-1a2b3c4d5e6f' } };
    const form = vendorEditDefaults(withTia);
    form.tiaDate = '2026-11-30';
    form.tiaConclusion = 'Chiffrement côté client : risque d’accès « FISA 702 » maîtrisé';
    expect(vendorEditToPatch(form, withTia)).toEqual({
      version: 3,
      tia: { date: '2026-11-30', conclusion: 'Chiffrement côté client : risque d’accès « FISA 702 » maîtrisé', documentId: '0b7c2f4e-5d1a-4c3b-9e8f-1a2b3c4d5e6f' },
      comment: null,
    });
  });

  it('edits the contacts: rows trimmed, an empty e-mail or telephone as null, the list sent whole and only when it changed', () => {
    // The server's JSON may order a contact's keys otherwise: that is not a change.
    const dpo = { name: 'Hélène Lefèvre', role: 'Délégué à la protection des données', phone: '+33 1 23 45 67 89', email: 'dpo@cartographie.example' };
    const withContact = { ...proposed, contacts: [dpo] };
    const form = vendorEditDefaults(withContact);
    expect(form.contacts).toEqual([{ role: dpo.role, name: dpo.name, email: dpo.email, phone: dpo.phone }]);
    expect(vendorEditToPatch(form, withContact)).toBeNull();

    form.contacts.push({ role: ' Contact « sécurité » ', name: ' Jérôme Bâtard ', email: ' ', phone: '' });
    expect(vendorEditToPatch(form, withContact)).toEqual({
      version: 3,
      contacts: [
        { role: dpo.role, name: dpo.name, email: dpo.email, phone: dpo.phone },
        { role: 'Contact « sécurité »', name: 'Jérôme Bâtard', email: null, phone: null },
      ],
      comment: null,
    });
    form.contacts = [];
    expect(vendorEditToPatch(form, withContact)).toEqual({ version: 3, contacts: [], comment: null });
  });

  it('checks a contact as the API does: role and name required, a real e-mail address, a telephone number', () => {
    const contact = (overrides: Record<string, string>) => ({ ...vendorEditDefaults(proposed), contacts: [{ role: 'DPO', name: 'Léa Dupré', email: '', phone: '', ...overrides }] });
    expect(issues(contact({}))).toEqual([]);
    expect(issues(contact({ email: 'lea.dupre@exemple.fr', phone: '+33 (0)1 23 45 67 89' }))).toEqual([]);
    expect(issues(contact({ role: ' ', name: '', email: 'léa(at)exemple', phone: 'standard' }))).toEqual([
      ['contacts.0.role', 'validation.required'],
      ['contacts.0.name', 'validation.required'],
      ['contacts.0.email', 'validation.email'],
      ['contacts.0.phone', 'validation.phone'],
    ]);
    expect(issues(contact({ phone: '+33 9' }))).toEqual([['contacts.0.phone', 'validation.phone']]);
  });
});
