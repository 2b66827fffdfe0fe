'use client';

import { useId } from 'react';

import { COUNTRY_ZONES, type CountryBreakdown } from '@/features/vendors/types';
import { useLocale, useT } from '@/i18n/i18n-provider';
import { countryName } from '@/lib/countries';

/** Where the vendors are, zone by zone; a country's button filters the list on it (again: clears). */
export function CountryZones({
  countries,
  selected,
  onSelect,
}: {
  countries: CountryBreakdown;
  /** The country the list is filtered on, '' for none. */
  selected: string;
  onSelect: (country: string) => void;
}) {
  const t = useT();
  const locale = useLocale();
  const ids = useId();
  return (
    <section className="zones" aria-labelledby={`${ids}-zones`} data-testid="country-breakdown">
      <h2 id={`${ids}-zones`}>{t('vendors.zones.title')}</h2>
      <p className="panel__intro">{t('vendors.zones.intro')}</p>
      <div className="zones__grid">
        {COUNTRY_ZONES.map((zone) => {
          const totals = countries.zones.find((item) => item.zone === zone);
          const rows = countries.countries.filter((row) => row.zone === zone);
          return (
            <div key={zone} className={`zones__zone zones__zone--${zone}`} data-testid={`zone-${zone}`}>
              <h3>{t(`vendors.zones.${zone}`)}</h3>
              <p>
                {t('vendors.zones.summary', {
                  countries: totals?.countries ?? 0,
                  vendors: totals?.vendors ?? 0,
                  transfers: totals?.activityTransfers ?? 0,
                })}
                {totals && totals.needsMechanism > 0 ? (
                  <span className="tag tag--danger">{t('vendors.zones.needsMechanism', { count: totals.needsMechanism })}</span>
                ) : null}
              </p>
              {rows.length > 0 ? (
                <ul className="zones__countries">
                  {rows.map((row) => (
                    <li key={row.country} data-testid={`zone-country-${row.country}`}>
                      <button
                        type="button"
                        className="link-button"
                        aria-pressed={selected === row.country}
                        onClick={() => {
                          onSelect(selected === row.country ? '' : row.country);
                        }}
                      >
                        {countryName(row.country, locale)}
                      </button>{' '}
                      <span className="muted">{t('vendors.zones.countryLine', { vendors: row.vendors, transfers: row.activityTransfers })}</span>
                      {row.needsMechanism > 0 ? <span className="tag tag--danger">{t('vendors.zones.needsMechanism', { count: row.needsMechanism })}</span> : null}
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          );
        })}
      </div>
    </section>
  );
}
