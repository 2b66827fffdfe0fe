import { HttpStatus } from '@nestjs/common';
import { AppException } from '../common/errors/app-exception';
import type { MessageParams } from '../common/i18n/i18n';
import type { GridConflict } from '../domain/design-grids/design-grid.types';

/**
 * The grid's errors: codes `design_grid_<reason>`, messages in the feature's own namespace
 * (`design_grids.error_<reason>`).
 */
export class GridException extends AppException {
  constructor(status: HttpStatus, readonly reason: string, details: Record<string, unknown> = {}, params: MessageParams = {}) {
    super(status, `design_grid_${reason}`, details, params);
  }

  override get messageKey(): string {
    return `design_grids.error_${this.reason}`;
  }
}

/** 409 on "send to the DPO" while the DPO's direct edits and the new answers disagree. */
export class GridConflictsException extends GridException {
  constructor(readonly conflicts: GridConflict[]) {
    super(HttpStatus.CONFLICT, 'conflicts', { conflicts }, { count: conflicts.length });
  }
}
