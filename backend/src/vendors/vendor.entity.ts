import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { ReviewAnswers, ReviewResult, VendorContact, VendorRole, VendorSnapshot, VendorStatus } from '../domain/vendors/vendor.types';
import type { VendorConcern } from './vendor-review';

/** A processor, sub-processor or recipient the organisation works with. `version` numbers its snapshots. */
@Entity('vendors')
export class Vendor {
  @PrimaryColumn('uuid')
  organizationId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  @Column('text', { nullable: true })
  legalEntity!: string | null;

  @Column('text', { nullable: true })
  service!: string | null;

  @Column('text')
  role!: VendorRole;

  @Column('text', { nullable: true })
  headquartersCountry!: string | null;

  @Column('text', { nullable: true })
  parentCompany!: string | null;

  @Column('text', { nullable: true })
  parentCountry!: string | null;

  @Column('text', { array: true })
  dataLocations!: string[];

  @Column('text', { array: true })
  certifications!: string[];

  @Column('boolean')
  dpaSigned!: boolean;

  @Column('date', { nullable: true })
  dpaSignedOn!: string | null;

  @Column('uuid', { nullable: true })
  dpaDocumentId!: string | null;

  @Column('text', { nullable: true })
  transferMechanism!: string | null;

  @Column('date', { nullable: true })
  tiaDate!: string | null;

  @Column('text', { nullable: true })
  tiaConclusion!: string | null;

  @Column('uuid', { nullable: true })
  tiaDocumentId!: string | null;

  @Column('text')
  status!: VendorStatus;

  @Column('date', { nullable: true })
  nextReviewDate!: string | null;

  @Column('text', { nullable: true })
  notes!: string | null;

  /** Its DPO, account or security contacts: always read and written with the vendor (a JSON list). */
  @Column('jsonb')
  contacts!: VendorContact[];

  @Column('int')
  version!: number;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** One version of a vendor: a full snapshot in the interchange format. Append-only. */
@Entity('vendor_versions')
export class VendorVersion {
  @PrimaryColumn('uuid')
  organizationId!: string;

  @PrimaryColumn('uuid')
  vendorId!: string;

  @PrimaryColumn('int')
  number!: number;

  @Column('text')
  action!: string;

  @Column('jsonb')
  snapshot!: VendorSnapshot;

  @Column('uuid', { nullable: true })
  authorId!: string | null;

  @Column('text', { nullable: true })
  authorName!: string | null;

  @Column('text', { nullable: true })
  comment!: string | null;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;
}

/** A review questionnaire: answers, concerns found, reviewer and date, and the status it led to. Append-only. */
@Entity('vendor_reviews')
export class VendorReview {
  @PrimaryColumn('uuid')
  organizationId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  vendorId!: string;

  @Column('int')
  vendorVersion!: number;

  @Column('jsonb')
  answers!: ReviewAnswers;

  @Column('jsonb')
  concerns!: VendorConcern[];

  @Column('text')
  previousStatus!: VendorStatus;

  @Column('text')
  result!: ReviewResult;

  @Column('date', { nullable: true })
  nextReviewDate!: string | null;

  @Column('text', { nullable: true })
  comment!: string | null;

  @Column('uuid', { nullable: true })
  reviewerId!: string | null;

  @Column('text', { nullable: true })
  reviewerName!: string | null;

  @Column({ type: 'timestamptz' })
  reviewedAt!: Date;
}
