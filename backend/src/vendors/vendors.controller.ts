import { Body, Controller, Delete, Get, Headers, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ParseVersionNumberPipe } from '../activities/activities.controller';
import { CurrentAccess, OrganizationAccess } from '../authorization/request-auth';
import { CheckPolicy } from '../authorization/route-policy';
import { expectedVersion } from '../common/concurrency/expected-version';
import { PageQuery } from '../common/http/pagination';
import { ParseIdPipe } from '../common/http/parse-id.pipe';
import { FieldValidationException } from '../common/http/validation';
import {
  CountryBreakdownView,
  CreateVendorDto,
  ListVendorsQuery,
  ReviewPage,
  ReviewVendorDto,
  TerminatedVendorView,
  TerminateVendorDto,
  UpdateVendorDto,
  VendorImportResultView,
  VendorPage,
  VendorVersionPage,
  VendorVersionView,
  VendorView,
} from './dto/vendor.dto';
import { AdequacyConfirmationsService } from '../transfers/adequacy-confirmations.service';
import { AdequacyConfirmationView, ConfirmAdequacyScopeDto } from '../transfers/dto/adequacy-confirmation.dto';
import { VendorImport } from './vendor-import.service';
import { VendorQueries } from './vendor-queries.service';
import { VendorReviews } from './vendor-reviews.service';
import { VendorsService } from './vendors.service';

/** Bodies above this many vendors are refused; larger lists are imported in parts. */
const IMPORT_LIMIT = 1000;

@ApiTags('vendors')
@Controller('v1/organizations/:orgId/vendors')
export class VendorsController {
  constructor(
    private readonly vendors: VendorsService,
    private readonly queries: VendorQueries,
    private readonly reviewing: VendorReviews,
    private readonly importer: VendorImport,
    private readonly confirmations: AdequacyConfirmationsService,
  ) {}

  @Get()
  @CheckPolicy('read', 'Vendor')
  @ApiOperation({ summary: 'Vendors: search and filters (status, role, country, DPA missing, exposed, transfer needs a mechanism, review overdue), sort, pages' })
  @ApiOkResponse({ type: VendorPage })
  list(@CurrentAccess() access: OrganizationAccess, @Query() query: ListVendorsQuery): Promise<VendorPage> {
    return this.queries.list(access.organizationId, query);
  }

  @Post()
  @CheckPolicy('create', 'Vendor')
  @ApiOperation({ summary: 'Create a vendor (interchange format); contributors propose it (under_review)' })
  @ApiCreatedResponse({ type: VendorView })
  @ApiUnprocessableEntityResponse({ description: 'vendor_cannot_approve: approved without a DPA or with a transfer lacking a mechanism' })
  create(@CurrentAccess() access: OrganizationAccess, @Body() body: CreateVendorDto): Promise<VendorView> {
    return this.vendors.create(access, body);
  }

  @Post('import-json')
  @CheckPolicy('create', 'Vendor')
  @ApiOperation({ summary: 'Import vendors in the interchange format (the sample register’s "vendors"), all or nothing' })
  @ApiBody({ type: [CreateVendorDto] })
  @ApiCreatedResponse({ type: VendorImportResultView })
  @ApiUnprocessableEntityResponse({ description: 'Nothing imported: per-item errors in details.items' })
  importJson(@CurrentAccess() access: OrganizationAccess, @Body() body: unknown): Promise<VendorImportResultView> {
    if (!Array.isArray(body)) throw new FieldValidationException([{ path: '', code: 'isArray', args: [] }]);
    if (body.length > IMPORT_LIMIT) throw new FieldValidationException([{ path: '', code: 'arrayMaxSize', args: [String(IMPORT_LIMIT)] }]);
    return this.importer.importVendors(access, body);
  }

  @Get('countries')
  @CheckPolicy('read', 'Vendor')
  @ApiOperation({ summary: 'Where data go: per country, its zone (EEA, adequate, needs safeguards) and the vendor locations and activity transfers there' })
  @ApiOkResponse({ type: CountryBreakdownView })
  countries(@CurrentAccess() access: OrganizationAccess): Promise<CountryBreakdownView> {
    return this.queries.countries(access.organizationId);
  }

  @Get(':vendorId/adequacy-confirmations')
  @CheckPolicy('read', 'Vendor')
  @ApiOperation({ summary: 'The DPO’s confirmations that the vendor is in the scope of a partial adequacy decision (who, when, why), newest first' })
  @ApiOkResponse({ type: [AdequacyConfirmationView] })
  async adequacyConfirmations(@CurrentAccess() access: OrganizationAccess, @Param('vendorId', ParseIdPipe) vendorId: string): Promise<AdequacyConfirmationView[]> {
    const vendor = await this.queries.find(access.organizationId, vendorId);
    return this.confirmations.history(access.organizationId, vendor.name);
  }

