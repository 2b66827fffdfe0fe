import { Injectable } from '@nestjs/common';
import { ForbiddenError } from '@casl/ability';
import { FieldError, validatePlain } from '../common/http/validation';
import { TransferFactsService } from '../transfers/transfer-facts.service';
import { CreateVendorDto, VendorImportResultView } from './dto/vendor.dto';
import { Vendor } from './vendor.entity';
import { VendorImportInvalidException } from './vendor-errors';
import { pick, VendorLinksService, VendorName } from './vendor-links.service';
import { asSubject, VendorAccess } from './vendor-access';
import { approvalFieldErrors, buildVendor, checkCodes, documentsNotAttached, proposalInput, VendorProposal } from './vendor-input';
import { VendorGraph } from './vendor-graph.service';
import { VendorStore } from './vendor-store.service';

/** The interchange-format import of vendors, and the proposals other parts of Registre make. */
@Injectable()
export class VendorImport {
  constructor(
    private readonly transferFacts: TransferFactsService,
    private readonly store: VendorStore,
    private readonly links: VendorLinksService,
    private readonly graph: VendorGraph,
  ) {}

  /**
   * Imports vendors in the interchange format (the sample register's `vendors`), all or nothing.
   * Sub-processors may name vendors of the organisation or of the same file. Statuses are taken when
   * the caller's role could set them (contributors: under_review only).
   */
  async importVendors(access: VendorAccess, items: unknown[]): Promise<VendorImportResultView> {
    const { organizationId } = access;
    const facts = await this.transferFacts.facts();
    await this.graph.lock(organizationId);
    const existing = await this.links.byName(organizationId);
    const report: { name: string | null; fields: FieldError[] }[] = [];
    const prepared: { input: CreateVendorDto; row: Vendor; fields: FieldError[] }[] = [];
    const firstWithName = new Map<string, number>();
    const now = await this.store.now();

    for (const [index, item] of items.entries()) {
      const given = (item as { name?: unknown } | null)?.name;
      const entry = { name: typeof given === 'string' ? given : null, fields: [] as FieldError[] };
      report.push(entry);
      const { value: input, errors: shapeErrors } = await validatePlain(CreateVendorDto, item);
      if (shapeErrors.length) {
        entry.fields.push(...shapeErrors);
        continue;
      }
      entry.fields.push(...checkCodes(input, facts), ...documentsNotAttached(input));
      const row = buildVendor(organizationId, input, null, now);
      if (!access.ability.can('create', asSubject(row))) entry.fields.push({ path: 'status', code: 'vendorStatusNotAllowed', args: [row.status] });
      else if (row.status === 'approved') entry.fields.push(...approvalFieldErrors(row, facts));
      const key = input.name.toLowerCase();
      const first = firstWithName.get(key);
      if (first !== undefined) entry.fields.push({ path: 'name', code: 'nameDuplicateInFile', args: [input.name, String(first)] });
      else {
        firstWithName.set(key, index);
        if (existing.has(key)) entry.fields.push({ path: 'name', code: 'nameTaken', args: [input.name] });
      }
      prepared.push({ input, row, fields: entry.fields });
    }
    // Sub-processors: vendors of the organisation or of the file (a vendor is not its own).
    const inFile = new Map<string, VendorName>(prepared.map(({ row }) => [row.name.toLowerCase(), { id: row.id, name: row.name }]));
    const known = new Map([...existing, ...inFile]);
    const subsOf = new Map<string, VendorName[]>();
    for (const { input, row, fields } of prepared) {
      const { vendors, errors } = pick(input.subProcessors ?? [], known, 'subProcessors');
      fields.push(...errors);
      input.subProcessors?.forEach((name, i) => {
        if (name.toLowerCase() === row.name.toLowerCase()) fields.push({ path: `subProcessors[${i}]`, code: 'subProcessorSelf', args: [name] });
      });
      subsOf.set(
        row.id,
        vendors.filter((vendor) => vendor.id !== row.id),
      );
    }
    if (report.some((entry) => entry.fields.length > 0)) throw new VendorImportInvalidException(report);

    for (const { row } of prepared) await this.store.insert(row);
    for (const [index, { row }] of prepared.entries()) {
      const subProcessors = subsOf.get(row.id)!;
      for (const sub of subProcessors) {
        if (await this.graph.reaches(organizationId, sub.id, row.id)) {
          report[index].fields.push({ path: 'subProcessors', code: 'subProcessorCycle', args: [sub.name] });
          throw new VendorImportInvalidException(report);
        }
      }
      await this.graph.replace(row, subProcessors);
    }
    for (const { row } of prepared) await this.store.recordVersion(row, 'import', null, null, subsOf.get(row.id)!);
    return { imported: prepared.length, items: prepared.map(({ row }) => ({ id: row.id, name: row.name })) };
  }

  /**
   * Vendors an activity import names but the organisation does not have yet: created as proposals
   * (under_review, processor) so the DPO reviews them. Returns them by lower-case name.
   */
  async createProposals(access: VendorAccess, vendorNames: (string | VendorProposal)[]): Promise<VendorName[]> {
    const now = await this.store.now();
    const created: VendorName[] = [];
    const facts = vendorNames.some((item) => typeof item !== 'string') ? await this.transferFacts.facts() : null;
    const rows = vendorNames.map((item) => buildVendor(access.organizationId, typeof item === 'string' ? { name: item } : proposalInput(item, facts!), null, now));
    for (const row of rows) ForbiddenError.from(access.ability).throwUnlessCan('create', asSubject(row));
    // Rows, versions and audit events in multi-row statements (an import may propose hundreds).
    await this.store.insertMany(rows, 'import');
    for (const row of rows) {
      await this.store.notifyProposed(row);
      created.push({ id: row.id, name: row.name });
    }
    return created;
  }
}
