'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';

import { ErrorAlert } from '@/components/alerts';
import { SelectField, TextAreaField, TextField } from '@/components/fields';
import { formatDate } from '@/features/activities/history-diff';
import { GridStatusBadge } from '@/features/design-grid/components/grid-status-badge';
import { createGrid } from '@/features/design-grid/design-grid-api';
import { ZNewGridSchema, type NewGridForm } from '@/features/design-grid/schemas';
import type { GridListItem } from '@/features/design-grid/types';
import { useLocale, useT } from '@/i18n/i18n-provider';
import { useAppAbility } from '@/lib/ability-context';
import type { Department } from '@/lib/api-types';
import { orgPath } from '@/lib/paths';
import { useApi } from '@/lib/use-api';
import { useApiFormSubmit } from '@/lib/use-api-form-submit';
import { emptyToNull } from '@/lib/validation';

const NEW_GRID_FIELDS = ['projectName', 'departmentId', 'pitch'] as const;

export function DesignGridsPageContent({
  organizationId,
  grids,
  awaiting,
  departments,
}: {
  organizationId: string;
  grids: readonly GridListItem[];
  awaiting: readonly GridListItem[] | null;
  departments: readonly Department[];
}) {
  const t = useT();
  const api = useApi();
  const router = useRouter();
  const canCreate = useAppAbility().can('create', 'DesignGrid');
  const form = useForm<NewGridForm>({ resolver: zodResolver(ZNewGridSchema), defaultValues: { projectName: '', departmentId: '', pitch: '' } });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;
  const { formError, onSubmit } = useApiFormSubmit(form, NEW_GRID_FIELDS, async (values) => {
    const grid = await createGrid(api, organizationId, { projectName: values.projectName.trim(), departmentId: values.departmentId || null, pitch: emptyToNull(values.pitch) });
    router.push(orgPath(organizationId, `design-grid/${encodeURIComponent(grid.id)}`));
  });

  return (
    <section className="page page--wide" aria-labelledby="page-title">
      <h1 id="page-title">{t('designGrid.title')}</h1>
      <p className="page__intro">{t('designGrid.intro')}</p>

      {awaiting ? (
        <section aria-labelledby="grids-awaiting" className="subsection">
          <h2 id="grids-awaiting">{t('designGrid.list.awaitingReview')}</h2>
          <GridTable organizationId={organizationId} grids={awaiting} empty={t('designGrid.list.noneAwaiting')} testId="grids-awaiting" />
        </section>
      ) : null}

      {canCreate ? (
        <section aria-labelledby="grid-start" className="form-panel">
          <h2 id="grid-start">{t('designGrid.start.title')}</h2>
          <form
            className="form"
            noValidate
            data-testid="grid-start-form"
            onSubmit={(event) => {
              void onSubmit(event);
            }}
          >
            <ErrorAlert>{formError}</ErrorAlert>
            <TextField id="grid-projectName" label={t('designGrid.start.projectName')} hint={t('designGrid.start.projectNameHint')} required registration={register('projectName')} error={errors.projectName} />
            <SelectField
              id="grid-departmentId"
              label={t('designGrid.start.department')}
              options={departments.map((department) => ({ value: department.id, label: department.name }))}
              emptyLabel={t('designGrid.start.noDepartment')}
              registration={register('departmentId')}
              error={errors.departmentId}
            />
            <TextAreaField id="grid-pitch" label={t('designGrid.start.pitch')} hint={t('designGrid.start.pitchHint')} rows={3} registration={register('pitch')} error={errors.pitch} />
            <div className="form__actions">
              <button type="submit" className="button button--primary" disabled={isSubmitting} data-testid="grid-start">
                {t('designGrid.start.submit')}
              </button>
            </div>
          </form>
        </section>
      ) : null}

      <section aria-labelledby="grids-all" className="subsection">
        <h2 id="grids-all">{t('designGrid.list.mine')}</h2>
        <GridTable organizationId={organizationId} grids={grids} empty={t('designGrid.list.empty')} testId="grids-all" />
      </section>
    </section>
  );
}

function GridTable({ organizationId, grids, empty, testId }: { organizationId: string; grids: readonly GridListItem[]; empty: string; testId: string }) {
  const t = useT();
  const locale = useLocale();
  if (grids.length === 0) return <p className="empty-state">{empty}</p>;
  return (
    <div className="table-wrap">
      <table className="table grids-table" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{t('designGrid.list.project')}</th>
            <th scope="col">{t('designGrid.list.department')}</th>
            <th scope="col">{t('designGrid.list.status')}</th>
            <th scope="col">{t('designGrid.list.progress')}</th>
            <th scope="col">{t('designGrid.list.createdBy')}</th>
            <th scope="col">{t('designGrid.list.updated')}</th>
          </tr>
        </thead>
        <tbody>
          {/* `data-label` names each value when a phone shows a row as a card (design-grid.css). */}
          {grids.map((grid) => (
            <tr key={grid.id}>
              <td className="grids-table__project">
                <Link href={orgPath(organizationId, `design-grid/${encodeURIComponent(grid.id)}`)}>{grid.projectName}</Link>
              </td>
              <td data-label={t('designGrid.list.department')}>{grid.department ?? '—'}</td>
              <td data-label={t('designGrid.list.status')}>
                <GridStatusBadge status={grid.status} testId={`grid-row-status-${grid.id}`} />
              </td>
              <td data-label={t('designGrid.list.progress')}>{t('designGrid.list.progressValue', { count: grid.answeredCount })}</td>
              <td data-label={t('designGrid.list.createdBy')}>{grid.createdByName ?? '—'}</td>
              <td data-label={t('designGrid.list.updated')}>{formatDate(grid.updatedAt, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
