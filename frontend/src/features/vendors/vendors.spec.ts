import { ApiError } from '@/lib/api-error';
import fr from '@/i18n/messages/fr.json';
import { createTranslator } from '@/i18n/translate';

import { concernsOf, describeReason } from './reasons';
import { dpaFormDefaults, dpaFormToPatch, reviewFormDefaults, reviewFormToBody, splitList, ZDpaFormSchema, ZReviewFormSchema, type ReviewForm } from './schemas';
import { EMPTY_VENDOR_QUERY, hasVendorFilters, parseVendorQuery, vendorQueryToApi, vendorQueryToSearch, withVendorChange } from './vendor-query';

describe('vendor query', () => {
  it('parses the URL, dropping anything unknown', () => {
    expect(parseVendorQuery({ q: ' verif ', status: 'approved', role: 'nope', country: 'us', dpaMissing: 'true', exposed: 'yes', sort: '-name', page: '3' })).toEqual({
      ...EMPTY_VENDOR_QUERY,
      q: 'verif',
      status: 'approved',
      country: 'US',
      dpaMissing: true,
      sort: '-name',
      page: 3,
    });
    expect(parseVendorQuery({ status: 'bogus', sort: 'bogus', page: '-1', country: 'USA' })).toEqual(EMPTY_VENDOR_QUERY);
  });

  it('writes the URL and the API query, round-tripping', () => {
    const query = { ...EMPTY_VENDOR_QUERY, q: 'cloud', needsMechanism: true, reviewOverdue: true, page: 2 };
    expect(vendorQueryToSearch(query)).toBe('?q=cloud&needsMechanism=true&reviewOverdue=true&page=2');
    expect(parseVendorQuery(Object.fromEntries(new URLSearchParams(vendorQueryToSearch(query))))).toEqual(query);
    expect(vendorQueryToApi(EMPTY_VENDOR_QUERY)).toBe('page=1&pageSize=50');
    expect(vendorQueryToSearch(EMPTY_VENDOR_QUERY)).toBe('');
  });

  it('knows when a filter narrows the list, and a change goes back to page 1', () => {
    expect(hasVendorFilters({ ...EMPTY_VENDOR_QUERY, sort: 'status', page: 4 })).toBe(false);
    expect(hasVendorFilters({ ...EMPTY_VENDOR_QUERY, exposed: true })).toBe(true);
    expect(withVendorChange({ ...EMPTY_VENDOR_QUERY, page: 4 }, { status: 'restricted' })).toMatchObject({ page: 1, status: 'restricted' });
  });
});

describe('review form', () => {
  const vendor = { certifications: ['HDS'], dataLocations: ['FR'], lastReview: null, nextReviewDate: null, status: 'under_review' as const };

  it('starts from the vendor record', () => {
    expect(reviewFormDefaults(vendor)).toMatchObject({ certifications: 'HDS', dataLocations: 'FR', result: 'under_review', certificationsVerified: '' });
    expect(reviewFormDefaults({ ...vendor, status: 'terminated' }).result).toBe('under_review');
  });

  it('converts the answers to the API body', () => {
    const form: ReviewForm = {
      ...reviewFormDefaults(vendor),
      certifications: 'ISO 27001, HDS',
      certificationsVerified: 'yes',
      dataLocations: 'fr, de',
      subProcessorsListed: 'no',
      subProcessorChangeNotice: 'prior_notice',
      breachNotificationDelayHours: ' 24 ',
      endOfContract: 'return_then_delete',
      securityMeasures: '  ',
      result: 'approved',
      nextReviewDate: '2027-11-20',
    };
    expect(reviewFormToBody(form, 3)).toEqual({
      version: 3,
      answers: {
        certifications: ['ISO 27001', 'HDS'],
        certificationsVerified: true,
        dataLocations: ['FR', 'DE'],
        subProcessorsListed: false,
        subProcessorChangeNotice: 'prior_notice',
        breachNotificationCommitment: null,
        breachNotificationDelayHours: 24,
        endOfContract: 'return_then_delete',
        auditRights: null,
        securityMeasures: null,
      },
      result: 'approved',
      nextReviewDate: '2027-11-20',
      comment: null,
    });
    expect(reviewFormToBody({ ...form, nextReviewDate: '' }, 1)).not.toHaveProperty('nextReviewDate');
  });

  it('validates countries, numbers and dates', () => {
    const base = reviewFormDefaults(vendor);
    expect(ZReviewFormSchema.safeParse(base).success).toBe(true);
    const bad = ZReviewFormSchema.safeParse({ ...base, dataLocations: 'France', breachNotificationDelayHours: '-2', nextReviewDate: '2027-02-30' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['dataLocations', 'validation.country'],
      ['breachNotificationDelayHours', 'validation.wholeNumber'],
      ['nextReviewDate', 'validation.date'],
    ]);
    expect(splitList('FR; DE\nUS  GB')).toEqual(['FR', 'DE', 'US', 'GB']);
  });
});

describe('DPA form', () => {
  it('round-trips the DPA and needs a date when signed', () => {
    const defaults = dpaFormDefaults({ signed: false, signedOn: null, documentId: null });
    expect(defaults).toEqual({ signed: false, signedOn: '', documentId: '', comment: '' });
    expect(ZDpaFormSchema.safeParse({ ...defaults, signed: true }).error?.issues[0]).toMatchObject({ path: ['signedOn'], message: 'validation.required' });
    expect(dpaFormToPatch({ signed: true, signedOn: '2026-11-20', documentId: '', comment: ' DPA reçu ' }, 2)).toEqual({
      version: 2,
      dpa: { signed: true, signedOn: '2026-11-20', documentId: null },
      comment: 'DPA reçu',
    });
    expect(dpaFormToPatch({ signed: false, signedOn: '2026-11-20', documentId: 'd', comment: '' }, 2).dpa).toEqual({ signed: false, signedOn: null, documentId: 'd' });
  });
});

describe('reasons and concerns', () => {
  const t = createTranslator(fr);
  const name = (code: string) => ({ US: 'États-Unis' })[code] ?? code;

  it('translates transfer and exposure reasons with country names', () => {
    expect(describeReason({ code: 'dpf_not_certified', params: { country: 'US' } }, t, fr, name)).toBe(
      'États-Unis : le destinataire n’est pas certifié Data Privacy Framework.',
    );
    expect(describeReason({ code: 'parent_extraterritorial_access', params: { parentCompany: 'CX Holdings Inc.', country: 'US' } }, t, fr, name)).toContain('CX Holdings Inc.');
    expect(describeReason({ code: 'something_new', params: {} }, t, fr, name)).toBe('something_new');
  });

  it('reads the concerns of a 422 vendor_cannot_approve', () => {
    const error = new ApiError(422, {
      code: 'vendor_cannot_approve',
      message: 'Refusé',
      details: { concerns: [{ code: 'dpa_missing', blocking: true, params: {}, message: 'Art. 28(3)' }, 'junk'] },
    });
    expect(concernsOf(error)).toEqual([{ code: 'dpa_missing', blocking: true, params: {}, message: 'Art. 28(3)' }]);
    expect(concernsOf(new ApiError(409, { code: 'version_conflict', message: '' }))).toEqual([]);
  });
});
