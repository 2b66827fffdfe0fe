import { unwrap, type TypedApiClient } from '@/lib/api-client';

import { dpiaQueryToApi, type DpiaQuery } from './dpia-query';
import type { DecisionBody, SectionPatch } from './schemas';
import type { ConsultationOutcome, DpiaDetail, OpinionStatus } from './types';

const DPIAS = '/api/v1/organizations/{orgId}/dpias';
const DPIA = '/api/v1/organizations/{orgId}/dpias/{dpiaId}';

// The contract declares a DPIA's sections as free-form objects; their shape is the server's own
// `DpiaDetail` (dpia.types.ts), which the server's DpiaView implements. It is read as that, here, once.
const asDetail = (view: Promise<object>) => view as Promise<DpiaDetail>;

/** One page of the organisation's DPIAs, as the list page's URL asks for it. */
export function listDpias(api: TypedApiClient, organizationId: string, query: DpiaQuery) {
  return unwrap(api.GET(DPIAS, { params: { path: { orgId: organizationId } }, querySerializer: () => dpiaQueryToApi(query) }));
}

/** The DPIA of one activity (there is at most one). */
export function activityDpias(api: TypedApiClient, organizationId: string, activityId: string) {
  return unwrap(api.GET(DPIAS, { params: { path: { orgId: organizationId }, query: { page: 1, pageSize: 100, activityId } } }));
}

export function getDpia(api: TypedApiClient, organizationId: string, dpiaId: string): Promise<DpiaDetail> {
  return asDetail(unwrap(api.GET(DPIA, { params: { path: { orgId: organizationId, dpiaId } } })));
}

/** A closed revision as it was decided. */
export function getRevision(api: TypedApiClient, organizationId: string, dpiaId: string, revision: number): Promise<DpiaDetail> {
  return asDetail(unwrap(api.GET(`${DPIA}/revisions/{number}`, { params: { path: { orgId: organizationId, dpiaId, number: revision } } })));
}

/** 409 `dpia_exists` (details.dpiaId) when the activity already has one. */
export function startDpia(api: TypedApiClient, organizationId: string, activityId: string): Promise<DpiaDetail> {
  return asDetail(unwrap(api.POST(DPIAS, { params: { path: { orgId: organizationId } }, body: { activityId } })));
}

/** Saves sections, each whole; 409 `version_conflict`, `dpia_locked`, `dpia_not_editable`. */
export function saveSections(api: TypedApiClient, organizationId: string, dpiaId: string, version: number, sections: SectionPatch): Promise<DpiaDetail> {
  return asDetail(unwrap(api.PATCH(DPIA, { params: { path: { orgId: organizationId, dpiaId } }, body: { version, ...sections } })));
}

export type DpiaStep = 'submit' | 'reopen' | 'revisions';

export function dpiaStep(api: TypedApiClient, organizationId: string, dpiaId: string, step: DpiaStep, version: number): Promise<DpiaDetail> {
  return asDetail(unwrap(api.POST(`${DPIA}/${step}`, { params: { path: { orgId: organizationId, dpiaId } }, body: { version } })));
}

export function giveOpinion(api: TypedApiClient, organizationId: string, dpiaId: string, version: number, body: { status: OpinionStatus; opinion: string }): Promise<DpiaDetail> {
  return asDetail(unwrap(api.POST(`${DPIA}/opinion`, { params: { path: { orgId: organizationId, dpiaId } }, body: { version, ...body } })));
}

/** 422 `dpia_prior_consultation_missing` when the residual risk stays high and no consultation is given (Art 36). */
export function recordDecision(api: TypedApiClient, organizationId: string, dpiaId: string, version: number, body: DecisionBody): Promise<DpiaDetail> {
  return asDetail(unwrap(api.POST(`${DPIA}/decision`, { params: { path: { orgId: organizationId, dpiaId } }, body: { version, ...body } })));
}

/** Art 36(2): the authority's answer (DPO); 409 `dpia_consultation_answered`, 422 `dpia_answer_before_request`. */
export function recordConsultationAnswer(
  api: TypedApiClient,
  organizationId: string,
  dpiaId: string,
  version: number,
  body: { receivedOn: string; outcome: ConsultationOutcome; summary: string },
): Promise<DpiaDetail> {
  return asDetail(unwrap(api.POST(`${DPIA}/prior-consultation/answer`, { params: { path: { orgId: organizationId, dpiaId } }, body: { version, ...body } })));
}

export function listRevisions(api: TypedApiClient, organizationId: string, dpiaId: string) {
  return unwrap(api.GET(`${DPIA}/revisions`, { params: { path: { orgId: organizationId, dpiaId } } }));
}
