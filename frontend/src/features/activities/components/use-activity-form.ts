'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { useForm, type FieldErrors, type FieldPath } from 'react-hook-form';

import { SERVER_ERROR_TYPE } from '@/lib/forms';

import type { Problem } from '../errors';
import { apiPathToFormPath, errorPaths, fieldDomId, tabOfFormPath, type ActivityTab } from '../field-paths';
import { ZActivityFormSchema, type ActivityForm } from '../schemas';
import { panelId } from './activity-tabs';

type Path = FieldPath<ActivityForm>;

/** Keeps the open tab in the URL (`?tab=purposes`) without a navigation, so a reload or a shared link opens it. */
function syncTabToUrl(tab: ActivityTab) {
  const url = new URL(window.location.href);
  if (tab === 'overview') url.searchParams.delete('tab');
  else url.searchParams.set('tab', tab);
  window.history.replaceState(null, '', `${url.pathname}${url.search}${url.hash}`);
}

/**
 * The activity form with what both the creation and the activity pages need: zod validation, the
 * open tab, focusing a field (opening its tab first), server problems shown beside their fields and
 * cleared as soon as the field changes.
 */
export function useActivityForm(defaultValues: ActivityForm, initialTab: ActivityTab) {
  const form = useForm<ActivityForm>({
    resolver: zodResolver(ZActivityFormSchema),
    defaultValues,
    // Fields may sit in a hidden tab: onInvalid opens it before focusing.
    shouldFocusError: false,
  });
  const [tab, setTab] = useState<ActivityTab>(initialTab);

  const selectTab = useCallback((next: ActivityTab) => {
    setTab(next);
    syncTabToUrl(next);
  }, []);

  const focusField = useCallback((formPath: string) => {
    const next = tabOfFormPath(formPath);
    flushSync(() => {
      setTab(next);
    });
    syncTabToUrl(next);
    const target = document.getElementById(fieldDomId(formPath)) ?? document.getElementById(panelId(next));
    target?.focus();
  }, []);

  const onInvalid = useCallback(
    (errors: FieldErrors<ActivityForm>) => {
      const [first] = errorPaths(errors);
      if (first !== undefined) focusField(first);
    },
    [focusField],
  );

  /**
   * Shows the server's problems beside their fields; returns the messages no field of the form
   * shows (they go to the summary above the form).
   */
  const applyProblems = useCallback(
    (problems: readonly Problem[]): string[] => {
      const unmatched: string[] = [];
      for (const problem of problems) {
        const formPath = apiPathToFormPath(problem.path, problem.code);
        const value: unknown = form.getValues(formPath as Path);
        const error = { type: SERVER_ERROR_TYPE, message: problem.message };
        if (Array.isArray(value) && formPath !== 'securityMeasures' && formPath !== 'dpiaScreening.criteria') {
          form.setError(`${formPath}.root` as Path, error);
        } else if (value !== undefined) {
          form.setError(formPath as Path, error);
        } else if (problem.message) {
          unmatched.push(problem.message);
        }
      }
      return unmatched;
    },
    [form],
  );

  useEffect(() => {
    // A problem the server reported is gone once its field is changed.
    const subscription = form.watch((_values, { name }) => {
      if (!name) return;
      for (const path of [name, `${name}.root`] as Path[]) {
        if (form.getFieldState(path).error?.type === SERVER_ERROR_TYPE) form.clearErrors(path);
      }
    });
    return () => {
      subscription.unsubscribe();
    };
  }, [form]);

  return { form, tab, selectTab, focusField, onInvalid, applyProblems };
}
