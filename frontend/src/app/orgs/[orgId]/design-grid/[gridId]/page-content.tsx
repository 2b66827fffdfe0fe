'use client';

import { GridWizard } from '@/features/design-grid/components/grid-wizard';
import type { ActivityCatalogues } from '@/features/activities/types';
import type { GridStep, GridView } from '@/features/design-grid/types';

export function GridPageContent({ organizationId, grid, step, catalogues }: { organizationId: string; grid: GridView; step: GridStep; catalogues: ActivityCatalogues }) {
  return <GridWizard key={grid.id} organizationId={organizationId} initialGrid={grid} initialStep={step} catalogues={catalogues} />;
}
