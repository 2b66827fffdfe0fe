'use client';

import type { ReactNode } from 'react';

import { useT } from '@/i18n/i18n-provider';

/*
 * A field of a record its reader cannot edit: its label and its value in words, as a document reads
 * (a definition list), instead of a disabled control with "(required)" markers.
 */
export function ReadValue({ id, label, children, testId }: { id: string; label: string; children: ReactNode; testId?: string }) {
  const t = useT();
  const empty = children === null || children === undefined || children === '' || (Array.isArray(children) && children.length === 0);
  return (
    <dl className="read-field" id={id} data-testid={testId}>
      <dt className="read-field__label">{label}</dt>
      <dd className={empty ? 'read-field__value read-field__value--empty' : 'read-field__value'}>{empty ? t('common.notGiven') : children}</dd>
    </dl>
  );
}

/** Several values (ticked catalogue entries) as a list. */
export function ReadList({ items }: { items: readonly string[] }) {
  if (items.length === 0) return null;
  if (items.length === 1) return <>{items[0]}</>;
  return (
    <ul className="read-field__list">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}
