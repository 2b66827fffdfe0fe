import type { Metadata } from 'next';
import Link from 'next/link';

import { loadCatalogue } from '@/features/activities/server-data';
import { NewRightsRequestForm } from '@/features/rights-requests/components/new-request-form';
import { getT } from '@/i18n/server';
import { orgPath } from '@/lib/paths';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t('rightsRequests.form.title') };
}

/** Recording a request as it arrived: the clock starts from its receipt, not from this page. */
export default async function NewRightsRequestPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const [t, subjectCategories] = await Promise.all([getT(), loadCatalogue(orgId, 'data-subject-categories')]);
  return (
    <section className="page" aria-labelledby="page-title">
      <p className="breadcrumb">
        <Link href={orgPath(orgId, 'rights-requests')}>← {t('rightsRequests.title')}</Link>
      </p>
      <h1 id="page-title">{t('rightsRequests.form.title')}</h1>
      <p className="page__intro">{t('rightsRequests.form.intro')}</p>
      <NewRightsRequestForm organizationId={orgId} subjectCategories={subjectCategories} />
    </section>
  );
}
