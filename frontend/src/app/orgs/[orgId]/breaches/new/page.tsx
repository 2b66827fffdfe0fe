import type { Metadata } from 'next';
import Link from 'next/link';

import { NewBreachFormView } from '@/features/breaches/components/new-breach-form';
import { getT } from '@/i18n/server';
import { orgPath } from '@/lib/paths';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t('breaches.form.title') };
}

/** Recording a breach as soon as it is known: the 72 hours run from the moment the organisation knew. */
export default async function NewBreachPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const t = await getT();
  return (
    <section className="page" aria-labelledby="page-title">
      <p className="breadcrumb">
        <Link href={orgPath(orgId, 'breaches')}>← {t('breaches.title')}</Link>
      </p>
      <h1 id="page-title">{t('breaches.form.title')}</h1>
      <p className="page__intro">{t('breaches.form.intro')}</p>
      <NewBreachFormView organizationId={orgId} />
    </section>
  );
}
