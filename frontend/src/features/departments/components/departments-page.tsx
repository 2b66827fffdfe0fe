'use client';

import { useState } from 'react';

import { ErrorAlert, StatusMessage } from '@/components/alerts';
import { Pagination } from '@/components/list/pagination';
import { RowActions } from '@/components/row-actions';
import {
  createDepartment,
  deleteDepartment,
  listDepartments,
  updateDepartment,
} from '@/features/departments/departments-api';
import { departmentFormToApi, departmentFormToPatch } from '@/features/departments/schemas';
import { DepartmentPanel } from '@/features/departments/components/department-panel';
import { useT } from '@/i18n/i18n-provider';
import { Can, useAppAbility } from '@/lib/ability-context';
import { isApiError } from '@/lib/api-error';
import type { Department, PageOf } from '@/lib/api-types';
import { errorMessage } from '@/lib/forms';
import { useApi } from '@/lib/use-api';

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
