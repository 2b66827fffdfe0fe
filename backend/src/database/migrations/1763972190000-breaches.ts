import { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolation } from '../tenant-isolation';

/**
 * The register of personal data breaches (Art 33–34 GDPR). Every breach is recorded, notified or not
 * (Art 33(5)): when the organisation became aware of it (`aware_at`, from which the 72 hours of
 * Art 33(1) run), what happened, to which data and people, the risk, the notification to the
 * authority and the communication to the people concerned, with a timeline.
 *
 * Every table is tenant-owned: organization_id is in its primary key and in every foreign key to
 * another tenant table, and row-level security limits it to the organisation of the transaction.
 */
export class Breaches1763972190000 implements MigrationInterface {
  name = 'Breaches1763972190000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE breaches (
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        -- V-0001, V-0002… per organisation.
        number integer NOT NULL CHECK (number >= 1),
        summary text NOT NULL CHECK (length(summary) BETWEEN 1 AND 500),
        aware_at timestamptz NOT NULL,
        occurred_at timestamptz,
        discovery text,
        natures text[] NOT NULL DEFAULT '{}' CHECK (natures <@ ARRAY['confidentiality', 'integrity', 'availability']),
        -- Codes of the data-categories and data-subject-categories catalogues.
        data_categories text[] NOT NULL DEFAULT '{}',
        subject_categories text[] NOT NULL DEFAULT '{}',
        approx_persons integer CHECK (approx_persons >= 0),
        approx_records bigint CHECK (approx_records >= 0),
        -- Art 33(2): when the processor told us, for a breach at a processor.
        processor_notified_at timestamptz,
        consequences text,
        measures_taken text,
        measures_proposed text,
        -- NULL: not assessed yet.
        risk text CHECK (risk IN ('none', 'risk', 'high')),
        risk_rationale text,
        authority_notified_at timestamptz,
        authority_reference text,
        authority_phased boolean NOT NULL DEFAULT false,
        authority_delay_reasons text,
        persons_communicated_at timestamptz,
        persons_communication_exception text
          CHECK (persons_communication_exception IN ('art34_3a_protected', 'art34_3b_risk_removed', 'art34_3c_public_communication')),
        persons_communication_details text,
        timeline jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(timeline) = 'array'),
        recorded_by uuid REFERENCES users (id) ON DELETE SET NULL,
        version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, id),
        -- Art 34: the people were told, or an exception is relied on; not both.
        CONSTRAINT breaches_communication CHECK (persons_communicated_at IS NULL OR persons_communication_exception IS NULL),
        -- Art 33(1): a notification after 72 hours states the reasons for the delay.
        CONSTRAINT breaches_late_notification CHECK (
          authority_notified_at IS NULL OR authority_notified_at <= aware_at + interval '72 hours' OR authority_delay_reasons IS NOT NULL
        )
      );
      CREATE UNIQUE INDEX breaches_number_key ON breaches (organization_id, number);
      CREATE INDEX breaches_aware_idx ON breaches (organization_id, aware_at);

      CREATE TABLE breach_activities (
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        breach_id uuid NOT NULL,
        activity_id uuid NOT NULL,
        PRIMARY KEY (organization_id, breach_id, activity_id),
        CONSTRAINT breach_activities_breach_fk FOREIGN KEY (organization_id, breach_id)
          REFERENCES breaches (organization_id, id) ON DELETE CASCADE,
        CONSTRAINT breach_activities_activity_fk FOREIGN KEY (organization_id, activity_id)
          REFERENCES processing_activities (organization_id, id) ON DELETE CASCADE
      );
      CREATE INDEX breach_activities_activity_idx ON breach_activities (organization_id, activity_id);

      CREATE TABLE breach_vendors (
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        breach_id uuid NOT NULL,
        vendor_id uuid NOT NULL,
        PRIMARY KEY (organization_id, breach_id, vendor_id),
        CONSTRAINT breach_vendors_breach_fk FOREIGN KEY (organization_id, breach_id)
          REFERENCES breaches (organization_id, id) ON DELETE CASCADE,
        -- Vendors are terminated rather than deleted; a deleted one leaves the breach (the audit
        -- trail keeps the link it had).
        CONSTRAINT breach_vendors_vendor_fk FOREIGN KEY (organization_id, vendor_id)
          REFERENCES vendors (organization_id, id) ON DELETE CASCADE
      );
      CREATE INDEX breach_vendors_vendor_idx ON breach_vendors (organization_id, vendor_id);
    `);

    await queryRunner.query(tenantIsolation('breaches', 'breach_activities', 'breach_vendors'));

    await queryRunner.query(`
      -- A breach is never deleted by the application (Art 33(5): the record is the documentation).
      GRANT SELECT, INSERT, UPDATE ON breaches TO registre_app;
      GRANT SELECT, INSERT, DELETE ON breach_activities, breach_vendors TO registre_app;
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE IF EXISTS breach_vendors, breach_activities, breaches;');
  }
}
