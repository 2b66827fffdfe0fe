'use client';

import { useEffect, useState } from 'react';

import { useT } from '@/i18n/i18n-provider';

import type { BreachClock, RequestClock } from './clock';

/** Days left before a request's due day, in colour and in words. */
export function RequestClockBadge({ clock }: { clock: RequestClock }) {
  const t = useT();
  const words =
    clock.kind === 'closed'
      ? t('rightsRequests.clock.closed')
      : clock.kind === 'today'
        ? t('rightsRequests.clock.today')
        : clock.kind === 'late'
          ? t(clock.days === 1 ? 'rightsRequests.clock.late_one' : 'rightsRequests.clock.late_other', { days: clock.days })
          : t(clock.days === 1 ? 'rightsRequests.clock.left_one' : 'rightsRequests.clock.left_other', { days: clock.days });
  return (
    <span className={`clock clock--${clock.tone}`} data-testid="request-clock" data-tone={clock.tone}>
      {words}
    </span>
  );
}

/** Hours left of a breach's 72 hours (Art 33(1)), in colour and in words. */
export function BreachClockBadge({ clock }: { clock: BreachClock }) {
  const t = useT();
  let words: string;
  switch (clock.kind) {
    case 'notified':
    case 'notified_late':
    case 'not_required':
      words = t(`breaches.clock.${clock.kind}`);
      break;
    default:
      words = t(clock.hours === 1 ? `breaches.clock.${clock.kind}_one` : `breaches.clock.${clock.kind}_other`, { hours: clock.hours });
  }
  return (
    <span className={`clock clock--${clock.tone}`} data-testid="breach-clock" data-tone={clock.tone}>
      {words}
    </span>
  );
}

/** The time, moving while the page stays open, so the clock does too. */
export function useNow(intervalMs: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => {
      setNow(new Date());
    }, intervalMs);
    return () => {
      clearInterval(timer);
    };
  }, [intervalMs]);
  return now;
}
