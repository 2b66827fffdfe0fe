import { LARGE_SCALE_PERSONS_RANGE } from '@domain/activities/screening-criteria';

import en from '@/i18n/messages/en.json';
import fr from '@/i18n/messages/fr.json';
import type { Organization } from '@/lib/api-types';

import { formToOrganizationPatch, formToProfilePatch, largeScalePersons, organizationToForm, ZOrganizationSettingsSchema } from './schemas';

const organization: Organization = {
  id: 'o1',
  name: 'Démo',
  legalName: 'Démo SAS',
  registrationNumber: null,
  address: '1 rue de la Paix\n75002 Paris',
  country: 'fr',
  legalRepresentative: null,
  dpoName: 'Dora Pô',
  dpoEmail: 'dpo@example.com',
  dpoPhone: null,
  dpoDesignationNumber: 'DPO-84213',
  euRepresentativeName: null,
  euRepresentativeAddress: null,
  euRepresentativeEmail: null,
  publicBody: true,
  sector: 'local_authority',
  requesterIdentityRetentionMonths: 60,
  largeScalePersons: 25_000,
  version: 7,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-02T00:00:00.000Z',
};

describe('organisation settings conversion', () => {
  it('shows nulls as empty fields and upper-cases the country', () => {
    const form = organizationToForm(organization);
    expect(form.registrationNumber).toBe('');
    expect(form.country).toBe('FR');
    expect(form.address).toBe('1 rue de la Paix\n75002 Paris');
  });

  it('sends empty fields as null, with the version the edit started from', () => {
    const form = { ...organizationToForm(organization), legalName: '  ', dpoPhone: ' 01 02 03 04 05 ' };
    expect(formToOrganizationPatch(form, organization.version)).toEqual({
      name: 'Démo',
      legalName: null,
      registrationNumber: null,
      address: '1 rue de la Paix\n75002 Paris',
      country: 'FR',
      legalRepresentative: null,
      dpoName: 'Dora Pô',
      dpoEmail: 'dpo@example.com',
      dpoPhone: '01 02 03 04 05',
      dpoDesignationNumber: 'DPO-84213',
      euRepresentativeName: null,
      euRepresentativeAddress: null,
      euRepresentativeEmail: null,
      publicBody: true,
      sector: 'local_authority',
      requesterIdentityRetentionMonths: 60,
      largeScalePersons: 25_000,
      version: 7,
    });
  });

  it('reads and sends the profile: public authority or private body, sector or none; the DPO sends only that and the DPO contact block', () => {
    const form = organizationToForm(organization);
    expect(form).toMatchObject({ bodyType: 'public', sector: 'local_authority' });
    const privateBody = { ...form, bodyType: 'private' as const, sector: '' as const };
    expect(formToOrganizationPatch(privateBody, 7)).toMatchObject({ publicBody: false, sector: null });
    expect(formToProfilePatch(privateBody, 7)).toEqual({
      publicBody: false,
      sector: null,
      requesterIdentityRetentionMonths: 60,
      largeScalePersons: 25_000,
      dpoName: 'Dora Pô',
      dpoEmail: 'dpo@example.com',
      dpoPhone: null,
      dpoDesignationNumber: 'DPO-84213',
      version: 7,
    });
    expect(ZOrganizationSettingsSchema.safeParse({ ...form, sector: 'mairie' }).success).toBe(false);
  });
});

