import type { BreachDetail } from '../domain/breaches/breach.types';
import { notificationSummary, type SummaryContext } from './notification-summary';

/** A breach at a processor of the association, as the register holds it. */
const breach: BreachDetail = {
  id: '5b1f0c2e-7a4d-4e3b-9c8a-1d2e3f4a5b6c',
  reference: 'V-0007',
  summary: 'Rançongiciel chez l’hébergeur du fichier « Adhérents 2026 »',
  awareAt: '2026-03-27T10:00:00.000Z',
  natures: ['availability'],
  risk: 'risk',
  notificationDueAt: '2026-03-30T10:00:00.000Z',
  notificationState: 'due',
  authorityNotifiedAt: null,
  personsCommunicatedAt: null,
  recordedBy: null,
  version: 1,
  updatedAt: '2026-03-27T10:00:00.000Z',
  occurredAt: null,
  discovery: null,
  dataCategories: [],
  subjectCategories: [],
  approxPersons: null,
  approxRecords: null,
  activityIds: [],
  vendorIds: [],
  processorNotifiedAt: '2026-03-27T09:30:00.000Z',
  consequences: null,
  measuresTaken: null,
  measuresProposed: null,
  riskRationale: null,
  riskFactors: { sensitiveData: false, identifiability: null, severity: null, vulnerablePersons: false, controllerCharacteristics: null },
  authorityNotification: { notifiedAt: null, reference: null, phased: false, delayReasons: null },
  personsCommunication: { communicatedAt: null, exception: null, details: null },
  timeline: [],
  createdAt: '2026-03-27T10:00:00.000Z',
};

const context = (locale: 'fr' | 'en', vendors: string[]): SummaryContext => ({
  locale,
  timeZone: 'Europe/Paris',
  organization: { name: 'Association « Les Amis du Doubs »', dpoName: 'Denis Délégué', dpoEmail: null, dpoPhone: null },
  label: (_catalogue, code) => code,
  activities: [],
  vendors,
});

const circumstances = (locale: 'fr' | 'en', vendors: string[], detail: Partial<BreachDetail> = {}) =>
  notificationSummary({ ...breach, ...detail }, context(locale, vendors)).sections.find((section) => section.key === 'circumstances')!.text.split('\n');

describe('the notification summary names the processors in the singular or the plural', () => {
  it('says one processor, or several, never « (s) »', () => {
    expect(circumstances('fr', ['Hébergement Côte-d’Or'])).toContain('Sous-traitant impliqué : Hébergement Côte-d’Or');
    expect(circumstances('fr', ['Hébergement Côte-d’Or', 'Sauvegardes « Jura »'])).toContain('Sous-traitants impliqués : Hébergement Côte-d’Or, Sauvegardes « Jura »');
    expect(circumstances('en', ['Hébergement Côte-d’Or'])).toContain('Processor involved: Hébergement Côte-d’Or');
    expect(circumstances('en', ['Hébergement Côte-d’Or', 'Sauvegardes « Jura »'])).toContain('Processors involved: Hébergement Côte-d’Or, Sauvegardes « Jura »');
    for (const locale of ['fr', 'en'] as const) {
      for (const vendors of [[], ['A'], ['A', 'B']]) expect(circumstances(locale, vendors).join('\n')).not.toMatch(/\(s\)|\{|\}/);
    }
  });

  it('says when the processor told us on a line of its own, and nothing about it when it did not', () => {
    expect(circumstances('fr', ['Hébergement Côte-d’Or'])).toContain('Violation signalée par le sous-traitant le 27 mars 2026 à 10:30');
    expect(circumstances('en', ['Hébergement Côte-d’Or'])).toContain('Breach reported by the processor on 27 March 2026 at 10:30');
    const untold = circumstances('fr', ['Hébergement Côte-d’Or'], { processorNotifiedAt: null });
    expect(untold).toContain('Sous-traitant impliqué : Hébergement Côte-d’Or');
    expect(untold.join('\n')).not.toContain('signalée par le sous-traitant');
    // A processor told us but none is named yet: the line says so.
    expect(circumstances('fr', [])).toContain('Sous-traitant impliqué : non renseigné');
  });
});
