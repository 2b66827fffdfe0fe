import art9Conditions from '../domain/catalogues/data/art9-conditions.json';
import countries from '../domain/catalogues/data/countries.json';
import dataCategories from '../domain/catalogues/data/data-categories.json';
import dataSubjectCategories from '../domain/catalogues/data/data-subject-categories.json';
import dpia from '../domain/catalogues/data/dpia.json';
import legalBases from '../domain/catalogues/data/legal-bases.json';
import recipientCategories from '../domain/catalogues/data/recipient-categories.json';
import retentionReferences from '../domain/catalogues/data/retention-references.json';
import rights from '../domain/catalogues/data/rights.json';
import securityMeasures from '../domain/catalogues/data/security-measures.json';
import transferMechanisms from '../domain/catalogues/data/transfer-mechanisms.json';

/** One entry of a shipped catalogue, as in shared/reference: a stable code, FR/EN labels, help, facts. */
export interface CatalogueItem {
  code: string;
  fr: string;
  en: string;
  help?: { fr: string; en: string };
  [fact: string]: unknown;
}

export interface CatalogueSource {
  name: string;
  version: string;
  /** Organisations may add their own entries (never changing the shipped codes). */
  open: boolean;
  items: CatalogueItem[];
}

const items = (list: unknown): CatalogueItem[] => list as CatalogueItem[];

/** Every catalogue served by GET /api/v1/catalogues/:name, by URL name. */
export const CATALOGUE_SOURCES: CatalogueSource[] = [
  { name: 'legal-bases', version: legalBases.version, open: false, items: items(legalBases.items) },
  { name: 'art9-conditions', version: art9Conditions.version, open: false, items: items(art9Conditions.items) },
  { name: 'data-categories', version: dataCategories.version, open: true, items: items(dataCategories.items) },
  { name: 'data-subject-categories', version: dataSubjectCategories.version, open: true, items: items(dataSubjectCategories.items) },
  { name: 'recipient-categories', version: recipientCategories.version, open: false, items: items(recipientCategories.items) },
  { name: 'security-measures', version: securityMeasures.version, open: true, items: items(securityMeasures.items) },
  { name: 'countries', version: countries.version, open: false, items: items(countries.items) },
  { name: 'transfer-mechanisms', version: transferMechanisms.version, open: false, items: items(transferMechanisms.items) },
  { name: 'rights', version: rights.version, open: false, items: items(rights.items) },
  { name: 'retention-references', version: retentionReferences.version, open: false, items: items(retentionReferences.items) },
  { name: 'retention-start-events', version: retentionReferences.version, open: false, items: items(retentionReferences.startEvents) },
  { name: 'dpia-criteria', version: dpia.version, open: false, items: items(dpia.criteria) },
  { name: 'dpia-art35-cases', version: dpia.version, open: false, items: items(dpia.art35_3Cases) },
  { name: 'dpia-cnil-required', version: dpia.version, open: false, items: items(dpia.cnilRequiredList) },
  { name: 'dpia-cnil-exempt', version: dpia.version, open: false, items: items(dpia.cnilExemptList) },
  { name: 'dpia-feared-events', version: dpia.version, open: false, items: items(dpia.feared_events) },
  { name: 'dpia-severity', version: dpia.version, open: false, items: items(dpia.severityScale) },
  { name: 'dpia-likelihood', version: dpia.version, open: false, items: items(dpia.likelihoodScale) },
  { name: 'dpia-opinions', version: dpia.version, open: false, items: items(dpia.opinions) },
  { name: 'dpia-decisions', version: dpia.version, open: false, items: items(dpia.decisions) },
];

export const CATALOGUE_NAMES = CATALOGUE_SOURCES.map((source) => source.name);
export const OPEN_CATALOGUES = CATALOGUE_SOURCES.filter((source) => source.open).map((source) => source.name);
