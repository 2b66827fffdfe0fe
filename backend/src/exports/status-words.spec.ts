import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { translate } from '../common/i18n/i18n';
import { ENUMS } from './sheets/enum-labels';

/** The web app's messages: the workbook must say each status with the same word as the pages. */
const ui = (locale: 'fr' | 'en') => JSON.parse(readFileSync(resolve(__dirname, `../../../frontend/src/i18n/messages/${locale}.json`), 'utf8')) as Record<string, Record<string, Record<string, string>>>;

describe('status words in the workbook', () => {
  it.each(['fr', 'en'] as const)('are the pages’ words (%s)', (locale) => {
    const messages = ui(locale);
    for (const status of ENUMS.status) expect([status, translate(locale, `exports.status_${status}`)]).toEqual([status, messages.activity?.status?.[status]]);
    for (const status of ['draft', 'in_progress', 'awaiting_dpo_opinion', 'validated', 'refused']) {
      expect([status, translate(locale, `exports.dpia_status_${status}`)]).toEqual([status, messages.dpias?.status?.[status]]);
    }
    for (const status of ENUMS.vendor_status) expect([status, translate(locale, `exports.vendor_status_${status}`)]).toEqual([status, messages.vendors?.status?.[status]]);
  });
});
