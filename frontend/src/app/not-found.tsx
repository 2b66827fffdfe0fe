import Link from 'next/link';

import { getT } from '@/i18n/server';

export default async function NotFound() {
  const t = await getT();
  return (
    <main className="standalone" id="main">
      <div className="card standalone__card">
        <h1>{t('notFound.title')}</h1>
        <p>{t('notFound.body')}</p>
        <p>
          <Link href="/">{t('notFound.home')}</Link>
        </p>
      </div>
    </main>
  );
}
