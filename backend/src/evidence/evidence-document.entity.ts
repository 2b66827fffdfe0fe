import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export const DOCUMENT_KINDS = ['dpa', 'tia', 'certificate', 'questionnaire', 'contract', 'policy', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** A piece of evidence attached to one vendor or one activity. Its content is in the DocumentStorage. */
@Entity('evidence_documents')
export class EvidenceDocument {
  @PrimaryColumn('uuid')
  organizationId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { nullable: true })
  vendorId!: string | null;

  @Column('uuid', { nullable: true })
  activityId!: string | null;

  @Column('text')
  kind!: DocumentKind;

  @Column('text')
  fileName!: string;

  @Column('text')
  contentType!: string;

  @Column('bigint', { transformer: { to: (value: number) => value, from: (value: string | number) => Number(value) } })
  sizeBytes!: number;

  @Column('text')
  sha256!: string;

  @Column('text', { nullable: true })
  description!: string | null;

  @Column('uuid', { nullable: true })
  uploadedBy!: string | null;

  @Column('text', { nullable: true })
  uploadedByName!: string | null;

  @Column({ type: 'timestamptz' })
  uploadedAt!: Date;
}
