import type { ApiClient } from '@/lib/api-client';
import type { PageOf } from '@/lib/api-types';
import { orgApiPath } from '@/lib/paths';

import type { SectionPatch } from './schemas';
import type { DpiaDecision, DpiaDetail, DpiaRevisionItem, DpiaSummary, OpinionStatus } from './types';

export function dpiasPath(organizationId: string, dpiaId?: string, suffix = ''): string {
  const base = orgApiPath(organizationId, 'dpias');
  if (dpiaId === undefined) return base;
  return `${base}/${encodeURIComponent(dpiaId)}${suffix}`;
}

export function dpiaListPath(organizationId: string, page = 1, activityId?: string): string {
  const params = new URLSearchParams({ page: String(page), pageSize: '100' });
  if (activityId) params.set('activityId', activityId);
  return `${dpiasPath(organizationId)}?${params.toString()}`;
}

export function revisionsPath(organizationId: string, dpiaId: string): string {
  return dpiasPath(organizationId, dpiaId, '/revisions');
}

export function revisionPath(organizationId: string, dpiaId: string, revision: number): string {
  return dpiasPath(organizationId, dpiaId, `/revisions/${String(revision)}`);
}

export function listDpias(api: ApiClient, organizationId: string, activityId?: string): Promise<PageOf<DpiaSummary>> {
  return api.get(dpiaListPath(organizationId, 1, activityId));
}

/** 409 `dpia_exists` (details.dpiaId) when the activity already has one. */
export function startDpia(api: ApiClient, organizationId: string, activityId: string): Promise<DpiaDetail> {
  return api.post(dpiasPath(organizationId), { activityId });
}

/** Saves sections, each whole; 409 `version_conflict`, `dpia_locked`, `dpia_not_editable`. */
export function saveSections(api: ApiClient, organizationId: string, dpiaId: string, version: number, sections: SectionPatch): Promise<DpiaDetail> {
  return api.patch(dpiasPath(organizationId, dpiaId), { version, ...sections });
}

export type DpiaStep = 'submit' | 'reopen' | 'revisions';

export function dpiaStep(api: ApiClient, organizationId: string, dpiaId: string, step: DpiaStep, version: number): Promise<DpiaDetail> {
  return api.post(dpiasPath(organizationId, dpiaId, `/${step}`), { version });
}

export function giveOpinion(api: ApiClient, organizationId: string, dpiaId: string, version: number, body: { status: OpinionStatus; opinion: string }): Promise<DpiaDetail> {
  return api.post(dpiasPath(organizationId, dpiaId, '/opinion'), { version, ...body });
}

export function recordDecision(api: ApiClient, organizationId: string, dpiaId: string, version: number, body: { decision: DpiaDecision; comment: string | null }): Promise<DpiaDetail> {
  return api.post(dpiasPath(organizationId, dpiaId, '/decision'), { version, ...body });
}

export function listRevisions(api: ApiClient, organizationId: string, dpiaId: string): Promise<DpiaRevisionItem[]> {
  return api.get(revisionsPath(organizationId, dpiaId));
}
