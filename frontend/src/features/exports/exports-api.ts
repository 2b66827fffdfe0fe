/** URLs of the exports and the xlsx import, and the upload with progress. Pure except `uploadWorkbook`. */
import { ACTIVITY_STATUSES, type ActivityStatus } from '@/features/activities/types';
import { apiHref, CSRF_HEADER, CSRF_PATH } from '@/lib/api-client';
import { ApiError } from '@/lib/api-error';
import type { ApiSchemas } from '@/lib/api-types';

export type ExportLanguage = 'fr' | 'en';
export type ExportFile = 'register.xlsx' | 'register.pdf' | 'vendors.xlsx' | 'processor-register.xlsx' | 'template.xlsx' | 'evidence.zip';

export interface ExportOptions {
  lang: ExportLanguage;
  /** YYYY-MM-DD, or '' for now. */
  asOf: string;
  statuses: ActivityStatus[];
}

/** The download URL of an export; filters only where the server reads them. */
export function exportUrl(organizationId: string, file: ExportFile, options: ExportOptions): string {
  const params = new URLSearchParams({ lang: options.lang });
  if (options.asOf && file !== 'template.xlsx') params.set('asOf', options.asOf);
  const statuses = options.statuses.filter((status) => ACTIVITY_STATUSES.includes(status));
  if ((file === 'register.xlsx' || file === 'register.pdf') && statuses.length > 0 && statuses.length < ACTIVITY_STATUSES.length) params.set('status', statuses.join(','));
  return apiHref(`/api/v1/organizations/{orgId}/exports/${file}`, { orgId: organizationId }, params);
}

/** One activity's record sheet as a PDF (the activity as it is now). */
export function activityRecordPdfUrl(organizationId: string, activityId: string, lang: ExportLanguage): string {
  return apiHref('/api/v1/organizations/{orgId}/activities/{activityId}/record.pdf', { orgId: organizationId, activityId }, new URLSearchParams({ lang }));
}

/** A DPIA's report as a PDF (the current revision). */
export function dpiaReportPdfUrl(organizationId: string, dpiaId: string, lang: ExportLanguage): string {
  return apiHref('/api/v1/organizations/{orgId}/dpias/{dpiaId}/report.pdf', { orgId: organizationId, dpiaId }, new URLSearchParams({ lang }));
}

/** The language of a file: the page's own when it has one, else French. */
export const exportLanguageOf = (locale: string): ExportLanguage => (locale === 'en' ? 'en' : 'fr');

export type ImportError = ApiSchemas['ImportErrorView'];
export type ImportReport = ApiSchemas['ImportReportView'];

/** The report of a refused real import is in the error's details. */
export function reportOf(error: unknown): ImportReport | null {
  if (error instanceof ApiError && error.code === 'import_xlsx_invalid' && typeof error.details === 'object' && error.details !== null) {
    return error.details as ImportReport;
  }
  return null;
}

/**
 * Sends the workbook with XMLHttpRequest (fetch reports no upload progress); `onProgress` gets 0–1
 * while the bytes go up. Resolves with the report, rejects with an ApiError.
 */
export async function uploadWorkbook(organizationId: string, file: File, dryRun: boolean, locale: string, onProgress: (fraction: number) => void): Promise<ImportReport> {
  const csrf = await fetch(CSRF_PATH, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then((response) => response.json() as Promise<{ token?: string }>)
    .catch(() => {
      throw ApiError.network();
    });
  const form = new FormData();
  form.append('file', file);
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', apiHref('/api/v1/organizations/{orgId}/imports', { orgId: organizationId }, new URLSearchParams(dryRun ? { dryRun: 'true' } : {})));
    request.setRequestHeader('Accept', 'application/json');
    request.setRequestHeader('Accept-Language', locale);
    request.setRequestHeader(CSRF_HEADER, csrf.token ?? '');
    request.withCredentials = true;
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onerror = () => {
      reject(ApiError.network());
    };
    request.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(request.responseText) as unknown;
      } catch {
        body = null;
      }
      if (request.status >= 200 && request.status < 300) resolve(body as ImportReport);
      else reject(ApiError.fromBody(request.status, body));
    };
    request.send(form);
  });
}
