import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentAccess, OrganizationAccess } from '../authorization/request-auth';
import { CheckPolicy } from '../authorization/route-policy';
import { ReviewQueueView } from './dto/review-queue.dto';
import { ReviewQueueService } from './review-queue.service';

@ApiTags('review-queue')
@Controller('v1/organizations/:orgId/review-queue')
export class ReviewQueueController {
  constructor(private readonly reviewQueue: ReviewQueueService) {}

  @Get()
  @CheckPolicy('read', 'ReviewQueue')
  @ApiOperation({ summary: 'What waits for the DPO, oldest first: submitted activities, design grids sent, DPIAs awaiting an opinion, vendors proposed' })
  @ApiOkResponse({ type: ReviewQueueView })
  async get(@CurrentAccess() access: OrganizationAccess): Promise<ReviewQueueView> {
    return { items: await this.reviewQueue.queue(access.organizationId) };
  }
}
