'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';

import { ErrorAlert, StatusMessage } from '@/components/alerts';
import { TextAreaField, TextField } from '@/components/fields';
import { Pagination } from '@/components/pagination';
import { RowActions } from '@/components/row-actions';
import {
  createDepartment,
  deleteDepartment,
  listDepartments,
  updateDepartment,
} from '@/features/departments/departments-api';
import {
  departmentFormToApi,
  departmentFormToPatch,
  departmentToForm,
  EMPTY_DEPARTMENT_FORM,
  ZDepartmentSchema,
  type DepartmentForm,
} from '@/features/departments/schemas';
import { useT } from '@/i18n/i18n-provider';
import { Can, useAppAbility } from '@/lib/ability-context';
import { isApiError } from '@/lib/api-error';
import type { Department, PageOf } from '@/lib/api-types';
import { applyApiError, errorMessage } from '@/lib/forms';
import { useApi } from '@/lib/use-api';

const FIELDS = ['name', 'description'] as const;

export function DepartmentsPageContent({
  organizationId,
  initialDepartments,
}: {
  organizationId: string;
  initialDepartments: PageOf<Department>;
}) {
  const t = useT();
  const api = useApi();
  const ability = useAppAbility();
  const canUpdate = ability.can('update', 'Department');
  const canDelete = ability.can('delete', 'Department');
  const canCreate = ability.can('create', 'Department');

  const [departments, setDepartments] = useState(initialDepartments);
  const [pageError, setPageError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [editing, setEditing] = useState<Department | null>(null);

  async function loadPage(page: number): Promise<PageOf<Department> | null> {
    try {
      const loaded = await listDepartments(api, organizationId, page);
      setDepartments(loaded);
      setPageError(null);
      return loaded;
    } catch (error) {
      setPageError(errorMessage(error, t));
      return null;
    }
  }

  async function handleDelete(department: Department) {
    if (!window.confirm(t('departments.confirmDelete', { name: department.name }))) return;
    setStatus(null);
    try {
      await deleteDepartment(api, organizationId, department.id);
      if (editing?.id === department.id) setEditing(null);
      const lastOnPage = departments.items.length === 1 && departments.page > 1;
      await loadPage(lastOnPage ? departments.page - 1 : departments.page);
      setStatus(t('departments.deleted', { name: department.name }));
    } catch (error) {
      // 409 department_in_use comes with the server's translated explanation.
      setPageError(errorMessage(error, t));
    }
  }

  const showActions = canUpdate || canDelete;

  return (
    <div className="settings-panel">
      <h2 id="departments-title">{t('departments.title')}</h2>
      <p className="page__intro">{t('departments.intro')}</p>
      {canUpdate || canCreate ? null : (
        <p className="notice" data-testid="read-only-notice">
          {t('common.readOnly')}
        </p>
      )}
      <ErrorAlert>{pageError}</ErrorAlert>
      <StatusMessage>{status}</StatusMessage>

      {departments.items.length === 0 ? (
        <p>{t('departments.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" aria-labelledby="departments-title">
            <thead>
              <tr>
                <th scope="col">{t('departments.columns.name')}</th>
                <th scope="col">{t('departments.columns.description')}</th>
                {showActions ? <th scope="col">{t('common.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {departments.items.map((department) => (
                <tr key={department.id}>
                  <td>{department.name}</td>
                  <td>{department.description ?? ''}</td>
                  {showActions ? (
                    <RowActions
                      editLabel={t('departments.editLabel', { name: department.name })}
                      deleteLabel={t('departments.deleteLabel', { name: department.name })}
                      onEdit={
                        canUpdate
                          ? () => {
                              setStatus(null);
                              setEditing(department);
                            }
                          : undefined
                      }
                      onDelete={canDelete ? () => void handleDelete(department) : undefined}
                    />
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination
        page={departments.page}
        pageSize={departments.pageSize}
        total={departments.total}
        onChange={(page) => {
          void loadPage(page);
        }}
      />

      {editing && canUpdate ? (
        <DepartmentPanel
          key={editing.id}
          idPrefix="edit-department"
          title={t('departments.editTitle', { name: editing.name })}
          submitLabel={t('common.save')}
          department={editing}
          onCancel={() => {
            setEditing(null);
          }}
          onSubmit={async (values) => {
            let saved: Department;
            try {
              saved = await updateDepartment(api, organizationId, editing.id, departmentFormToPatch(values, editing.version));
            } catch (error) {
              if (isApiError(error, 'version_conflict')) {
                // Someone saved it meanwhile: show their version in the form, then report the conflict.
                const fresh = (await loadPage(departments.page))?.items.find((d) => d.id === editing.id);
                setEditing(fresh ?? null);
              }
              throw error;
            }
            setEditing(null);
            await loadPage(departments.page);
            setStatus(t('departments.updated', { name: saved.name }));
          }}
        />
      ) : null}

      <Can I="create" a="Department">
        <DepartmentPanel
          idPrefix="add-department"
          title={t('departments.addTitle')}
          submitLabel={t('departments.add')}
          department={null}
          onSubmit={async (values) => {
            const created = await createDepartment(api, organizationId, departmentFormToApi(values));
            await loadPage(departments.page);
            setStatus(t('departments.added', { name: created.name }));
          }}
        />
      </Can>
    </div>
  );
}

/** The create form (department = null) or the edit form of one department, loaded with `reset()`. */
function DepartmentPanel({
  idPrefix,
  title,
  submitLabel,
  department,
  onSubmit,
  onCancel,
}: {
  idPrefix: string;
  title: string;
  submitLabel: string;
  department: Department | null;
  onSubmit: (values: DepartmentForm) => Promise<void>;
  onCancel?: () => void;
}) {
  const t = useT();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<DepartmentForm>({ resolver: zodResolver(ZDepartmentSchema), defaultValues: EMPTY_DEPARTMENT_FORM });

  useEffect(() => {
    if (department) {
      reset(departmentToForm(department));
      headingRef.current?.focus();
    }
  }, [department, reset]);

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      await onSubmit(values);
      if (!department) reset(EMPTY_DEPARTMENT_FORM);
    } catch (error) {
      setFormError(
        isApiError(error, 'version_conflict')
          ? t('departments.versionConflict')
          : applyApiError(error, { setError, fields: FIELDS, t }),
      );
    }
  });

  const titleId = `${idPrefix}-title`;
  return (
    <section className="card panel" aria-labelledby={titleId}>
      <h3 id={titleId} ref={headingRef} tabIndex={-1}>
        {title}
      </h3>
      <form
        className="form"
        noValidate
        aria-labelledby={titleId}
        onSubmit={(event) => {
          void submit(event);
        }}
      >
        <ErrorAlert>{formError}</ErrorAlert>
        <TextField
          id={`${idPrefix}-name`}
          label={t('departments.fields.name')}
          required
          registration={register('name')}
          error={errors.name}
        />
        <TextAreaField
          id={`${idPrefix}-description`}
          label={t('departments.fields.description')}
          registration={register('description')}
          error={errors.description}
        />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={isSubmitting}>
            {isSubmitting ? t('common.saving') : submitLabel}
          </button>
          {onCancel ? (
            <button type="button" className="button button--secondary" onClick={onCancel}>
              {t('common.cancel')}
            </button>
          ) : null}
        </div>
      </form>
    </section>
  );
}
