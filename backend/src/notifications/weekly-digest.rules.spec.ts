import { isEmptyDigest, mostRelevant, renderWeeklyDigest, type DigestChange, type DigestRecord, type PersonDigest } from './weekly-digest';

const record = (reference: string, name: string, type: DigestRecord['type'] = 'activity'): DigestRecord => ({ type, id: `${reference}-id`, reference, name });
const at = (day: number) => new Date(Date.UTC(2026, 11, day, 9));
const urlOf = (item: DigestRecord) => `https://registre.example/${item.type}/${item.id}`;

describe('weekly digest, pure', () => {
  it('names a breach before a validation, a validation before a created draft, the latest first within a kind', () => {
    const changes: DigestChange[] = [
      { kind: 'activity_created', record: record('T-0001', 'Paie'), occurredAt: at(3) },
      { kind: 'activity_validated', record: record('T-0002', 'Cantine'), occurredAt: at(1) },
      { kind: 'activity_created', record: record('T-0003', 'Badges'), occurredAt: at(4) },
      { kind: 'breach_recorded', record: record('V-0001', 'Perte d’un ordinateur', 'breach'), occurredAt: at(2) },
    ];
    expect(mostRelevant(changes, 3).map((change) => change.record.reference)).toEqual(['V-0001', 'T-0002', 'T-0003']);
  });

  it('has nothing to say when every section is empty', () => {
    expect(isEmptyDigest({ changes: [], waiting: [], fallingDue: [] })).toBe(true);
    expect(isEmptyDigest({ changes: [], waiting: [{ kind: 'grid_returned', record: record('Covoiturage', 'Covoiturage', 'design_grid') }], fallingDue: [] })).toBe(false);
  });

  it('writes only the sections that have something, counts the changes it does not name, escapes names in HTML', () => {
    const digest: PersonDigest = {
      changes: Array.from({ length: 7 }, (_, index) => ({ kind: 'activity_created' as const, record: record(`T-000${index + 1}`, `Traitement <${index}> « test »`), occurredAt: at(index + 1) })),
      waiting: [],
      fallingDue: [{ kind: 'rights_request_due', record: record('D-0004', 'D-0004', 'rights_request'), requestType: 'erasure', dueOn: '2026-12-24' }],
    };
    const email = renderWeeklyDigest({ locale: 'fr', recipientName: 'Élodie', organizationName: 'Acme & Cie', digest, urlOf, notificationsUrl: 'https://registre.example/n' });
    expect(email.subject).toBe('[Registre] Acme & Cie : votre semaine dans le registre');
    expect(email.text).toContain('Dans le registre : 7 traitements créés.');
    expect(email.text).toContain('… et 2 autres');
    expect(email.text).not.toContain('Ce qui vous attend');
    expect(email.text).toContain('Réponse à la demande D-0004 (droit à l’effacement) due le 24 décembre 2026');
    expect(email.text).toContain('https://registre.example/rights_request/D-0004-id');
    expect(email.html).toContain('Traitement &lt;6&gt; « test »');
    expect(email.html).toContain('Acme &amp; Cie');
    expect(email.html).not.toContain('<6>');
  });
});
