import { breachesSheet } from './sheets/breaches.sheet';
import { coverSheet } from './sheets/cover.sheet';
import { dataCategoriesSheet } from './sheets/data-categories.sheet';
import { dataSubjectsSheet } from './sheets/data-subjects.sheet';
import { dpiaScreeningSheet } from './sheets/dpia-screening.sheet';
import { dpiasSheet } from './sheets/dpias.sheet';
import { partiesSheet } from './sheets/parties.sheet';
import { processorRegisterSheet } from './sheets/processor-register.sheet';
import { processorsSheet } from './sheets/processors.sheet';
import { purposesSheet } from './sheets/purposes.sheet';
import { recipientsSheet } from './sheets/recipients.sheet';
import { registerSheet } from './sheets/register.sheet';
import { rightsRequestsSheet } from './sheets/rights-requests.sheet';
import { securityMeasuresSheet } from './sheets/security-measures.sheet';
import { transfersSheet } from './sheets/transfers.sheet';
import { vendorsSheet } from './sheets/vendors.sheet';
import type { SheetWriter } from './sheet-writer';

/** The template: the sheets the import reads, empty, with drop-down lists from the catalogues. */
export const TEMPLATE_SHEETS: SheetWriter[] = [
  registerSheet,
  partiesSheet,
  purposesSheet,
  dataCategoriesSheet,
  dataSubjectsSheet,
  recipientsSheet,
  processorsSheet,
  transfersSheet,
  securityMeasuresSheet,
  dpiaScreeningSheet,
];

/**
 * The sheets of register.xlsx, in order: the cover, the sheets the import reads (so an export can be
 * re-imported), then the ones it does not. A feature adds its sheet here; each writer reads its own
 * data, so sheets never depend on each other. The rights-request and breach sheets are written for
 * those who read those registers whole only.
 */
export const REGISTER_SHEETS: SheetWriter[] = [coverSheet, ...TEMPLATE_SHEETS, dpiasSheet, vendorsSheet, processorRegisterSheet, rightsRequestsSheet, breachesSheet];

export const VENDOR_SHEETS: SheetWriter[] = [coverSheet, vendorsSheet];
export const PROCESSOR_REGISTER_SHEETS: SheetWriter[] = [coverSheet, processorRegisterSheet];
