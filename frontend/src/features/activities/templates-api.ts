import { unwrap, type TypedApiClient } from '@/lib/api-client';

import type { Activity } from './types';

const TEMPLATES = '/api/v1/organizations/{orgId}/activity-templates';
const FROM_TEMPLATE = '/api/v1/organizations/{orgId}/activities/from-template';

/** The ready processings, in the page's language (the client sends it as Accept-Language). */
export async function listActivityTemplates(api: TypedApiClient, organizationId: string) {
  return (await unwrap(api.GET(TEMPLATES, { params: { path: { orgId: organizationId } } }))).items;
}

export type ActivityTemplate = Awaited<ReturnType<typeof listActivityTemplates>>[number];

/** A new draft from a template; 422 `template_unknown`. */
export function createFromTemplate(api: TypedApiClient, organizationId: string, template: string): Promise<Activity> {
  return unwrap(api.POST(FROM_TEMPLATE, { params: { path: { orgId: organizationId } }, body: { template } })) as Promise<Activity>;
}

const OWN_TEMPLATE = '/api/v1/organizations/{orgId}/activity-templates/{templateId}';

/** Saves the activity's content as one of the organisation's templates; 409 `template_name_taken`. */
export function saveAsTemplate(api: TypedApiClient, organizationId: string, activityId: string, name: string) {
  return unwrap(api.POST(TEMPLATES, { params: { path: { orgId: organizationId } }, body: { activityId, name } }));
}

/** Deletes one of the organisation's templates (drafts made from it stay). */
export async function deleteTemplate(api: TypedApiClient, organizationId: string, templateId: string): Promise<void> {
  await unwrap(api.DELETE(OWN_TEMPLATE, { params: { path: { orgId: organizationId, templateId } } }));
}
