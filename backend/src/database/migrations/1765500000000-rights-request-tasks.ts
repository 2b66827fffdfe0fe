import { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolation } from '../tenant-isolation';

/**
 * The work a rights request asks of the organisation (issue #18): for each activity it touches, the
 * member who extracts the data and the one who erases it; for each vendor of those activities, the day
 * it was asked to act and the day it confirmed (Art 17 and 19: erasure must reach every processor and
 * recipient, and an audit asks for the proof). A note on each.
 *
 * Both tables are part of the request: they change with its version, through its audit trail.
 * Tenant-owned like the request: organization_id in every key, row-level security.
 */
export class RightsRequestTasks1765500000000 implements MigrationInterface {
  name = 'RightsRequestTasks1765500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE rights_request_activity_tasks (
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        request_id uuid NOT NULL,
        activity_id uuid NOT NULL,
        -- Members of the organisation (checked by the API); a deleted account leaves the task unassigned.
        extracted_by uuid REFERENCES users (id) ON DELETE SET NULL,
        erased_by uuid REFERENCES users (id) ON DELETE SET NULL,
        note text CHECK (length(note) <= 2000),
        PRIMARY KEY (organization_id, request_id, activity_id),
        -- An activity unlinked from the request takes its task with it.
        CONSTRAINT rights_request_activity_tasks_link_fk FOREIGN KEY (organization_id, request_id, activity_id)
          REFERENCES rights_request_activities (organization_id, request_id, activity_id) ON DELETE CASCADE
      );

      CREATE TABLE rights_request_processor_tasks (
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        request_id uuid NOT NULL,
        vendor_id uuid NOT NULL,
        asked_on date,
        confirmed_on date,
        note text CHECK (length(note) <= 2000),
        PRIMARY KEY (organization_id, request_id, vendor_id),
        CONSTRAINT rights_request_processor_tasks_request_fk FOREIGN KEY (organization_id, request_id)
          REFERENCES rights_requests (organization_id, id) ON DELETE CASCADE,
        -- Vendors are terminated rather than deleted; a deleted one leaves the request (the audit
        -- trail keeps what was recorded), as with breaches.
        CONSTRAINT rights_request_processor_tasks_vendor_fk FOREIGN KEY (organization_id, vendor_id)
          REFERENCES vendors (organization_id, id) ON DELETE CASCADE,
        CONSTRAINT rights_request_processor_tasks_dates CHECK (confirmed_on IS NULL OR (asked_on IS NOT NULL AND confirmed_on >= asked_on))
      );
      CREATE INDEX rights_request_processor_tasks_vendor_idx ON rights_request_processor_tasks (organization_id, vendor_id);
    `);

    await queryRunner.query(tenantIsolation('rights_request_activity_tasks', 'rights_request_processor_tasks'));

    await queryRunner.query(`
      -- The request's tasks are replaced as a whole when the DPO saves them.
      GRANT SELECT, INSERT, DELETE ON rights_request_activity_tasks, rights_request_processor_tasks TO registre_app;
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE IF EXISTS rights_request_activity_tasks, rights_request_processor_tasks;');
  }
}
