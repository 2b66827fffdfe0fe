'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { startTransition } from 'react';

import { useT } from '@/i18n/i18n-provider';

/** Shown when a page fails to load, typically because the API cannot be reached. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useT();
  const router = useRouter();
  return (
    <main className="standalone" id="main">
      <div className="card standalone__card" role="alert">
        <h1>{t('errorPage.title')}</h1>
        <p>{t('errorPage.body')}</p>
        <div className="form__actions">
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              startTransition(() => {
                router.refresh();
                reset();
              });
            }}
          >
            {t('errorPage.retry')}
          </button>
          <Link href="/" className="button button--secondary">
            {t('errorPage.home')}
          </Link>
        </div>
      </div>
    </main>
  );
}
