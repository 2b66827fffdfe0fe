import type { NotificationRecordType } from '../domain/notifications/notification-kinds';

/** The app page of a notified record (a path the web app routes). */
export function recordPath(organizationId: string, row: { record_type: NotificationRecordType; record_id: string }): string {
  switch (row.record_type) {
    case 'activity':
      return `/orgs/${organizationId}/register/${row.record_id}`;
    case 'vendor':
      return `/orgs/${organizationId}/vendors/${row.record_id}`;
    case 'dpia':
      return `/orgs/${organizationId}/dpias/${row.record_id}`;
    case 'design_grid':
      return `/orgs/${organizationId}/design-grid/${row.record_id}`;
    case 'rights_request':
      return `/orgs/${organizationId}/rights-requests/${row.record_id}`;
    case 'breach':
      return `/orgs/${organizationId}/breaches/${row.record_id}`;
    case 'membership':
      return `/orgs/${organizationId}/settings/members`;
    case 'adequacy_change':
      // The notice's own link (adequacyLink) names the findings it raises; this is the fallback.
      return `/orgs/${organizationId}/dashboard`;
  }
}
