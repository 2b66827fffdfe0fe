import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { SyncState } from './design-grid-mapping';
import type { GridAnswers, GridComments, GridStatus } from '../domain/design-grids/design-grid.types';

/**
 * A project's ten-question design grid. `activityId` links the draft activity it produced; `syncState`
 * records, per activity field, what the grid last wrote there. `version` guards concurrent saves.
 */
@Entity('design_grids')
export class DesignGrid {
  @PrimaryColumn('uuid')
  organizationId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  projectName!: string;

  @Column('uuid', { nullable: true })
  departmentId!: string | null;

  @Column('text', { nullable: true })
  pitch!: string | null;

  @Column('jsonb')
  answers!: GridAnswers;

  @Column('text')
  status!: GridStatus;

  @Column('int')
  version!: number;

  @Column('uuid', { nullable: true })
  activityId!: string | null;

  @Column('jsonb')
  syncState!: SyncState;

  @Column('jsonb')
  comments!: GridComments;

  @Column('uuid', { nullable: true, name: 'created_by' })
  createdById!: string | null;

  @Column('text', { nullable: true })
  createdByName!: string | null;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt!: Date | null;

  @Column('uuid', { nullable: true, name: 'reviewed_by' })
  reviewedById!: string | null;
}
