/**
 * From the API's field paths (`purposes[1].legalBasis`, in 400 and 422 answers and in the
 * completeness list) to the form's fields (`purposes.1.legalBasis`), the tab that shows them and the
 * DOM id of their control.
 */

export const ACTIVITY_TABS = ['overview', 'purposes', 'data', 'people', 'security', 'dpia', 'history'] as const;
export type ActivityTab = (typeof ACTIVITY_TABS)[number];

export function isActivityTab(value: string | null | undefined): value is ActivityTab {
  return (ACTIVITY_TABS as readonly (string | null | undefined)[]).includes(value);
}

/** `purposes[1].legalBasis` → `purposes.1.legalBasis` */
export function dottedPath(apiPath: string): string {
  return apiPath.replace(/\[(\d+)\]/g, '.$1').replace(/^\./, '');
}

/**
 * The form field a problem at `apiPath` belongs to. `code` tells apart the two meanings of a
 * retention's `activePeriod`: an unlimited retention without justification points to the
 * justification, anything else to the period.
 */
export function apiPathToFormPath(apiPath: string, code?: string): string {
  const path = dottedPath(apiPath);
  if (path === 'owner') return 'ownerId';
  if (path === 'department') return 'departmentId';
  if (/^securityMeasures\.\d+$/.test(path)) return 'securityMeasures';
  if (/^dpiaScreening\.criteria\.\d+$/.test(path)) return 'dpiaScreening.criteria';
  if (/^processors\.\d+$/.test(path)) return 'processors';
  if (/^transfers\.\d+$/.test(path)) return `${path}.country`;
  const retention = /^(dataCategories\.\d+\.retention)(?:\.(\w+))?$/.exec(path);
  if (retention) {
    const [, base, field] = retention;
    switch (field) {
      case undefined:
        return `${base ?? ''}.mode`;
      case 'activePeriod':
        return code === 'retention_unlimited_unjustified' ? `${base ?? ''}.unlimitedJustification` : `${base ?? ''}.activeAmount`;
      case 'archivePeriod':
        return `${base ?? ''}.archiveAmount`;
      case 'startEvent':
        return `${base ?? ''}.startEventCode`;
      default:
        return path;
    }
  }
  return path;
}

const TAB_OF_FIELD: Readonly<Record<string, ActivityTab>> = {
  purposes: 'purposes',
  dataCategories: 'data',
  dataSubjects: 'people',
  recipients: 'people',
  dataSubjectInformation: 'people',
  rightsProcedure: 'people',
  processors: 'people',
  transfers: 'people',
  securityMeasures: 'security',
  freeMeasures: 'security',
  dpiaScreening: 'dpia',
  automatedDecisionMaking: 'dpia',
};

/** The tab showing a form field (anything not listed is on the overview). */
export function tabOfFormPath(formPath: string): ActivityTab {
  const head = formPath.split('.')[0] ?? '';
  return TAB_OF_FIELD[head] ?? 'overview';
}

/** The id of a field's control: `activity-purposes-1-legalBasis`. Lists use theirs for the "add" button. */
export function fieldDomId(formPath: string): string {
  return `activity-${formPath.replace(/\./g, '-')}`;
}

/**
 * The form paths holding an error in react-hook-form's nested `errors` object (`purposes.1.legalBasis`;
 * a list's own error, kept under `root`, as the list's path). DOM refs are not walked.
 */
export function errorPaths(errors: unknown, prefix = ''): string[] {
  if (typeof errors !== 'object' || errors === null) return [];
  const node = errors as Record<string, unknown>;
  const paths: string[] = [];
  if (prefix && typeof node.type === 'string') paths.push(prefix);
  for (const [key, child] of Object.entries(node)) {
    if (key === 'ref' || key === 'types' || key === 'type' || key === 'message') continue;
    if (key === 'root') {
      if (typeof child === 'object' && child !== null && typeof (child as { type?: unknown }).type === 'string') paths.push(prefix);
      continue;
    }
    paths.push(...errorPaths(child, prefix ? `${prefix}.${key}` : key));
  }
  return paths;
}

/** How many errors each tab holds, for the marks on the tabs. */
export function errorCountsByTab(paths: readonly string[]): Partial<Record<ActivityTab, number>> {
  const counts: Partial<Record<ActivityTab, number>> = {};
  for (const path of paths) {
    const tab = tabOfFormPath(path);
    counts[tab] = (counts[tab] ?? 0) + 1;
  }
  return counts;
}
