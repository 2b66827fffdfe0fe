/**
 * The design grid as the API sends and takes it. The answer shapes, the flags and the grid view are
 * defined once, by the server (backend/src/domain/design-grids/design-grid.types.ts).
 */
export * from '@domain/design-grids/design-grid.types';
import { GRID_QUESTIONS, type GridQuestion, type GridView } from '@domain/design-grids/design-grid.types';

/** The wizard's pages: the ten questions, then the summary. */
export const GRID_STEPS = [
  'purposes',
  'legitimacy',
  'data',
  'minimisation',
  'retention',
  'information',
  'rights',
  'security',
  'resilience',
  'documentation',
  'summary',
] as const satisfies readonly (GridQuestion | 'summary')[];
export type GridStep = (typeof GRID_STEPS)[number];

export function isGridStep(value: string | null | undefined): value is GridStep {
  return (GRID_STEPS as readonly (string | null | undefined)[]).includes(value);
}

/** The first question not answered yet (where a team resumes), or the summary. */
export function resumeStep(grid: Pick<GridView, 'answered'>): GridStep {
  return GRID_QUESTIONS.find((question) => !grid.answered.includes(question)) ?? 'summary';
}
