'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';

import { ErrorAlert } from '@/components/alerts';
import { templateGapsInWords } from '@/features/activities/template-gaps';
import { createFromTemplate, deleteTemplate, listActivityTemplates, type ActivityTemplate } from '@/features/activities/templates-api';
import { useT } from '@/i18n/i18n-provider';
import { useAppAbility } from '@/lib/ability-context';
import { errorMessage } from '@/lib/forms';
import { orgPath } from '@/lib/paths';
import { useApi } from '@/lib/use-api';

/** "Start from a template": each ready processing by name and description; choosing one creates the draft and opens it. */
export function TemplateChoice({ organizationId }: { organizationId: string }) {
  const t = useT();
  const api = useApi();
  const router = useRouter();
  const [templates, setTemplates] = useState<ActivityTemplate[] | null>(null);
  const [creating, setCreating] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const canDelete = useAppAbility().can('delete', 'ActivityTemplate');

  useEffect(() => {
    let live = true;
    listActivityTemplates(api, organizationId).then(
      (items) => live && setTemplates(items),
      (failure: unknown) => live && setError(errorMessage(failure, t)),
    );
    return () => {
      live = false;
    };
  }, [api, organizationId, t]);

  const start = async (template: ActivityTemplate) => {
    setError(null);
    setCreating(template.code);
    try {
      const activity = await createFromTemplate(api, organizationId, template.code);
      router.push(orgPath(organizationId, `register/${encodeURIComponent(activity.id)}`));
    } catch (failure) {
      setError(errorMessage(failure, t));
      setCreating(null);
    }
  };

  const remove = async (template: ActivityTemplate) => {
    if (!window.confirm(t('activity.ownTemplates.confirmDelete', { name: template.name }))) return;
    setError(null);
    try {
      await deleteTemplate(api, organizationId, template.code);
      setTemplates((current) => current?.filter((item) => item.code !== template.code) ?? null);
    } catch (failure) {
      setError(errorMessage(failure, t));
    }
  };

  // The organisation's own templates first: they are the ones it made for itself.
  const groups: [string, ActivityTemplate[]][] = templates
    ? ([
        [t('activity.ownTemplates.group'), templates.filter((template) => template.organizationTemplate)],
        [t('activity.templates.private'), templates.filter((template) => !template.organizationTemplate && !template.publicBody)],
        [t('activity.templates.public'), templates.filter((template) => !template.organizationTemplate && template.publicBody)],
      ] satisfies [string, ActivityTemplate[]][]).filter(([, items]) => items.length > 0)
    : [];

  return (
    <details className="template-choice" data-testid="template-choice">
      <summary className="template-choice__summary">
        <span className="template-choice__title">{t('activity.templates.title')}</span>
        <span className="template-choice__hint">{t('activity.templates.hint')}</span>
      </summary>
      <ErrorAlert>{error}</ErrorAlert>
      {templates === null && !error ? <p className="template-choice__loading">{t('activity.templates.loading')}</p> : null}
      {groups.map(([title, items]) => (
        <section key={title} className="template-choice__group" aria-label={title}>
          <h2 className="template-choice__group-title">{title}</h2>
          <ul className="template-choice__list">
            {items.map((template) => (
              <li key={template.code} className="template-choice__item">
                <h3 className="template-choice__name">{template.name}</h3>
                {template.sourceReference ? (
                  <p className="template-choice__source">{t('activity.ownTemplates.savedFrom', { reference: template.sourceReference })}</p>
                ) : null}
                <p className="template-choice__description">{template.description}</p>
                {template.leftToOrganization.length > 0 ? (
                  <p className="template-choice__left">{t('activity.templates.leftToYou', { items: templateGapsInWords(template.leftToOrganization, t) })}</p>
                ) : null}
                <button
                  type="button"
                  className="button button--secondary button--small template-choice__use"
                  disabled={creating !== null}
                  aria-label={t('activity.templates.useNamed', { name: template.name })}
                  onClick={() => {
                    void start(template);
                  }}
                >
                  {creating === template.code ? t('activity.templates.creating') : t('activity.templates.use')}
                </button>
                {template.organizationTemplate && canDelete ? (
                  <button
                    type="button"
                    className="button button--danger button--small template-choice__delete"
                    disabled={creating !== null}
                    aria-label={t('activity.ownTemplates.deleteNamed', { name: template.name })}
                    onClick={() => {
                      void remove(template);
                    }}
                  >
                    {t('activity.ownTemplates.delete')}
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </details>
  );
}
