import { Injectable } from '@nestjs/common';
import { ActivityDirectory } from '../activities/directory/activity-directory';
import { TransactionalConnection } from '../common/request-context/transactional-connection';
import { onboardingSteps } from '../domain/organizations/onboarding';
import { zoneOf } from '../domain/transfers/transfer-status';
import { TransferFactsService } from '../transfers/transfer-facts.service';
import type { OnboardingView } from './dto/onboarding.dto';
import { OrganizationsService } from './organizations.service';

/**
 * The onboarding checklist, computed from the facts each time it is read (never stored), so a step
 * is done as soon as the settings, the members or the register say so, and undone if they stop saying it.
 */
@Injectable()
export class OnboardingService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly organizations: OrganizationsService,
    private readonly activities: ActivityDirectory,
    private readonly transferFacts: TransferFactsService,
  ) {}

  async checklist(organizationId: string): Promise<OnboardingView> {
    const organization = await this.organizations.get(organizationId);
    // Departments, members and open invitations: three counts in one read of the request's transaction.
    const [counts] = await this.connection.manager.query<{ departments: number; members: number; invitations: number }[]>(
      `SELECT (SELECT count(*)::int FROM departments WHERE organization_id = $1) AS departments,
              (SELECT count(*)::int FROM memberships WHERE organization_id = $1) AS members,
              (SELECT count(*)::int FROM invitations WHERE organization_id = $1
                 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()) AS invitations`,
      [organizationId],
    );
    const facts = await this.transferFacts.facts();
    const steps = onboardingSteps({
      ...organization,
      establishedOutsideEea: organization.country !== null && zoneOf(organization.country, facts) !== 'eea',
      departments: counts.departments,
      members: counts.members,
      pendingInvitations: counts.invitations,
      activities: await this.activities.count(organizationId),
    });
    return { steps, complete: steps.every((step) => step.done) };
  }
}
