import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { IdentityCheckStatus, RequestChannel, RequestStatus, RequestType } from '../domain/rights-requests/rights-request.types';

/** A request to exercise a right (Art 12–22). Its linked activities are in rights_request_activities. */
@Entity('rights_requests')
export class RightsRequest {
  @PrimaryColumn('uuid') organizationId!: string;
  @PrimaryColumn('uuid') id!: string;
  @Column('int') number!: number;
  @Column({ type: 'timestamptz' }) receivedAt!: Date;
  @Column('text') channel!: RequestChannel;
  @Column('text') type!: RequestType;
  @Column('text', { nullable: true }) description!: string | null;
  /** A data-subject-categories catalogue code: the person's category, which the activities were suggested from. */
  @Column('text', { nullable: true }) subjectCategory!: string | null;
  @Column('text') requesterName!: string;
  @Column('text', { nullable: true }) requesterContact!: string | null;
  @Column('text') identityCheckStatus!: IdentityCheckStatus;
  @Column('text', { nullable: true }) identityCheckMethod!: string | null;
  @Column('text') status!: RequestStatus;
  /** Dates come back as `YYYY-MM-DD` (the pg driver does not turn `date` into a Date here). */
  @Column('date') dueOn!: string;
  @Column('date', { nullable: true }) extendedDueOn!: string | null;
  @Column('text', { nullable: true }) extensionReason!: string | null;
  @Column('date', { nullable: true }) personInformedOn!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) answerSentAt!: Date | null;
  @Column('text', { nullable: true }) answerChannel!: string | null;
  @Column('text', { nullable: true }) answerSummary!: string | null;
  @Column('text', { nullable: true }) refusalGrounds!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) closedAt!: Date | null;
  /** When the retention job removed the requester's identity (identity-retention.service.ts). */
  @Column({ type: 'timestamptz', nullable: true }) identityErasedAt!: Date | null;
  @Column('uuid', { nullable: true }) recordedBy!: string | null;
  @Column('int') version!: number;
  @Column({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz' }) updatedAt!: Date;
}
