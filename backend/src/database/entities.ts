import { ActivityVersion, ProcessingActivity } from '../activities/activity.entity';
import { AuditEvent } from '../audit/audit-event.entity';
import { Breach } from '../breaches/breach.entity';
import { CatalogueEntry, OrganizationCatalogueEntry } from '../catalogues/catalogue-entry.entity';
import { Department } from '../departments/department.entity';
import { DesignGrid } from '../design-grids/design-grid.entity';
import { Dpia, DpiaRevision } from '../dpias/dpia.entity';
import { EvidenceDocument } from '../evidence/evidence-document.entity';
import { Membership } from '../members/membership.entity';
import { Organization } from '../organizations/organization.entity';
import { RightsRequest } from '../rights-requests/rights-request.entity';
import { User } from '../users/user.entity';
import { Vendor, VendorReview, VendorVersion } from '../vendors/vendor.entity';

export const entities = [User, Organization, Membership, Department, AuditEvent, CatalogueEntry, OrganizationCatalogueEntry, ProcessingActivity, ActivityVersion, Vendor, VendorVersion, VendorReview, EvidenceDocument, Dpia, DpiaRevision, DesignGrid, RightsRequest, Breach];
