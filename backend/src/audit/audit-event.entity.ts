import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { FieldChange } from '../common/diff/field-diff';

/** Who did what to which record, when, with the field-level difference. Append-only, hash-chained. */
@Entity('audit_events')
export class AuditEvent {
  @PrimaryColumn('uuid')
  organizationId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'bigint', insert: false, update: false })
  sequence!: string;

  @Column({ type: 'timestamptz' })
  occurredAt!: Date;

  @Column('uuid', { nullable: true })
  actorUserId!: string | null;

  @Column('text', { nullable: true })
  actorName!: string | null;

  @Column('text')
  action!: string;

  @Column('text')
  entityType!: string;

  @Column('uuid', { nullable: true })
  entityId!: string | null;

  @Column('text', { nullable: true })
  entityLabel!: string | null;

  @Column('jsonb')
  changes!: Record<string, FieldChange>;

  @Column('text', { nullable: true })
  requestId!: string | null;

  @Column('text', { nullable: true })
  previousHash!: string | null;

  @Column('text')
  hash!: string;

  /** The hash scheme (audit-hash.ts): 1 for events written before every field was hashed. */
  @Column('smallint')
  hashVersion!: number;
}
