'use client';

import Link from 'next/link';

import { onboardingLinks } from '@/features/onboarding/onboarding-links';
import type { Onboarding } from '@/features/onboarding/onboarding-api';
import { useT } from '@/i18n/i18n-provider';

/**
 * The steps of setting up a new organisation, on the page it lands on. Shown until every step is
 * done (the server decides from the facts); each step not done links to the page where it is done.
 */
export function OnboardingChecklist({ organizationId, onboarding }: { organizationId: string; onboarding: Onboarding | null }) {
  const t = useT();
  if (!onboarding || onboarding.complete) return null;
  const done = onboarding.steps.filter((step) => step.done).length;
  return (
    <section className="card onboarding" aria-labelledby="onboarding-title" data-testid="onboarding-checklist">
      <h2 id="onboarding-title" className="onboarding__title">
        {t('onboarding.title')}
      </h2>
      <p className="onboarding__progress">{t('onboarding.progress', { done, total: onboarding.steps.length })}</p>
      <ol className="onboarding__steps">
        {onboarding.steps.map(({ step, done: stepDone }) => (
          <li key={step} className={`onboarding__step${stepDone ? ' onboarding__step--done' : ''}`} data-testid={`onboarding-step-${step}`} data-done={stepDone}>
            <span className="onboarding__mark" aria-hidden="true">
              {stepDone ? '✓' : ''}
            </span>
            <div className="onboarding__body">
              <p className="onboarding__name">
                {t(`onboarding.steps.${step}.title`)}
                <span className="visually-hidden"> — {t(stepDone ? 'onboarding.done' : 'onboarding.toDo')}</span>
              </p>
              {stepDone ? null : (
                <>
                  <p className="onboarding__hint">{t(`onboarding.steps.${step}.hint`)}</p>
                  <p className="onboarding__links">
                    {onboardingLinks(organizationId, step).map((link) => (
                      <Link key={link.href} href={link.href} className="button button--small button--secondary">
                        {t(link.labelKey)}
                      </Link>
                    ))}
                  </p>
                </>
              )}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
