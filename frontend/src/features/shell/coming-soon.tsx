import { getT } from '@/i18n/server';

export type ComingSoonSection = 'designGrid' | 'vendors' | 'dpias' | 'dashboard' | 'audit';

/** The page of a part of Registre not built yet: its name and, in one sentence, what it will do. */
export async function ComingSoon({ section }: { section: ComingSoonSection }) {
  const t = await getT();
  return (
    <section className="page" aria-labelledby="page-title">
      <h1 id="page-title">{t(`${section}.title`)}</h1>
      <div className="coming-soon">
        <p className="coming-soon__badge">{t('common.comingSoon')}</p>
        <p>{t(`${section}.comingSoon`)}</p>
      </div>
    </section>
  );
}
