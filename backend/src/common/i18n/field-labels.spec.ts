import { translateFieldErrors } from '../http/validation';
import { fieldLabel } from './field-labels';

describe('field labels', () => {
  it('names API paths as the pages do, list items by their position', () => {
    expect(fieldLabel('owner', 'fr')).toBe('Responsable');
    expect(fieldLabel('purposes[1].legalBasis', 'fr')).toBe('Finalité 2 › Base légale');
    expect(fieldLabel('purposes[0].legitimateInterestAssessment.balancing', 'fr')).toBe('Finalité 1 › Mise en balance (intérêt légitime)');
    expect(fieldLabel('dataCategories[2].retention.activePeriod', 'en')).toBe('Data category 3 › Kept in the active base');
    expect(fieldLabel('processors[0]', 'fr')).toBe('Sous-traitant 1');
    expect(fieldLabel('dpa.signed', 'en')).toBe('Data processing agreement signed');
  });

  it('translates statuses and hides ids in field errors', () => {
    const [status, member] = translateFieldErrors('fr', [
      { path: 'status', code: 'statusNotAllowed', args: ['validated'] },
      { path: 'ownerId', code: 'unknownMember', args: ['3f1c2a4e-8b7d-4c1e-9a2b-5d6e7f8a9b0c'] },
    ]);
    expect(status?.message).toBe("« Statut » : votre rôle ne permet pas d’importer un traitement au statut « Validé ».");
    expect(member?.message).toBe('« Responsable » : cette personne n’est pas membre de l’organisation.');
    // A workbook import names the column the user sees.
    const [cell] = translateFieldErrors('en', [{ path: 'owner', code: 'unknownMember', args: ['nobody@example.test'] }], () => 'Owner (e-mail)');
    expect(cell?.message).toBe('"Owner (e-mail)": "nobody@example.test" is not a member of the organisation.');
  });
});
