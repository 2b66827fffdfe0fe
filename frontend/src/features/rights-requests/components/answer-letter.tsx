'use client';

import { useId, useState } from 'react';

import { ErrorAlert } from '@/components/alerts';
import { getAnswerLetter } from '@/features/rights-requests/registers-api';
import { useLocale, useT } from '@/i18n/i18n-provider';
import { useAppAbility } from '@/lib/ability-context';
import { errorMessage } from '@/lib/forms';
import { useApi } from '@/lib/use-api';

/**
 * The draft answer to a right of access (Art 15), written by the server from the linked activities,
 * in the person's language (chosen here), to edit and copy into the reply. Nothing is stored: the
 * answer step records what was sent.
 */
export function AnswerLetterPanel({ organizationId, requestId }: { organizationId: string; requestId: string }) {
  const t = useT();
  const locale = useLocale();
  const api = useApi();
  const ability = useAppAbility();
  const id = useId();
  const [language, setLanguage] = useState<'fr' | 'en'>(locale);
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState<'idle' | 'done' | 'failed'>('idle');
  if (!ability.can('update', 'RightsRequest')) return null;

  const prepare = async () => {
    setError(null);
    setCopied('idle');
    try {
      setText((await getAnswerLetter(api, organizationId, requestId, language)).text);
    } catch (failure) {
      setError(errorMessage(failure, t));
    }
  };
  const copy = () => {
    navigator.clipboard.writeText(text ?? '').then(
      () => setCopied('done'),
      () => setCopied('failed'),
    );
  };

  return (
    <section aria-labelledby={`${id}-title`} className="panel" data-testid="answer-letter">
      <h2 id={`${id}-title`}>{t('rightsRequests.letter.title')}</h2>
      <p>{t('rightsRequests.letter.intro')}</p>
      <ErrorAlert>{error}</ErrorAlert>
      <div className="form__row">
        <label className="field__label" htmlFor={`${id}-language`}>
          {t('rightsRequests.letter.language')}
        </label>
        <select id={`${id}-language`} className="field__control" value={language} onChange={(event) => setLanguage(event.target.value as 'fr' | 'en')}>
          <option value="fr">{t('rightsRequests.letter.languages.fr')}</option>
          <option value="en">{t('rightsRequests.letter.languages.en')}</option>
        </select>
      </div>
      <p>
        <button type="button" className="button" onClick={() => void prepare()} data-testid="answer-letter-prepare">
          {text === null ? t('rightsRequests.letter.prepare') : t('rightsRequests.letter.again')}
        </button>
      </p>
      {text !== null ? (
        <>
          <label className="field__label" htmlFor={`${id}-text`}>
            {t('rightsRequests.letter.text')}
          </label>
          <textarea id={`${id}-text`} className="field__control" rows={24} value={text} onChange={(event) => setText(event.target.value)} data-testid="answer-letter-text" />
          <p>
            <button type="button" className="button" onClick={copy}>
              {t('rightsRequests.letter.copy')}
            </button>
            <span role="status" aria-live="polite">
              {copied === 'done' ? ` ${t('rightsRequests.letter.copied')}` : copied === 'failed' ? ` ${t('rightsRequests.letter.copyFailed')}` : ''}
            </span>
          </p>
        </>
      ) : null}
    </section>
  );
}
