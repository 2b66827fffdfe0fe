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
