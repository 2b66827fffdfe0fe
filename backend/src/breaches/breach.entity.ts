import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { BreachNature, BreachRisk, CommunicationException, FactorLevel, TimelineEntry } from '../domain/breaches/breach.types';

/** A personal data breach (Art 33–34). Its activities and vendors are in breach_activities and breach_vendors. */
@Entity('breaches')
export class Breach {
  @PrimaryColumn('uuid') organizationId!: string;
  @PrimaryColumn('uuid') id!: string;
  @Column('int') number!: number;
  @Column('text') summary!: string;
  @Column({ type: 'timestamptz' }) awareAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) occurredAt!: Date | null;
  @Column('text', { nullable: true }) discovery!: string | null;
  @Column('text', { array: true }) natures!: BreachNature[];
  @Column('text', { array: true }) dataCategories!: string[];
  @Column('text', { array: true }) subjectCategories!: string[];
  @Column('int', { nullable: true }) approxPersons!: number | null;
  /** bigint: the pg driver returns a string; the service converts it. */
  @Column('bigint', { nullable: true }) approxRecords!: string | number | null;
  @Column({ type: 'timestamptz', nullable: true }) processorNotifiedAt!: Date | null;
  @Column('text', { nullable: true }) consequences!: string | null;
  @Column('text', { nullable: true }) measuresTaken!: string | null;
  @Column('text', { nullable: true }) measuresProposed!: string | null;
  @Column('text', { nullable: true }) risk!: BreachRisk | null;
  @Column('text', { nullable: true }) riskRationale!: string | null;
  // EDPB Guidelines 9/2022 factors (riskFactors in the API).
  @Column('boolean') riskSensitiveData!: boolean;
  @Column('text', { nullable: true }) riskIdentifiability!: FactorLevel | null;
  @Column('text', { nullable: true }) riskSeverity!: FactorLevel | null;
  @Column('boolean') riskVulnerablePersons!: boolean;
  @Column('text', { nullable: true }) riskControllerCharacteristics!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) authorityNotifiedAt!: Date | null;
  @Column('text', { nullable: true }) authorityReference!: string | null;
  @Column('boolean') authorityPhased!: boolean;
  @Column('text', { nullable: true }) authorityDelayReasons!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) personsCommunicatedAt!: Date | null;
  @Column('text', { nullable: true }) personsCommunicationException!: CommunicationException | null;
  @Column('text', { nullable: true }) personsCommunicationDetails!: string | null;
  @Column('jsonb') timeline!: TimelineEntry[];
  @Column('uuid', { nullable: true }) recordedBy!: string | null;
  @Column('int') version!: number;
  @Column({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz' }) updatedAt!: Date;
}
