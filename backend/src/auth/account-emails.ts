import type { AccountEmail } from '../account-mail/account-mail.service';
import { translate, type Locale, type MessageParams } from '../common/i18n/i18n';

export type AccountEmailKind = 'verify' | 'existing' | 'reset' | 'invitation';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Paragraphs separated by blank lines; links become anchors, every other character is escaped. */
function toHtml(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((paragraph) => {
      const parts = paragraph.split(/(https?:\/\/\S+)/);
      const html = parts.map((part, index) => (index % 2 === 1 ? `<a href="${escapeHtml(part)}">${escapeHtml(part)}</a>` : escapeHtml(part).replace(/\n/g, '<br>'))).join('');
      return `<p>${html}</p>`;
    })
    .join('\n');
}

/** An authentication e-mail in the recipient's language, from the `accountEmails` catalogue. */
export function accountEmail(kind: AccountEmailKind, to: string, locale: Locale, params: MessageParams): AccountEmail {
  const subject = translate(locale, `accountEmails.${kind}Subject`, params);
  const text = translate(locale, `accountEmails.${kind}Body`, params);
  return { to, subject, text, html: `<!doctype html><html lang="${locale}"><body>${toHtml(text)}</body></html>` };
}