  @Post(':vendorId/adequacy-confirmations')
  @CheckPolicy('create', 'AdequacyConfirmation')
  @ApiOperation({ summary: 'The DPO confirms the vendor is in the scope of the partial adequacy decision of one of its data locations (Art 45(1)): the transfer is then covered' })
  @ApiCreatedResponse({ type: AdequacyConfirmationView })
  @ApiUnprocessableEntityResponse({ description: 'adequacy_not_partial: no partial decision applies to the country today; adequacy_country_not_a_location' })
  async confirmAdequacyScope(
    @CurrentAccess() access: OrganizationAccess,
    @Param('vendorId', ParseIdPipe) vendorId: string,
    @Body() body: ConfirmAdequacyScopeDto,
  ): Promise<AdequacyConfirmationView> {
    const vendor = await this.queries.find(access.organizationId, vendorId);
    return this.confirmations.confirm(
      access.organizationId,
      { entityType: 'Vendor', entityId: vendor.id, entityLabel: vendor.name, name: vendor.name, dataLocations: vendor.dataLocations },
      body,
    );
  }

  @Get(':vendorId')
  @CheckPolicy('read', 'Vendor')
  @ApiOperation({ summary: 'A vendor with its transfer assessment, sub-processor chain, activities and last review' })
  @ApiOkResponse({ type: VendorView })
  get(@CurrentAccess() access: OrganizationAccess, @Param('vendorId', ParseIdPipe) vendorId: string): Promise<VendorView> {
    return this.queries.get(access.organizationId, vendorId);
  }

  @Patch(':vendorId')
  @CheckPolicy('update', 'Vendor')
  @ApiOperation({ summary: 'Change a vendor (optimistic concurrency: version or If-Match); the status changes through review and terminate' })
  @ApiOkResponse({ type: VendorView })
  @ApiConflictResponse({ description: 'Stale version (details.currentVersion), or a name already used' })
  update(
    @CurrentAccess() access: OrganizationAccess,
    @Param('vendorId', ParseIdPipe) vendorId: string,
    @Body() body: UpdateVendorDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<VendorView> {
    const { version, ...changes } = body;
    return this.vendors.update(access, vendorId, expectedVersion(version, ifMatch), changes);
  }

  @Delete(':vendorId')
  @CheckPolicy('delete', 'Vendor')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete a vendor no activity nor vendor uses (otherwise terminate it)' })
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: 'vendor_in_use: details.activities and details.vendors' })
  remove(@CurrentAccess() access: OrganizationAccess, @Param('vendorId', ParseIdPipe) vendorId: string): Promise<void> {
    return this.vendors.remove(access, vendorId);
  }

  @Post(':vendorId/review')
  @CheckPolicy('validate', 'Vendor')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Record a review questionnaire (DPO, admin); its result sets the status' })
  @ApiOkResponse({ type: VendorView })
  @ApiUnprocessableEntityResponse({ description: 'vendor_cannot_approve: details.concerns' })
  review(@CurrentAccess() access: OrganizationAccess, @Param('vendorId', ParseIdPipe) vendorId: string, @Body() body: ReviewVendorDto, @Headers('if-match') ifMatch?: string): Promise<VendorView> {
    const { version, ...review } = body;
    return this.reviewing.review(access, vendorId, expectedVersion(version, ifMatch), review);
  }

  @Get(':vendorId/reviews')
  @CheckPolicy('read', 'Vendor')
  @ApiOperation({ summary: 'Review history of a vendor, newest first' })
  @ApiOkResponse({ type: ReviewPage })
  reviews(@CurrentAccess() access: OrganizationAccess, @Param('vendorId', ParseIdPipe) vendorId: string, @Query() query: PageQuery): Promise<ReviewPage> {
    return this.reviewing.reviews(access.organizationId, vendorId, query);
  }

  @Post(':vendorId/terminate')
  @CheckPolicy('validate', 'Vendor')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Terminate a vendor (DPO, admin); the answer lists the activities still using it' })
  @ApiOkResponse({ type: TerminatedVendorView })
  terminate(
    @CurrentAccess() access: OrganizationAccess,
    @Param('vendorId', ParseIdPipe) vendorId: string,
    @Body() body: TerminateVendorDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<TerminatedVendorView> {
    return this.reviewing.terminate(access, vendorId, expectedVersion(body.version, ifMatch), body.comment ?? null);
  }

  @Get(':vendorId/versions')
  @CheckPolicy('read', 'Vendor')
  @ApiOperation({ summary: 'History of a vendor, newest first' })
  @ApiOkResponse({ type: VendorVersionPage })
  versions(@CurrentAccess() access: OrganizationAccess, @Param('vendorId', ParseIdPipe) vendorId: string, @Query() query: PageQuery): Promise<VendorVersionPage> {
    return this.queries.versions(access.organizationId, vendorId, query);
  }

  @Get(':vendorId/versions/:number')
  @CheckPolicy('read', 'Vendor')
  @ApiOperation({ summary: 'One version: the full snapshot in the interchange format' })
  @ApiOkResponse({ type: VendorVersionView })
  version(
    @CurrentAccess() access: OrganizationAccess,
    @Param('vendorId', ParseIdPipe) vendorId: string,
    @Param('number', ParseVersionNumberPipe) number: number,
  ): Promise<VendorVersionView> {
    return this.queries.version(access.organizationId, vendorId, number);
  }
}
