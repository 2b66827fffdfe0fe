import type { OrganizationSector } from '../domain/organizations/organization-profile';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** The tenant: the controller whose register this is, with its DPO and EU representative (Art 30(1)(a), Art 27). */
@Entity('organizations')
export class Organization {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  @Column('text', { nullable: true })
  legalName!: string | null;

  @Column('text', { nullable: true })
  registrationNumber!: string | null;

  @Column('text', { nullable: true })
  address!: string | null;

  @Column('char', { length: 2, nullable: true })
  country!: string | null;

  @Column('text', { nullable: true })
  legalRepresentative!: string | null;

  @Column('text', { nullable: true })
  dpoName!: string | null;

  @Column('text', { nullable: true })
  dpoEmail!: string | null;

  @Column('text', { nullable: true })
  dpoPhone!: string | null;

  /** The number the CNIL gave the DPO's designation, printed with the DPO's contact. */
  @Column('text', { nullable: true })
  dpoDesignationNumber!: string | null;

  @Column('text', { nullable: true })
  euRepresentativeName!: string | null;

  @Column('text', { nullable: true })
  euRepresentativeAddress!: string | null;

  @Column('text', { nullable: true })
  euRepresentativeEmail!: string | null;

  /** A public authority or body (Art 6(1) last subparagraph, Art 37(1)(a)); else a private body. */
  @Column('boolean', { default: false })
  publicBody!: boolean;

  /** ORGANIZATION_SECTORS code; null until given. */
  @Column('text', { nullable: true })
  sector!: OrganizationSector | null;

  /** Months a closed rights request keeps its requester's identity (REQUESTER_IDENTITY_RETENTION_MONTHS). */
  @Column('int', { default: 36 })
  requesterIdentityRetentionMonths!: number;

  /** Persons from which a processing is large scale (WP248 criterion 5), set by the DPO (LARGE_SCALE_PERSONS_RANGE). */
  @Column('int', { default: 10_000 })
  largeScalePersons!: number;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
