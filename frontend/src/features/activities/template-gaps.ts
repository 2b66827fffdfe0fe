import type { Translate } from '@/i18n/translate';

/**
 * What a template's draft will still ask for, in words: the template lists the paths of the
 * register's rules it leaves to the organisation (`dataSubjectInformation`, `rightsProcedure`,
 * `dataCategories[i].retention`); users read "how people are informed, 2 retention periods".
 */
export function templateGapsInWords(leftToOrganization: readonly string[], t: Translate): string {
  const parts: string[] = [];
  if (leftToOrganization.includes('dataSubjectInformation')) parts.push(t('activity.templates.left.information'));
  if (leftToOrganization.includes('rightsProcedure')) parts.push(t('activity.templates.left.rights'));
  const retentions = leftToOrganization.filter((path) => path.endsWith('.retention')).length;
  if (retentions > 0) parts.push(t(retentions === 1 ? 'activity.templates.left.retentionOne' : 'activity.templates.left.retentionMany', { count: retentions }));
  return parts.join(', ');
}
