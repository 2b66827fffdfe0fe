import { apiPathToFormPath, dottedPath, errorCountsByTab, errorPaths, fieldDomId, isActivityTab, tabOfFormPath } from './field-paths';

describe('API field paths → form fields and tabs', () => {
  it('turns list positions into form paths', () => {
    expect(dottedPath('purposes[1].legalBasis')).toBe('purposes.1.legalBasis');
    expect(apiPathToFormPath('purposes[1].legitimateInterestAssessment.balancing')).toBe('purposes.1.legitimateInterestAssessment.balancing');
    expect(apiPathToFormPath('dataSubjects[0].estimatedCount')).toBe('dataSubjects.0.estimatedCount');
    expect(apiPathToFormPath('rightsProcedure')).toBe('rightsProcedure');
    expect(apiPathToFormPath('purposes')).toBe('purposes');
  });

  it('points retention problems at the field that fixes them', () => {
    expect(apiPathToFormPath('dataCategories[2].retention', 'retention_missing')).toBe('dataCategories.2.retention.mode');
    expect(apiPathToFormPath('dataCategories[1].retention.activePeriod', 'retention_unlimited_unjustified')).toBe(
      'dataCategories.1.retention.unlimitedJustification',
    );
    expect(apiPathToFormPath('dataCategories[1].retention.activePeriod', 'isIsoDuration')).toBe('dataCategories.1.retention.activeAmount');
    expect(apiPathToFormPath('dataCategories[1].retention.archivePeriod')).toBe('dataCategories.1.retention.archiveAmount');
    expect(apiPathToFormPath('dataCategories[1].retention.startEvent')).toBe('dataCategories.1.retention.startEventCode');
  });

  it('maps names, list items of code lists and vendor parts to what the form shows', () => {
    expect(apiPathToFormPath('owner')).toBe('ownerId');
    expect(apiPathToFormPath('department')).toBe('departmentId');
    expect(apiPathToFormPath('securityMeasures[3]')).toBe('securityMeasures');
    expect(apiPathToFormPath('dpiaScreening.criteria[0]')).toBe('dpiaScreening.criteria');
    expect(apiPathToFormPath('transfers[0].country')).toBe('transfers.0.country');
    expect(apiPathToFormPath('transfers[1]')).toBe('transfers.1.country');
    expect(apiPathToFormPath('processors[2]')).toBe('processors');
  });

  it('knows the tab of every field', () => {
    expect(tabOfFormPath('name')).toBe('overview');
    expect(tabOfFormPath('jointControllers.0.name')).toBe('overview');
    expect(tabOfFormPath('purposes.1.legalBasis')).toBe('purposes');
    expect(tabOfFormPath('dataCategories.0.retention.mode')).toBe('data');
    expect(tabOfFormPath('dataSubjects')).toBe('people');
    expect(tabOfFormPath('rightsProcedure')).toBe('people');
    expect(tabOfFormPath('freeMeasures.0.text')).toBe('security');
    expect(tabOfFormPath('dpiaScreening.decision')).toBe('dpia');
    expect(tabOfFormPath('automatedDecisionMaking')).toBe('dpia');
    expect(isActivityTab('history')).toBe(true);
    expect(isActivityTab('nope')).toBe(false);
    expect(fieldDomId('purposes.1.legalBasis')).toBe('activity-purposes-1-legalBasis');
  });

  it('finds the errors react-hook-form holds, and counts them per tab', () => {
    const purposes: unknown[] = [];
    purposes[1] = { legalBasis: { type: 'server', message: 'No legal basis', ref: { nodeName: 'SELECT' } } };
    const dataSubjects = Object.assign([], { root: { type: 'server', message: 'Give one' } });
    const errors = { name: { type: 'too_small', message: 'validation.required' }, purposes, dataSubjects };
    const paths = errorPaths(errors);
    expect(paths).toEqual(['name', 'purposes.1.legalBasis', 'dataSubjects']);
    expect(errorCountsByTab(paths)).toEqual({ overview: 1, purposes: 1, people: 1 });
  });
});
