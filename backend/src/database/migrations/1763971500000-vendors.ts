import { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolation } from '../tenant-isolation';

/**
 * Vendors (processors, sub-processors, recipients) with their history, their sub-processor chain and
 * review questionnaires; the link of activities to the vendors they use; evidence documents attached
 * to a vendor or an activity, and their content (the PostgreSQL document store).
 *
 * Every table is tenant-owned: organization_id is in its primary key and in every foreign key to
 * another tenant table, and row-level security limits it to the organisation of the transaction.
 */
export class Vendors1763971500000 implements MigrationInterface {
  name = 'Vendors1763971500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE vendors (
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
        legal_entity text,
        service text,
        role text NOT NULL CHECK (role IN ('processor', 'sub_processor', 'recipient')),
        headquarters_country text CHECK (headquarters_country ~ '^[A-Z]{2}$'),
        parent_company text,
        parent_country text CHECK (parent_country ~ '^[A-Z]{2}$'),
        data_locations text[] NOT NULL DEFAULT '{}',
        certifications text[] NOT NULL DEFAULT '{}',
        dpa_signed boolean NOT NULL DEFAULT false,
        dpa_signed_on date,
        dpa_document_id uuid,
        transfer_mechanism text,
        tia_date date,
        tia_conclusion text,
        tia_document_id uuid,
        status text NOT NULL DEFAULT 'under_review' CHECK (status IN ('under_review', 'approved', 'restricted', 'terminated')),
        next_review_date date,
        notes text,
        version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, id)
      );
      -- Activities name their processors; names are matched without regard to case.
      CREATE UNIQUE INDEX vendors_name_key ON vendors (organization_id, lower(name));
      CREATE INDEX vendors_status_idx ON vendors (organization_id, status);
      CREATE INDEX vendors_review_idx ON vendors (organization_id, next_review_date);
      CREATE INDEX vendors_locations_idx ON vendors USING gin (data_locations);

      -- Full snapshots in the vendor interchange format; the application may add, never rewrite.
      CREATE TABLE vendor_versions (
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        vendor_id uuid NOT NULL,
        number integer NOT NULL CHECK (number >= 1),
        action text NOT NULL,
        snapshot jsonb NOT NULL CHECK (jsonb_typeof(snapshot) = 'object'),
        author_id uuid REFERENCES users (id) ON DELETE SET NULL,
        author_name text,
        comment text,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (organization_id, vendor_id, number),
        CONSTRAINT vendor_versions_vendor_fk FOREIGN KEY (organization_id, vendor_id)
          REFERENCES vendors (organization_id, id) ON DELETE CASCADE
      );

      -- A vendor's own sub-processors, other vendors of the same organisation. The service refuses
      -- cycles; a vendor still listed as someone's sub-processor cannot be deleted (no cascade).
      CREATE TABLE vendor_sub_processors (
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        vendor_id uuid NOT NULL,
        sub_processor_id uuid NOT NULL,
        position integer NOT NULL DEFAULT 0,
        PRIMARY KEY (organization_id, vendor_id, sub_processor_id),
        CONSTRAINT vendor_sub_processors_not_self CHECK (vendor_id <> sub_processor_id),
        CONSTRAINT vendor_sub_processors_vendor_fk FOREIGN KEY (organization_id, vendor_id)
          REFERENCES vendors (organization_id, id) ON DELETE CASCADE,
        CONSTRAINT vendor_sub_processors_sub_processor_fk FOREIGN KEY (organization_id, sub_processor_id)
          REFERENCES vendors (organization_id, id)
      );
      CREATE INDEX vendor_sub_processors_sub_processor_idx ON vendor_sub_processors (organization_id, sub_processor_id);

      -- Review questionnaires: the answers, who reviewed and when, and the status they led to.
      CREATE TABLE vendor_reviews (
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        vendor_id uuid NOT NULL,
        vendor_version integer NOT NULL,
        answers jsonb NOT NULL CHECK (jsonb_typeof(answers) = 'object'),
        concerns jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(concerns) = 'array'),
        previous_status text NOT NULL,
        result text NOT NULL CHECK (result IN ('under_review', 'approved', 'restricted')),
        next_review_date date,
        comment text,
        reviewer_id uuid REFERENCES users (id) ON DELETE SET NULL,
        reviewer_name text,
        reviewed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (organization_id, id),
        CONSTRAINT vendor_reviews_vendor_fk FOREIGN KEY (organization_id, vendor_id)
          REFERENCES vendors (organization_id, id) ON DELETE CASCADE
      );
      CREATE INDEX vendor_reviews_vendor_idx ON vendor_reviews (organization_id, vendor_id, reviewed_at);

      -- The vendors an activity uses (its interchange format's "processors", resolved by name). A
      -- vendor still used by an activity cannot be deleted (no cascade): terminate it instead.
      CREATE TABLE activity_processors (
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        activity_id uuid NOT NULL,
        vendor_id uuid NOT NULL,
        position integer NOT NULL DEFAULT 0,
        PRIMARY KEY (organization_id, activity_id, vendor_id),
        CONSTRAINT activity_processors_activity_fk FOREIGN KEY (organization_id, activity_id)
          REFERENCES processing_activities (organization_id, id) ON DELETE CASCADE,
        CONSTRAINT activity_processors_vendor_fk FOREIGN KEY (organization_id, vendor_id)
          REFERENCES vendors (organization_id, id)
      );
      CREATE INDEX activity_processors_vendor_idx ON activity_processors (organization_id, vendor_id);

      -- Evidence (DPA, TIA, certificates, questionnaires…) attached to exactly one vendor or activity.
      -- The type is detected from the content; the SHA-256 proves later that the file is unchanged.
      CREATE TABLE evidence_documents (
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        vendor_id uuid,
        activity_id uuid,
        kind text NOT NULL CHECK (kind IN ('dpa', 'tia', 'certificate', 'questionnaire', 'contract', 'policy', 'other')),
        file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
        content_type text NOT NULL,
        size_bytes bigint NOT NULL CHECK (size_bytes >= 0),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        description text,
        uploaded_by uuid REFERENCES users (id) ON DELETE SET NULL,
        uploaded_by_name text,
        uploaded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (organization_id, id),
        CONSTRAINT evidence_documents_one_parent CHECK (num_nonnulls(vendor_id, activity_id) = 1),
        CONSTRAINT evidence_documents_vendor_fk FOREIGN KEY (organization_id, vendor_id)
          REFERENCES vendors (organization_id, id) ON DELETE CASCADE,
        CONSTRAINT evidence_documents_activity_fk FOREIGN KEY (organization_id, activity_id)
          REFERENCES processing_activities (organization_id, id) ON DELETE CASCADE
      );
      CREATE INDEX evidence_documents_vendor_idx ON evidence_documents (organization_id, vendor_id);
      CREATE INDEX evidence_documents_activity_idx ON evidence_documents (organization_id, activity_id);

      -- The PostgreSQL implementation of the document store (an S3-compatible store may replace it).
      -- PDF, PNG, JPEG and Office files are compressed already: stored out of line, uncompressed.
      CREATE TABLE evidence_document_contents (
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        document_id uuid NOT NULL,
        content bytea NOT NULL,
        PRIMARY KEY (organization_id, document_id),
        CONSTRAINT evidence_document_contents_document_fk FOREIGN KEY (organization_id, document_id)
          REFERENCES evidence_documents (organization_id, id) ON DELETE CASCADE
      );
      ALTER TABLE evidence_document_contents ALTER COLUMN content SET STORAGE EXTERNAL;

      -- The signed DPA and the TIA point to documents of the vendor (deleting one still referenced is refused).
      ALTER TABLE vendors
        ADD CONSTRAINT vendors_dpa_document_fk FOREIGN KEY (organization_id, dpa_document_id)
          REFERENCES evidence_documents (organization_id, id),
        ADD CONSTRAINT vendors_tia_document_fk FOREIGN KEY (organization_id, tia_document_id)
          REFERENCES evidence_documents (organization_id, id);
    `);

    const tables = ['vendors', 'vendor_versions', 'vendor_sub_processors', 'vendor_reviews', 'activity_processors', 'evidence_documents', 'evidence_document_contents'];
    await queryRunner.query(tenantIsolation(...tables));

    await queryRunner.query(`
      GRANT SELECT, INSERT, UPDATE, DELETE ON vendors TO registre_app;
      -- History and reviews are append-only for the application (a deleted vendor takes them with it
      -- through the foreign keys, which run with the table owner's rights).
      GRANT SELECT, INSERT ON vendor_versions, vendor_reviews TO registre_app;
      GRANT SELECT, INSERT, DELETE ON vendor_sub_processors, activity_processors TO registre_app;
      -- A document is never rewritten: a new file is a new document.
      GRANT SELECT, INSERT, DELETE ON evidence_documents, evidence_document_contents TO registre_app;
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE IF EXISTS vendors DROP CONSTRAINT IF EXISTS vendors_dpa_document_fk, DROP CONSTRAINT IF EXISTS vendors_tia_document_fk;
      DROP TABLE IF EXISTS evidence_document_contents, evidence_documents, activity_processors, vendor_reviews,
        vendor_sub_processors, vendor_versions, vendors;
    `);
  }
}