describe('ZOrganizationSettingsSchema', () => {
  const valid = organizationToForm(organization);

  it('accepts an organisation as loaded', () => {
    expect(ZOrganizationSettingsSchema.safeParse(valid).success).toBe(true);
  });

  it('keeps requesters’ identity a whole number of months between 1 and 120, sent as a number', () => {
    const months = (value: string) => ZOrganizationSettingsSchema.safeParse({ ...valid, requesterIdentityRetentionMonths: value });
    expect(valid.requesterIdentityRetentionMonths).toBe('60');
    for (const ok of ['1', ' 36 ', '120']) expect(months(ok).success).toBe(true);
    for (const bad of ['', '0', '121', '12,5', 'trois ans', '-1']) {
      const result = months(bad);
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toContainEqual(['requesterIdentityRetentionMonths', 'organizationSettings.retentionMonthsRange']);
    }
    expect(formToOrganizationPatch({ ...valid, requesterIdentityRetentionMonths: ' 36 ' }, 7).requesterIdentityRetentionMonths).toBe(36);
  });

  it('keeps the large-scale threshold a whole number of persons within the domain’s bounds, written as people write it, sent as a number', () => {
    const threshold = (value: string) => ZOrganizationSettingsSchema.safeParse({ ...valid, largeScalePersons: value });
    expect(valid.largeScalePersons).toBe('25000');
    const { min, max } = LARGE_SCALE_PERSONS_RANGE;
    for (const ok of [String(min), String(max), '50000', ' 50 000 ', '50\u202f000', '50\u00a0000', '50,000', '1.500.000']) expect({ ok, success: threshold(ok).success }).toEqual({ ok, success: true });
    for (const bad of ['', String(min - 1), String(max + 1), '12,5', '1,50', '50 000,5', 'cinquante mille', '-500', '5e4', '1000000000']) {
      const result = threshold(bad);
      expect({ bad, issues: result.error?.issues.map((issue) => [issue.path.join('.'), issue.message]) }).toEqual({ bad, issues: [['largeScalePersons', 'organizationSettings.largeScalePersonsRange']] });
    }
    expect(formToOrganizationPatch({ ...valid, largeScalePersons: ' 50 000 ' }, 7).largeScalePersons).toBe(50_000);
    expect(formToProfilePatch({ ...valid, largeScalePersons: '1,000,000' }, 7).largeScalePersons).toBe(1_000_000);
    expect(largeScalePersons('12,5')).toBeNull();
    // Shown the way each language writes it, and read back as the same figure.
    for (const locale of ['fr', 'en'] as const) {
      const shown = organizationToForm({ ...organization, largeScalePersons: 1_250_000 }, locale).largeScalePersons;
      expect({ locale, shown, persons: largeScalePersons(shown) }).toEqual({ locale, shown: locale === 'fr' ? '1\u202f250\u202f000' : '1,250,000', persons: 1_250_000 });
    }
  });

  it('states the threshold’s bounds in its error message as the domain sets them, written each language’s way', () => {
    const { min, max } = LARGE_SCALE_PERSONS_RANGE;
    expect(fr.organizationSettings.largeScalePersonsRange).toContain(`${new Intl.NumberFormat('fr').format(min)} et ${new Intl.NumberFormat('fr').format(max)}`);
    expect(en.organizationSettings.largeScalePersonsRange).toContain(`${new Intl.NumberFormat('en').format(min)} and ${new Intl.NumberFormat('en').format(max)}`);
  });

  it('checks the DPO’s phone as the API does', () => {
    for (const phone of ['', '+33 1 23 45 67 89', '01.23.45.67.89', '+33 (0)1 23 45 67 89']) expect({ phone, ok: ZOrganizationSettingsSchema.safeParse({ ...valid, dpoPhone: phone }).success }).toEqual({ phone, ok: true });
    for (const phone of ['appelez-moi', '+33 9', '0123456789012345678901']) {
      const result = ZOrganizationSettingsSchema.safeParse({ ...valid, dpoPhone: phone });
      expect({ phone, issues: result.error?.issues.map((issue) => issue.message) }).toEqual({ phone, issues: ['validation.phone'] });
    }
  });

  it('gives catalogue keys as messages', () => {
    const result = ZOrganizationSettingsSchema.safeParse({ ...valid, name: ' ', dpoEmail: 'not-an-email', country: 'France' });
    expect(result.success).toBe(false);
    const byPath = Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]));
    expect(byPath).toEqual({ name: 'validation.required', dpoEmail: 'validation.email', country: 'validation.country' });
  });

  it('allows the optional e-mails to stay empty', () => {
    expect(ZOrganizationSettingsSchema.safeParse({ ...valid, dpoEmail: '', euRepresentativeEmail: '' }).success).toBe(true);
  });
});
