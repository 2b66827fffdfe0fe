import backendEn from '@domain/i18n/messages.en.json';
import backendFr from '@domain/i18n/messages.fr.json';
import { TRANSFER_STATUSES } from '@domain/transfers/transfer-status';

import en from '@/i18n/messages/en.json';
import fr from '@/i18n/messages/fr.json';

/**
 * One vocabulary of transfer statuses: the activity and vendor pages (web messages) and the workbook
 * and API messages (server messages) name each status with the same words.
 */
describe.each([
  ['fr', fr, backendFr],
  ['en', en, backendEn],
] as const)('transfer statuses in %s', (_locale, web, server) => {
  it.each(TRANSFER_STATUSES)('%s reads the same on the pages and in the workbook', (status) => {
    const exportLabels = server.exports as Record<string, string>;
    expect(web.vendors.transferStatus[status]).toBe(exportLabels[`transfer_status_${status}`]);
  });

  it('“needs a mechanism” is the same words as a status, a filter, a flag, a workbook column and an API message', () => {
    const words = web.vendors.transferStatus.needs_mechanism;
    expect(web.vendors.filters.needsMechanism).toBe(words);
    expect(web.vendors.flags.needsMechanism.toLowerCase()).toBe(words.toLowerCase());
    expect(server.exports.col_needs_mechanism).toBe(words);
    expect(server.vendor_concerns.transfer_needs_mechanism.startsWith(`${words} :`) || server.vendor_concerns.transfer_needs_mechanism.startsWith(`${words}:`)).toBe(true);
  });
});
