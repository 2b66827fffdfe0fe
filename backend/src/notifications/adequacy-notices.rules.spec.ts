import { adequacyLine, adequacyLink, AdequacyNoticeWords, concernedRecords, dayInWords } from './adequacy-notices';
import type { ActivityRow, VendorRow } from '../findings/finding.types';

const nbsp = (text: string) => text.replace(/ /g, '\u00a0');
const JAPAN = { fr: 'Japon', en: 'Japan' };
const words = (overrides: Partial<AdequacyNoticeWords>): AdequacyNoticeWords => ({
  change: 'annulled',
  scope: 'partial',
  effectiveOn: '2027-03-01',
  country: JAPAN,
  transfers: 3,
  vendors: 1,
  records: [],
  ...overrides,
});

describe('the words of a changed adequacy decision (no code, no ISO date)', () => {
  const rows: { name: string; words: AdequacyNoticeWords; fr: string; en: string }[] = [
    {
      name: 'C-311/18 style: a decision annulled by the Court from a day',
      words: words({}),
      fr: `Japon : la décision d’adéquation est annulée à compter du ${nbsp('1er mars 2027')} ; 3 transferts et 1 fournisseur doivent s’appuyer sur un autre outil de transfert.`,
      en: `Japan: the adequacy decision is annulled from ${nbsp('1 March 2027')}; 3 transfers and 1 vendor must rely on another transfer tool.`,
    },
    {
      name: 'Art 45(5): repealed, one transfer only (singular)',
      words: words({ change: 'ended', transfers: 1, vendors: 0, effectiveOn: '2027-06-15' }),
      fr: `Japon : la décision d’adéquation cesse de s’appliquer à compter du ${nbsp('15 juin 2027')} ; 1 transfert doit s’appuyer sur un autre outil de transfert.`,
      en: `Japan: the adequacy decision stops applying from ${nbsp('15 June 2027')}; 1 transfer must rely on another transfer tool.`,
    },
    {
      name: 'Art 45(3): a validity renewed',
      words: words({ change: 'valid_until_changed', scope: 'full', country: { fr: 'Royaume-Uni', en: 'United Kingdom' }, effectiveOn: '2031-12-27', transfers: 0, vendors: 2 }),
      fr: `Royaume-Uni : la décision d’adéquation est désormais valable jusqu’au ${nbsp('27 décembre 2031')} ; 2 fournisseurs s’appuient sur elle.`,
      en: `United Kingdom: the adequacy decision is now valid until ${nbsp('27 December 2031')}; 2 vendors rely on it.`,
    },
    {
      name: 'Art 45(1): a partial decision adopted asks the DPO about the recipients',
      words: words({ change: 'adopted', transfers: 2, vendors: 0, effectiveOn: null }),
      fr: 'Japon : une décision d’adéquation partielle s’applique dès maintenant ; pour 2 transferts, confirmez que le destinataire entre dans son champ.',
      en: 'Japan: a partial adequacy decision applies from now on; for 2 transfers, confirm that the recipient is within its scope.',
    },
  ];
  it.each(rows)('$name', ({ words: input, fr, en }) => {
    expect(adequacyLine(input, 'fr')).toBe(fr);
    expect(adequacyLine(input, 'en')).toBe(en);
  });

  it('names up to five records and counts the others', () => {
    const records = Array.from({ length: 7 }, (_, index) => ({ type: 'activity' as const, id: String(index), reference: `T-000${String(index + 1)}`, name: `Traitement « ${String(index + 1)} »` }));
    const line = adequacyLine(words({ transfers: 7, vendors: 0, records }), 'fr');
    expect(line).toMatch(/Concernés : T-0001 Traitement « 1 », .*T-0005 Traitement « 5 » et 2 autres\.$/);
    expect(line).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(dayInWords('2027-03-01', 'fr')).toBe(nbsp('1er mars 2027'));
  });

  it('leads to the findings the change raises', () => {
    expect(adequacyLink('o', { change: 'annulled', scope: 'full' })).toBe('/orgs/o/dashboard?code=transfer_without_mechanism');
    expect(adequacyLink('o', { change: 'adopted', scope: 'partial' })).toBe('/orgs/o/dashboard?code=transfer_scope_to_confirm');
    expect(adequacyLink('o', { change: 'adopted', scope: 'full' })).toBe('/orgs/o/dashboard');
  });

  it('picks the transfers and vendors concerned: relying on the decision, in use', () => {
    const activity = (id: string, status: ActivityRow['status'], transfers: { country: string; mechanism: string | null }[]) =>
      ({ id, reference: id, name: id, status, transfers: transfers.map((transfer) => ({ ...transfer, recipient: null, documentation: null })) }) as unknown as ActivityRow;
    const vendor = (id: string, status: VendorRow['status'], dataLocations: string[], transferMechanism: string | null) =>
      ({ id, name: id, status, dataLocations, transferMechanism }) as unknown as VendorRow;
    const found = concernedRecords(
      { code: 'JP', kind: 'annulled' },
      [
        activity('T-0001', 'validated', [{ country: 'JP', mechanism: null }, { country: 'JP', mechanism: 'adequacy' }, { country: 'JP', mechanism: 'scc' }]),
        activity('T-0002', 'archived', [{ country: 'JP', mechanism: null }]),
        activity('T-0003', 'draft', [{ country: 'CH', mechanism: null }]),
      ],
      [vendor('Nuage Nippon', 'approved', ['FR', 'JP'], null), vendor('Ancien', 'terminated', ['JP'], null), vendor('Clauses', 'approved', ['JP'], 'scc')],
    );
    expect(found).toEqual({
      transfers: 2,
      vendors: 1,
      records: [
        { type: 'activity', id: 'T-0001', reference: 'T-0001', name: 'T-0001' },
        { type: 'vendor', id: 'Nuage Nippon', reference: 'Nuage Nippon', name: 'Nuage Nippon' },
      ],
    });
  });
});
