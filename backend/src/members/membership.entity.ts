import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export const ROLES = ['admin', 'dpo', 'contributor', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** A user's role in one organisation. */
@Entity('memberships')
export class Membership {
  @PrimaryColumn('uuid')
  organizationId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  userId!: string;

  @Column('text')
  role!: Role;

  @Column('uuid', { nullable: true })
  departmentId!: string | null;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
