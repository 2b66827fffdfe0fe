import { NEW_VENDOR_DEFAULTS, NEW_VENDOR_FIELDS, newVendorFormToBody, ZNewVendorFormSchema, type NewVendorForm } from './schemas';

function form(change: Partial<NewVendorForm> = {}): NewVendorForm {
  return { ...NEW_VENDOR_DEFAULTS, name: 'Hébergeur', ...change };
}

function errorPaths(value: NewVendorForm): string[] {
  const result = ZNewVendorFormSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}:${issue.message}`);
}

describe('ZNewVendorFormSchema', () => {
  it('accepts the defaults with a name, and requires the name', () => {
    expect(errorPaths(form())).toEqual([]);
    expect(errorPaths(form({ name: '   ' }))).toEqual(['name:validation.required']);
    expect(errorPaths(form({ name: 'x'.repeat(301) }))).toEqual(['name:validation.tooLong']);
  });

  it('checks countries, dates and lengths', () => {
    expect(errorPaths(form({ headquartersCountry: 'FRA' }))).toEqual(['headquartersCountry:validation.country']);
    expect(errorPaths(form({ parentCountry: '1' }))).toEqual(['parentCountry:validation.country']);
    expect(errorPaths(form({ dataLocations: 'FR, Germany' }))).toEqual(['dataLocations:validation.country']);
    expect(errorPaths(form({ dataLocations: Array.from({ length: 61 }, () => 'FR').join(',') }))).toEqual(['dataLocations:validation.tooMany']);
    expect(errorPaths(form({ nextReviewDate: '2027-02-30' }))).toEqual(['nextReviewDate:validation.date']);
    expect(errorPaths(form({ legalEntity: 'x'.repeat(301) }))).toEqual(['legalEntity:validation.tooLong']);
    expect(errorPaths(form({ notes: 'x'.repeat(10_001) }))).toEqual(['notes:validation.tooLong']);
  });

  it('only takes known roles and statuses (terminated is not a starting status)', () => {
    expect(errorPaths(form({ role: 'owner' as NewVendorForm['role'] }))).toHaveLength(1);
    expect(errorPaths(form({ status: 'terminated' as NewVendorForm['status'] }))).toHaveLength(1);
  });

  it('lists every form field for the server error mapping', () => {
    expect([...NEW_VENDOR_FIELDS].sort()).toEqual(Object.keys(NEW_VENDOR_DEFAULTS).sort());
  });
});

describe('newVendorFormToBody', () => {
  it('sends nulls for empty texts and empty lists', () => {
    expect(newVendorFormToBody(form({ name: '  Hébergeur  ' }))).toEqual({
      name: 'Hébergeur',
      legalEntity: null,
      service: null,
      role: 'processor',
      headquartersCountry: null,
      parentCompany: null,
      parentCountry: null,
      dataLocations: [],
      certifications: [],
      transferMechanism: null,
      status: 'under_review',
      nextReviewDate: null,
      notes: null,
    });
  });

  it('upper-cases countries, splits the lists and trims the texts', () => {
    const body = newVendorFormToBody(
      form({
        legalEntity: ' Cloud SAS ',
        service: 'Hosting',
        role: 'sub_processor',
        headquartersCountry: 'us',
        parentCompany: 'Cloud Inc.',
        parentCountry: 'US',
        dataLocations: 'fr, de;us fr',
        certifications: 'ISO 27001, SOC2; HDS',
        transferMechanism: 'scc',
        status: 'approved',
        nextReviewDate: '2027-06-30',
        notes: ' to check ',
      }),
    );
    expect(body).toEqual({
      name: 'Hébergeur',
      legalEntity: 'Cloud SAS',
      service: 'Hosting',
      role: 'sub_processor',
      headquartersCountry: 'US',
      parentCompany: 'Cloud Inc.',
      parentCountry: 'US',
      dataLocations: ['FR', 'DE', 'US'],
      certifications: ['ISO 27001', 'SOC2', 'HDS'],
      transferMechanism: 'scc',
      status: 'approved',
      nextReviewDate: '2027-06-30',
      notes: 'to check',
    });
  });
});
