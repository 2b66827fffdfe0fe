import { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolation } from '../tenant-isolation';

/**
 * The register of rights requests (Art 12–22 GDPR): when a request was received, by which channel,
 * which right, the requester kept minimal (name, contact, how their identity was checked — never a
 * copy of an identity document here), the activities it touches, the answer, and the due days
 * counted as EU law counts periods (`due_on`, `extended_due_on`: calendar days of the organisation).
 *
 * Every table is tenant-owned: organization_id is in its primary key and in every foreign key to
 * another tenant table, and row-level security limits it to the organisation of the transaction.
 */
export class RightsRequests1763972180000 implements MigrationInterface {
  name = 'RightsRequests1763972180000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE rights_requests (
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        -- D-0001, D-0002… per organisation: what people read instead of an id.
        number integer NOT NULL CHECK (number >= 1),
        received_at timestamptz NOT NULL,
        channel text NOT NULL CHECK (channel IN ('email', 'post', 'web_form', 'phone', 'in_person', 'other')),
        type text NOT NULL CHECK (type IN ('access', 'rectification', 'erasure', 'restriction', 'portability', 'objection', 'automated_decision', 'consent_withdrawal')),
        description text,
        requester_name text NOT NULL CHECK (length(requester_name) BETWEEN 1 AND 300),
        requester_contact text,
        identity_check_status text NOT NULL DEFAULT 'not_needed'
          CHECK (identity_check_status IN ('not_needed', 'pending', 'verified', 'failed')),
        identity_check_method text,
        status text NOT NULL DEFAULT 'received'
          CHECK (status IN ('received', 'identity_check', 'in_progress', 'answered', 'refused', 'withdrawn')),
        -- Art 12(3): one month from receipt (1182/71 Art 3), in the organisation's calendar.
        due_on date NOT NULL,
        -- Art 12(3): two further months, once, with the reason and the day the person was told.
        extended_due_on date,
        extension_reason text,
        person_informed_on date,
        answer_sent_at timestamptz,
        answer_channel text,
        answer_summary text,
        -- Art 12(4)/(5): a refusal states its grounds.
        refusal_grounds text,
        closed_at timestamptz,
        recorded_by uuid REFERENCES users (id) ON DELETE SET NULL,
        version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, id),
        CONSTRAINT rights_requests_extension CHECK (
          (extended_due_on IS NULL) = (extension_reason IS NULL)
          AND (extended_due_on IS NULL) = (person_informed_on IS NULL)
          AND (extended_due_on IS NULL OR extended_due_on > due_on)
        ),
        CONSTRAINT rights_requests_refusal CHECK (status <> 'refused' OR refusal_grounds IS NOT NULL),
        CONSTRAINT rights_requests_answer CHECK (status <> 'answered' OR answer_sent_at IS NOT NULL),
        CONSTRAINT rights_requests_closed CHECK ((status IN ('answered', 'refused', 'withdrawn')) = (closed_at IS NOT NULL))
      );
      CREATE UNIQUE INDEX rights_requests_number_key ON rights_requests (organization_id, number);
      -- The list's default order and the overdue filter.
      CREATE INDEX rights_requests_due_idx ON rights_requests (organization_id, (coalesce(extended_due_on, due_on)));
      CREATE INDEX rights_requests_status_idx ON rights_requests (organization_id, status);

      -- The activities a request touches (suggested from the register, confirmed by the DPO).
      CREATE TABLE rights_request_activities (
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        request_id uuid NOT NULL,
        activity_id uuid NOT NULL,
        PRIMARY KEY (organization_id, request_id, activity_id),
        CONSTRAINT rights_request_activities_request_fk FOREIGN KEY (organization_id, request_id)
          REFERENCES rights_requests (organization_id, id) ON DELETE CASCADE,
        CONSTRAINT rights_request_activities_activity_fk FOREIGN KEY (organization_id, activity_id)
          REFERENCES processing_activities (organization_id, id) ON DELETE CASCADE
      );
      CREATE INDEX rights_request_activities_activity_idx ON rights_request_activities (organization_id, activity_id);
    `);

    await queryRunner.query(tenantIsolation('rights_requests', 'rights_request_activities'));

    await queryRunner.query(`
      -- A request is never deleted by the application: the register is the proof of how it was handled.
      GRANT SELECT, INSERT, UPDATE ON rights_requests TO registre_app;
      GRANT SELECT, INSERT, DELETE ON rights_request_activities TO registre_app;
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE IF EXISTS rights_request_activities, rights_requests;');
  }
}
