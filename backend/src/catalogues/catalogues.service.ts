import { HttpStatus, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { AppException } from '../common/errors/app-exception';
import { onUniqueViolation } from '../common/errors/database-errors';
import { TransactionalConnection } from '../common/request-context/transactional-connection';
import { OrganizationCatalogueEntry } from './catalogue-entry.entity';
import { CATALOGUE_SOURCES, CatalogueSource } from './catalogue-sources';
import type { CatalogueItemView, CatalogueSummary, CatalogueView, CreateCatalogueEntryDto } from './dto/catalogue.dto';

function help(fr: string | null, en: string | null): { fr: string; en: string } | null {
  return fr !== null && en !== null ? { fr, en } : null;
}

@Injectable()
export class CataloguesService {
  private readonly shippedViews = new Map<string, CatalogueView>();

  constructor(
    private readonly connection: TransactionalConnection,
    private readonly audit: AuditService,
  ) {}

  private source(name: string): CatalogueSource {
    const source = CATALOGUE_SOURCES.find((candidate) => candidate.name === name);
    if (!source) throw AppException.notFound();
    return source;
  }

  summaries(): CatalogueSummary[] {
    return CATALOGUE_SOURCES.map(({ name, version, open, items }) => ({ name, version, open, count: items.length }));
  }

  /**
   * The shipped entries, in catalogue order. Served from memory: they are the files the
   * catalogue_entries table is synced from at start, and reading them must not take a second
   * database connection while the request's transaction holds one.
   */
  shipped(name: string): CatalogueView {
    const cached = this.shippedViews.get(name);
    if (cached) return cached;
    const source = this.source(name);
    const view: CatalogueView = {
      name,
      version: source.version,
      open: source.open,
      items: source.items.map(({ code, fr, en, help, ...facts }): CatalogueItemView => ({ ...facts, code, fr, en, help: help ?? null, custom: false })),
    };
    this.shippedViews.set(name, view);
    return view;
  }

  /** Shipped entries followed by the organisation's own. */
  async forOrganization(organizationId: string, name: string): Promise<CatalogueView> {
    const catalogue = this.shipped(name);
    if (!catalogue.open) return catalogue;
    const own = await this.connection.getRepository(OrganizationCatalogueEntry).find({ where: { organizationId, catalogue: name }, order: { code: 'ASC' } });
    return {
      ...catalogue,
      items: [...catalogue.items, ...own.map((entry) => ({ code: entry.code, fr: entry.labelFr, en: entry.labelEn, help: help(entry.helpFr, entry.helpEn), custom: true }))],
    };
  }

  async addEntry(organizationId: string, name: string, input: CreateCatalogueEntryDto): Promise<CatalogueItemView> {
    const source = this.source(name);
    if (!source.open) throw new AppException(HttpStatus.UNPROCESSABLE_ENTITY, 'catalogue_closed', { catalogue: name });
    const repository = this.connection.getRepository(OrganizationCatalogueEntry);
    const taken =
      source.items.some((item) => item.code === input.code) || (await repository.existsBy({ organizationId, catalogue: name, code: input.code }));
    const codeTaken = () => new AppException(HttpStatus.CONFLICT, 'catalogue_code_taken', { code: input.code }, { code: input.code });
    if (taken) throw codeTaken();
    // A plain INSERT, not save(): save() looks the key up and turns into an UPDATE when a concurrent
    // request created the code meanwhile, silently overwriting it with a second "created" event.
    const entry = repository.create({ organizationId, catalogue: name, code: input.code, labelFr: input.fr, labelEn: input.en, helpFr: input.help?.fr ?? null, helpEn: input.help?.en ?? null });
    await onUniqueViolation(() => repository.insert(entry), codeTaken);
    const view = { code: entry.code, fr: entry.labelFr, en: entry.labelEn, help: help(entry.helpFr, entry.helpEn), custom: true };
    await this.audit.record({ action: 'create', entityType: 'CatalogueEntry', entityId: null, entityLabel: `${name}:${entry.code}`, after: view });
    return view;
  }

  async removeEntry(organizationId: string, name: string, code: string): Promise<void> {
    this.source(name);
    const repository = this.connection.getRepository(OrganizationCatalogueEntry);
    const entry = await repository.findOneBy({ organizationId, catalogue: name, code });
    if (!entry) throw AppException.notFound();
    await repository.delete({ organizationId, catalogue: name, code });
    await this.audit.record({ action: 'delete', entityType: 'CatalogueEntry', entityId: null, entityLabel: `${name}:${code}`, before: { code, fr: entry.labelFr, en: entry.labelEn } });
  }
}
