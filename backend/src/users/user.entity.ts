import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type Locale = 'fr' | 'en';

/** A person who signs in. Global (not tenant-owned): a consultant DPO has one account for many organisations. */
@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  email!: string;

  @Column('text', { select: false })
  passwordHash!: string;

  @Column('text')
  name!: string;

  @Column('text')
  locale!: Locale;

  /** When the owner of the address proved it (followed the e-mailed link); null: cannot sign in yet. */
  @Column('timestamptz', { nullable: true })
  emailVerifiedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
