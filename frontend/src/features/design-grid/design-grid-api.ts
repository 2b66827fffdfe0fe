import { unwrap, type TypedApiClient } from '@/lib/api-client';
import type { ApiSchemas } from '@/lib/api-types';

import type { GridField, GridQuestion, GridStatus, GridView } from './types';

const GRIDS = '/api/v1/organizations/{orgId}/design-grids';
const GRID = '/api/v1/organizations/{orgId}/design-grids/{gridId}';

// The grid's answers, flags and view are the server's pure types (design-grid.types.ts), which its
// DesignGridView is checked against; the generated view is read as that, here, once.
const asGrid = (view: Promise<object>) => view as Promise<GridView>;

export interface GridListQuery {
  status?: readonly GridStatus[];
  activityId?: string;
  mine?: boolean;
  page?: number;
  pageSize?: number;
}

export type NewGridInput = ApiSchemas['CreateDesignGridDto'];
export type GridPatch = ApiSchemas['UpdateDesignGridDto'];

export function listGrids(api: TypedApiClient, organizationId: string, query: GridListQuery = {}) {
  return unwrap(
    api.GET(GRIDS, {
      params: {
        path: { orgId: organizationId },
        query: {
          ...(query.status?.length ? { status: [...query.status] } : {}),
          ...(query.activityId ? { activityId: query.activityId } : {}),
          ...(query.mine ? { mine: true } : {}),
          page: query.page ?? 1,
          pageSize: query.pageSize ?? 50,
        },
      },
      // The API takes several statuses comma-separated.
      querySerializer: { array: { style: 'form', explode: false } },
    }),
  );
}

export function getGrid(api: TypedApiClient, organizationId: string, gridId: string): Promise<GridView> {
  return asGrid(unwrap(api.GET(GRID, { params: { path: { orgId: organizationId, gridId } } })));
}

export function createGrid(api: TypedApiClient, organizationId: string, input: NewGridInput): Promise<GridView> {
  return asGrid(unwrap(api.POST(GRIDS, { params: { path: { orgId: organizationId } }, body: input })));
}

/** Autosave; 409 `version_conflict` when another device saved first, `design_grid_locked` once sent. */
export function saveGrid(api: TypedApiClient, organizationId: string, gridId: string, patch: GridPatch, init: { keepalive?: boolean } = {}): Promise<GridView> {
  return asGrid(unwrap(api.PATCH(GRID, { params: { path: { orgId: organizationId, gridId } }, body: patch, ...init })));
}

/** 409 `design_grid_conflicts` (details.conflicts) while a conflict is unsettled. */
export function submitGrid(api: TypedApiClient, organizationId: string, gridId: string, version: number): Promise<GridView> {
  return asGrid(unwrap(api.POST(`${GRID}/submit`, { params: { path: { orgId: organizationId, gridId } }, body: { version } })));
}

export function resolveConflict(api: TypedApiClient, organizationId: string, gridId: string, version: number, field: GridField, keep: 'grid' | 'activity'): Promise<GridView> {
  return asGrid(unwrap(api.POST(`${GRID}/resolve`, { params: { path: { orgId: organizationId, gridId } }, body: { version, field, keep } })));
}

export function requestChanges(api: TypedApiClient, organizationId: string, gridId: string, version: number, comments: Partial<Record<GridQuestion, string | null>>): Promise<GridView> {
  return asGrid(unwrap(api.POST(`${GRID}/request-changes`, { params: { path: { orgId: organizationId, gridId } }, body: { version, comments } })));
}

export function acceptGrid(api: TypedApiClient, organizationId: string, gridId: string, version: number): Promise<GridView> {
  return asGrid(unwrap(api.POST(`${GRID}/accept`, { params: { path: { orgId: organizationId, gridId } }, body: { version } })));
}
