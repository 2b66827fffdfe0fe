import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export const ROLES = ['admin', 'dpo', 'contributor', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** Roles in a stable order (as ROLES lists them), without duplicates: how they are stored and shown. */
export const normalizeRoles = (roles: readonly Role[]): Role[] => ROLES.filter((role) => roles.includes(role));

/** A user's roles in one organisation (one or more: the ability is their union). */
@Entity('memberships')
export class Membership {
  @PrimaryColumn('uuid')
  organizationId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  userId!: string;

  @Column('text', { array: true })
  roles!: Role[];

  @Column('uuid', { nullable: true })
  departmentId!: string | null;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
