import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** An entry of a shipped catalogue (reference data, the same for every organisation). */
@Entity('catalogue_entries')
export class CatalogueEntry {
  @PrimaryColumn('text')
  catalogue!: string;

  @PrimaryColumn('text')
  code!: string;

  @Column('int')
  position!: number;

  @Column('text')
  labelFr!: string;

  @Column('text')
  labelEn!: string;

  @Column('text', { nullable: true })
  helpFr!: string | null;

  @Column('text', { nullable: true })
  helpEn!: string | null;

  @Column('jsonb')
  facts!: Record<string, unknown>;

  @Column('text')
  catalogueVersion!: string;
}

/** An entry an organisation added to an open catalogue (its own data category, measure…). */
@Entity('organization_catalogue_entries')
export class OrganizationCatalogueEntry {
  @PrimaryColumn('uuid')
  organizationId!: string;

  @PrimaryColumn('text')
  catalogue!: string;

  @PrimaryColumn('text')
  code!: string;

  @Column('text')
  labelFr!: string;

  @Column('text')
  labelEn!: string;

  @Column('text', { nullable: true })
  helpFr!: string | null;

  @Column('text', { nullable: true })
  helpEn!: string | null;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
