'use client';

import { useLocale, useT } from '@/i18n/i18n-provider';

import { fearedEventLabel, scaleLabel, type DpiaCatalogues } from '../catalogues';
import { FEARED_EVENTS, riskLevel, SCALE_VALUES, type DpiaRisks, type FearedEvent, type RiskLevel } from '../types';

type When = 'before' | 'after';

const rated = (level: RiskLevel) => level.severity !== null && level.likelihood !== null;

/**
 * The 4×4 map, severity (rows, highest first) × likelihood (columns): a real table with row and column
 * headers. Each feared event appears twice, before and after measures: its number in a dashed circle
 * before, on a solid background after, and its full name for screen readers. The zone of each cell is
 * written in its accessible name too, so nothing depends on colour.
 */
export function RiskMap({ risks, catalogues, id = 'risk-map' }: { risks: DpiaRisks; catalogues: DpiaCatalogues; id?: string }) {
  const t = useT();
  const locale = useLocale();
  const number = (event: FearedEvent) => FEARED_EVENTS.indexOf(event) + 1;
  const markers = (severity: number, likelihood: number) =>
    FEARED_EVENTS.flatMap((event) =>
      (['before', 'after'] as const)
        .filter((when) => risks[event][when].severity === severity && risks[event][when].likelihood === likelihood)
        .map((when) => ({ event, when })),
    );
  const unplaced = FEARED_EVENTS.filter((event) => !rated(risks[event].before) && !rated(risks[event].after));
  const severities = [...SCALE_VALUES].reverse();

  return (
    <div className="risk-map" data-testid={id}>
      <table className="risk-map__table">
        <caption>{t('dpias.map.caption')}</caption>
        <thead>
          <tr>
            <td />
            <th scope="colgroup" colSpan={4}>
              {t('dpias.map.likelihood')}
            </th>
          </tr>
          <tr>
            <th scope="col">{t('dpias.map.severity')}</th>
            {SCALE_VALUES.map((likelihood) => (
              <th scope="col" key={likelihood}>
                {likelihood}
                <span className="risk-map__scale-label">. {scaleLabel(catalogues['dpia-likelihood'], likelihood, locale)}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {severities.map((severity) => (
            <tr key={severity}>
              <th scope="row">
                {severity}
                <span className="risk-map__scale-label">. {scaleLabel(catalogues['dpia-severity'], severity, locale)}</span>
              </th>
              {SCALE_VALUES.map((likelihood) => {
                const zone = riskLevel({ severity, likelihood }) ?? 'low';
                const here = markers(severity, likelihood);
                return (
                  <td key={likelihood} className={`risk-map__cell risk-map__cell--${zone}`} data-testid={`${id}-cell-${String(severity)}-${String(likelihood)}`} data-zone={zone}>
                    <span className="visually-hidden">{t(`dpias.map.zone.${zone}`)}</span>
                    {here.map(({ event, when }) => (
                      <Marker key={`${event}-${when}`} number={number(event)} when={when} label={t('dpias.map.marker', { event: fearedEventLabel(catalogues, event, locale), when: t(`dpias.map.${when}`) })} testId={`${id}-marker-${event}-${when}`} />
                    ))}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {/* On a phone the headers keep only the numbers (their words are still read out): the levels are said here. */}
      <div className="risk-map__scale-key" aria-hidden="true">
        {(['severity', 'likelihood'] as const).map((scale) => (
          <p key={scale}>
            {t('dpias.map.scaleKey', {
              scale: t(`dpias.map.${scale}`),
              levels: SCALE_VALUES.map((value) => `${String(value)}. ${scaleLabel(catalogues[scale === 'severity' ? 'dpia-severity' : 'dpia-likelihood'], value, locale)}`).join(', '),
            })}
          </p>
        ))}
      </div>
      <div className="risk-map__legend">
        <p className="risk-map__legend-title">{t('dpias.map.legend')}</p>
        <ul>
          {FEARED_EVENTS.map((event) => (
            <li key={event}>
              <span className="risk-marker risk-marker--after" aria-hidden="true">
                {number(event)}
              </span>{' '}
              {fearedEventLabel(catalogues, event, locale)}
            </li>
          ))}
          <li>
            <span className="risk-marker risk-marker--before" aria-hidden="true">
              n
            </span>{' '}
            {t('dpias.map.before')} ({t('dpias.map.beforeMark')})
          </li>
          <li>
            <span className="risk-marker risk-marker--after" aria-hidden="true">
              n
            </span>{' '}
            {t('dpias.map.after')} ({t('dpias.map.afterMark')})
          </li>
        </ul>
        {unplaced.length > 0 ? <p>{t('dpias.map.notPlaced', { events: unplaced.map((event) => fearedEventLabel(catalogues, event, locale)).join(', ') })}</p> : null}
      </div>
    </div>
  );
}

function Marker({ number, when, label, testId }: { number: number; when: When; label: string; testId: string }) {
  return (
    <span className={`risk-marker risk-marker--${when}`} data-testid={testId} data-when={when} title={label}>
      <span aria-hidden="true">{number}</span>
      <span className="visually-hidden">{label}</span>
    </span>
  );
}
