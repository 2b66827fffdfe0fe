/**
 * Processing activities as the API sends and takes them: names for the generated contract
 * (lib/api/schema.d.ts); the activity document itself is the server's interchange format.
 */

// The interchange format is defined once, by the server (backend/src/domain/activities/activity.types.ts).
export * from '@domain/activities/activity.types';
import type { ActivitySnapshot } from '@domain/activities/activity.types';
import type { ActivityTransition } from '@domain/activities/activity-workflow';

import type { ApiSchemas } from '@/lib/api-types';

/** The transitions the activity page offers as its main buttons (request_changes has its own form). */
export const TRANSITIONS = ['submit', 'validate', 'archive', 'reopen'] as const satisfies readonly ActivityTransition[];
export type Transition = (typeof TRANSITIONS)[number];

export type ActivityFlags = ApiSchemas['ActivityFlagsView'];

/** The DPO's confirmation that a transfer's recipient is in the scope of a partial adequacy decision. */
export type RecipientScopeConfirmation = ApiSchemas['ScopeConfirmationView'];

/** GET /activities/:id: what the server computes, with the document in the server's own type. */
export type Activity = Omit<ApiSchemas['ActivityView'], keyof ActivitySnapshot> & ActivitySnapshot;

/** One row of GET /activities. */
export type ActivityListItem = ApiSchemas['ActivityListItem'];

/**
 * The body of POST /activities as the editor writes it (and, partially, of PATCH): every field of the
 * generated body but those the editor never sends (the import's names and status, and the DPO's
 * overrides, which only validation records).
 */
type NotFromEditor = 'department' | 'owner' | 'reference' | 'status' | 'validationOverrides';
export type ActivityInput = Omit<ApiSchemas['CreateActivityDto'], NotFromEditor>;
export type ActivityPatch = Omit<ApiSchemas['UpdateActivityDto'], NotFromEditor>;

export type ActivityVersionSummary = ApiSchemas['ActivityVersionSummary'];
/** A version: the activity as it stood, in the server's own type. */
export type ActivityVersionView = Omit<ApiSchemas['ActivityVersionView'], 'activity'> & { activity: ActivitySnapshot };

export type ActivityVersionDiff = ApiSchemas['ActivityVersionDiff'];
export type FieldChange = ActivityVersionDiff['changes'][string];

/** One entry of a catalogue: stable code, FR/EN labels, help, and the catalogue's own facts (`eea`, `special`…). */
export type CatalogueItem = ApiSchemas['CatalogueItemView'] & Readonly<Record<string, unknown>>;
export type CatalogueView = Omit<ApiSchemas['CatalogueView'], 'items'> & { items: CatalogueItem[] };

/** The catalogues the activity pages pick from. */
export const ACTIVITY_CATALOGUES = [
  'legal-bases',
  'art9-conditions',
  'data-categories',
  'data-subject-categories',
  'recipient-categories',
  'security-measures',
  'retention-start-events',
  'transfer-mechanisms',
  'countries',
  'dpia-criteria',
  'dpia-cnil-required',
  'dpia-cnil-exempt',
] as const;
export type ActivityCatalogueName = (typeof ACTIVITY_CATALOGUES)[number];
export type ActivityCatalogues = Record<ActivityCatalogueName, CatalogueItem[]>;

/** A person who may own an activity (a member of the organisation). */
export type OwnerOption = Pick<ApiSchemas['MemberView'], 'userId' | 'name' | 'email' | 'departmentId'>;
