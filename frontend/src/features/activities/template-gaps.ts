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
  // An organisation's template, saved from a draft, may leave anything the register asks for: counted.
  const others = leftToOrganization.filter((path) => path !== 'dataSubjectInformation' && path !== 'rightsProcedure' && !path.endsWith('.retention')).length;
  if (others > 0) parts.push(t('activity.templates.left.others', { count: others }));
  return parts.join(', ');
}
