import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentAccess, OrganizationAccess } from '../authorization/request-auth';
import { Authenticated, CheckPolicy } from '../authorization/route-policy';
import { CataloguesService } from './catalogues.service';
import { CatalogueItemView, CatalogueSummary, CatalogueView, CreateCatalogueEntryDto } from './dto/catalogue.dto';

@ApiTags('catalogues')
@Controller('v1')
export class CataloguesController {
  constructor(private readonly catalogues: CataloguesService) {}

  @Get('catalogues')
  @Authenticated()
  @ApiOperation({ summary: 'The GDPR reference catalogues shipped with Registre' })
  @ApiOkResponse({ type: [CatalogueSummary] })
  list(): CatalogueSummary[] {
    return this.catalogues.summaries();
  }

  @Get('catalogues/:name')
  @Authenticated()
  @ApiOperation({ summary: 'A shipped catalogue: stable codes, FR/EN labels, help and facts' })
  @ApiOkResponse({ type: CatalogueView })
  get(@Param('name') name: string): CatalogueView {
    return this.catalogues.shipped(name);
  }

  @Get('organizations/:orgId/catalogues/:name')
  @CheckPolicy('read', 'CatalogueEntry')
  @ApiOperation({ summary: "A catalogue with the organisation's own entries (open catalogues)" })
  @ApiOkResponse({ type: CatalogueView })
  getForOrganization(@CurrentAccess() access: OrganizationAccess, @Param('name') name: string): Promise<CatalogueView> {
    return this.catalogues.forOrganization(access.organizationId, name);
  }

  @Post('organizations/:orgId/catalogues/:name/entries')
  @CheckPolicy('create', 'CatalogueEntry')
  @ApiOperation({ summary: 'Add an own entry to an open catalogue (data categories, subject categories, security measures)' })
  @ApiCreatedResponse({ type: CatalogueItemView })
  addEntry(@CurrentAccess() access: OrganizationAccess, @Param('name') name: string, @Body() body: CreateCatalogueEntryDto): Promise<CatalogueItemView> {
    return this.catalogues.addEntry(access.organizationId, name, body);
  }

  @Delete('organizations/:orgId/catalogues/:name/entries/:code')
  @CheckPolicy('delete', 'CatalogueEntry')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove an own entry' })
  @ApiNoContentResponse()
  removeEntry(@CurrentAccess() access: OrganizationAccess, @Param('name') name: string, @Param('code') code: string): Promise<void> {
    return this.catalogues.removeEntry(access.organizationId, name, code);
  }
}
