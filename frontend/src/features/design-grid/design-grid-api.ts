import type { ApiClient } from '@/lib/api-client';
import type { PageOf } from '@/lib/api-types';
import { orgApiPath } from '@/lib/paths';

import type { GridAnswers, GridField, GridListItem, GridQuestion, GridStatus, GridView } from './types';

export function designGridsPath(organizationId: string, gridId?: string, suffix = ''): string {
  const base = orgApiPath(organizationId, 'design-grids');
  if (gridId === undefined) return base;
  return `${base}/${encodeURIComponent(gridId)}${suffix}`;
}

export interface GridListQuery {
  status?: readonly GridStatus[];
  activityId?: string;
  mine?: boolean;
  page?: number;
  pageSize?: number;
}

export function gridListPath(organizationId: string, query: GridListQuery = {}): string {
  const params = new URLSearchParams();
  if (query.status?.length) params.set('status', query.status.join(','));
  if (query.activityId) params.set('activityId', query.activityId);
  if (query.mine) params.set('mine', 'true');
  params.set('page', String(query.page ?? 1));
  params.set('pageSize', String(query.pageSize ?? 50));
  return `${designGridsPath(organizationId)}?${params.toString()}`;
}

export interface NewGridInput {
  projectName: string;
  departmentId: string | null;
  pitch: string | null;
}

export interface GridPatch {
  version: number;
  projectName?: string;
  departmentId?: string | null;
  pitch?: string | null;
  answers?: GridAnswers;
}

export function listGrids(api: ApiClient, organizationId: string, query: GridListQuery): Promise<PageOf<GridListItem>> {
  return api.get(gridListPath(organizationId, query));
}

export function getGrid(api: ApiClient, organizationId: string, gridId: string): Promise<GridView> {
  return api.get(designGridsPath(organizationId, gridId));
}

export function createGrid(api: ApiClient, organizationId: string, input: NewGridInput): Promise<GridView> {
  return api.post(designGridsPath(organizationId), input);
}

/** Autosave; 409 `version_conflict` when another device saved first, `design_grid_locked` once sent. */
export function saveGrid(api: ApiClient, organizationId: string, gridId: string, patch: GridPatch): Promise<GridView> {
  return api.patch(designGridsPath(organizationId, gridId), patch);
}

/** 409 `design_grid_conflicts` (details.conflicts) while a conflict is unsettled. */
export function submitGrid(api: ApiClient, organizationId: string, gridId: string, version: number): Promise<GridView> {
  return api.post(designGridsPath(organizationId, gridId, '/submit'), { version });
}

export function resolveConflict(api: ApiClient, organizationId: string, gridId: string, version: number, field: GridField, keep: 'grid' | 'activity'): Promise<GridView> {
  return api.post(designGridsPath(organizationId, gridId, '/resolve'), { version, field, keep });
}

export function requestChanges(api: ApiClient, organizationId: string, gridId: string, version: number, comments: Partial<Record<GridQuestion, string | null>>): Promise<GridView> {
  return api.post(designGridsPath(organizationId, gridId, '/request-changes'), { version, comments });
}

export function acceptGrid(api: ApiClient, organizationId: string, gridId: string, version: number): Promise<GridView> {
  return api.post(designGridsPath(organizationId, gridId, '/accept'), { version });
}
