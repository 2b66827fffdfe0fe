/**
 * Processing activities as the API sends and takes them (the interchange format of
 * shared/reference/activity.schema.json, plus what the server computes). Mirrors
 * backend/src/activities/activity.types.ts and dto/activity.dto.ts.
 */

// The interchange format is defined once, by the server (backend/src/activities/activity.types.ts).
export * from '@backend/activities/activity.types';
import type { ActivityContent, ActivityRole, ActivitySnapshot, ActivityStatus, Completeness } from '@backend/activities/activity.types';

import type { LinkedVendor, TransferAssessment } from '@/features/vendors/types';

export const TRANSITIONS = ['submit', 'validate', 'archive', 'reopen'] as const;
export type Transition = (typeof TRANSITIONS)[number];

export interface ActivityFlags {
  specialData: boolean;
  criminalData: boolean;
  nationalIdentifier: boolean;
}

/** GET /activities/:id */
export interface Activity extends ActivitySnapshot {
  id: string;
  ownerName: string | null;
  version: number;
  completeness: Completeness;
  flags: ActivityFlags;
  createdAt: string;
  updatedAt: string;
  validatedAt: string | null;
  validatedBy: string | null;
  /** The vendors its processors name, with their status and flags. */
  vendors: LinkedVendor[];
  /** The computed status of each transfer, in the order of `transfers`. */
  transferStatuses: TransferAssessment[];
}

/** One row of GET /activities. */
export interface ActivityListItem {
  id: string;
  reference: string;
  name: string;
  status: ActivityStatus;
  departmentId: string | null;
  department: string | null;
  ownerId: string | null;
  owner: string | null;
  ownerName: string | null;
  completeness: Completeness;
  nextReviewDate: string | null;
  version: number;
  updatedAt: string;
}

/** The body of POST /activities (and, partially, of PATCH). */
export type ActivityInput = Partial<Omit<ActivityContent, 'processors' | 'transfers'>> & {
  name: string;
  description?: string | null;
  departmentId?: string | null;
  ownerId?: string | null;
  role: ActivityRole;
  nextReviewDate?: string | null;
};

export type ActivityPatch = Partial<ActivityInput> & { version: number; comment?: string | null };

export interface ActivityVersionSummary {
  number: number;
  /** create, update, submit, validate, archive, reopen, import, duplicate */
  action: string;
  status: ActivityStatus;
  name: string;
  authorId: string | null;
  authorName: string | null;
  comment: string | null;
  createdAt: string;
}

export interface ActivityVersionView extends ActivityVersionSummary {
  activity: ActivitySnapshot;
  completeness: Completeness;
}

export interface FieldChange {
  before: unknown;
  after: unknown;
}

export interface ActivityVersionDiff {
  from: number;
  to: number;
  changes: Record<string, FieldChange>;
}

/** One entry of a catalogue: stable code, FR/EN labels, help, and catalogue-specific facts. */
export interface CatalogueItem {
  code: string;
  fr: string;
  en: string;
  help: { fr: string; en: string } | null;
  custom: boolean;
  [fact: string]: unknown;
}

export interface CatalogueView {
  name: string;
  version: string;
  open: boolean;
  items: CatalogueItem[];
}

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
  'dpia-criteria',
  'dpia-cnil-required',
  'dpia-cnil-exempt',
] as const;
export type ActivityCatalogueName = (typeof ACTIVITY_CATALOGUES)[number];
export type ActivityCatalogues = Record<ActivityCatalogueName, CatalogueItem[]>;

/** A person who may own an activity (a member of the organisation). */
export interface OwnerOption {
  userId: string;
  name: string;
  email: string;
  departmentId: string | null;
}
