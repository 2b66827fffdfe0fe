import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { DpiaContent, DpiaDecision, DpiaStatus, DpoOpinion, PriorConsultation } from '../domain/dpias/dpia.types';

/**
 * A DPIA: its current revision. The sections are one JSONB document (`content`), edited section by
 * section under optimistic concurrency (`version`). Once validated or refused, the row is locked until
 * a new revision starts; the closed revision is kept in dpia_revisions.
 */
@Entity('dpias')
export class Dpia {
  @PrimaryColumn('uuid')
  organizationId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  activityId!: string;

  @Column('int')
  revision!: number;

  @Column('text')
  status!: DpiaStatus;

  @Column('jsonb')
  content!: DpiaContent;

  @Column('jsonb', { nullable: true })
  dpoOpinion!: DpoOpinion | null;

  @Column('text', { nullable: true })
  decision!: DpiaDecision | null;

  @Column('text', { nullable: true })
  decisionComment!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column('uuid', { nullable: true })
  decidedBy!: string | null;

  @Column('text', { nullable: true })
  decidedByName!: string | null;

  /** Art 36: recorded with a decision that validates a DPIA whose residual risk stays high. */
  @Column('jsonb', { nullable: true })
  priorConsultation!: PriorConsultation | null;

  @Column('uuid', { nullable: true })
  createdBy!: string | null;

  @Column('int')
  version!: number;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** A closed revision (validated or refused), whole. Append-only. */
@Entity('dpia_revisions')
export class DpiaRevision {
  @PrimaryColumn('uuid')
  organizationId!: string;

  @PrimaryColumn('uuid')
  dpiaId!: string;

  @PrimaryColumn('int')
  revision!: number;

  @Column('text')
  status!: DpiaStatus;

  @Column('jsonb')
  snapshot!: object;

  @Column({ type: 'timestamptz' })
  closedAt!: Date;
}
