import type { ApiClient } from '@/lib/api-client';
import type { PageOf } from '@/lib/api-types';
import { orgApiPath } from '@/lib/paths';

import type { CountryBreakdown, DpaPatch, Review, ReviewBody, TerminatedVendor, Vendor, VendorDocument, VendorInput, VendorListItem } from './types';
import { vendorQueryToApi, type VendorQuery } from './vendor-query';

export function vendorsPath(organizationId: string, vendorId?: string, suffix = ''): string {
  const base = orgApiPath(organizationId, 'vendors');
  if (vendorId === undefined) return base;
  return `${base}/${encodeURIComponent(vendorId)}${suffix}`;
}

export function vendorListPath(organizationId: string, query: VendorQuery): string {
  return `${vendorsPath(organizationId)}?${vendorQueryToApi(query)}`;
}

export function countriesPath(organizationId: string): string {
  return `${vendorsPath(organizationId)}/countries`;
}

export function reviewsPath(organizationId: string, vendorId: string): string {
  return `${vendorsPath(organizationId, vendorId, '/reviews')}?page=1&pageSize=100`;
}

export function documentsPath(organizationId: string, vendorId: string): string {
  return `${vendorsPath(organizationId, vendorId, '/documents')}?page=1&pageSize=100`;
}

/** The download URL of a document (served as an attachment). */
export function documentPath(organizationId: string, vendorId: string, documentId: string): string {
  return vendorsPath(organizationId, vendorId, `/documents/${encodeURIComponent(documentId)}`);
}

export function getVendor(api: ApiClient, organizationId: string, vendorId: string): Promise<Vendor> {
  return api.get(vendorsPath(organizationId, vendorId));
}

export function listReviews(api: ApiClient, organizationId: string, vendorId: string): Promise<PageOf<Review>> {
  return api.get(reviewsPath(organizationId, vendorId));
}

export function listDocuments(api: ApiClient, organizationId: string, vendorId: string): Promise<PageOf<VendorDocument>> {
  return api.get(documentsPath(organizationId, vendorId));
}

export function listVendors(api: ApiClient, organizationId: string, query: VendorQuery): Promise<PageOf<VendorListItem>> {
  return api.get(vendorListPath(organizationId, query));
}

export function getCountries(api: ApiClient, organizationId: string): Promise<CountryBreakdown> {
  return api.get(countriesPath(organizationId));
}

/** 409 `version_conflict` when `patch.version` is stale. */
export function updateVendorDpa(api: ApiClient, organizationId: string, vendorId: string, patch: DpaPatch): Promise<Vendor> {
  return api.patch(vendorsPath(organizationId, vendorId), patch);
}

/** 422 `vendor_cannot_approve` (details.concerns) when approving without a DPA or a needed mechanism. */
export function reviewVendor(api: ApiClient, organizationId: string, vendorId: string, body: ReviewBody): Promise<Vendor> {
  return api.post(vendorsPath(organizationId, vendorId, '/review'), body);
}

export function terminateVendor(api: ApiClient, organizationId: string, vendorId: string, version: number, comment: string): Promise<TerminatedVendor> {
  return api.post(vendorsPath(organizationId, vendorId, '/terminate'), { version, comment: comment.trim() || null });
}

export function uploadDocument(api: ApiClient, organizationId: string, vendorId: string, file: File, kind: string): Promise<VendorDocument> {
  const form = new FormData();
  form.set('kind', kind);
  form.set('file', file);
  return api.postForm(vendorsPath(organizationId, vendorId, '/documents'), form);
}

/** 400 `validation_failed` with field errors; a contributor may only propose (status under_review). */
export function createVendor(api: ApiClient, organizationId: string, body: VendorInput): Promise<Vendor> {
  return api.post(vendorsPath(organizationId), body);
}
