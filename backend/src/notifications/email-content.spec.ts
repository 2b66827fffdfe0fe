import { renderEmail } from './email-content';

const items = [
  { kind: 'activity_review_due' as const, recordReference: 'T-0008', recordName: 'Service client', dueDate: '2026-11-30', url: 'https://registre.example/orgs/o/register/a' },
  { kind: 'vendor_review_overdue' as const, recordReference: 'Support <Desk>', recordName: 'Support <Desk>', dueDate: '2026-11-01', url: 'https://registre.example/orgs/o/vendors/v' },
];

describe('reminder e-mails', () => {
  it('writes the immediate e-mail in French', () => {
    const email = renderEmail({ locale: 'fr', kind: 'immediate', recipientName: 'Denis', organizationName: 'Démo', items, notificationsUrl: 'https://registre.example/orgs/o/notifications' });
    expect(email.subject).toBe('[Registre] Démo : 2 nouveaux rappels');
    expect(email.text).toBe(
      [
        'Bonjour Denis,',
        '',
        'Registre a 2 nouveaux rappels pour vous dans Démo :',
        '',
        '- Revue de T-0008 Service client prévue le 30 novembre 2026',
        '  https://registre.example/orgs/o/register/a',
        '- Revue du fournisseur Support <Desk> en retard depuis le 1 novembre 2026',
        '  https://registre.example/orgs/o/vendors/v',
        '',
        'Choisissez entre des e-mails immédiats et un récapitulatif hebdomadaire sur votre page de notifications : https://registre.example/orgs/o/notifications',
        '',
      ].join('\n'),
    );
  });

  it('writes the weekly digest in English, escaping names in the HTML part', () => {
    const email = renderEmail({ locale: 'en', kind: 'digest', recipientName: 'Chloé', organizationName: 'Acme & Co', items, notificationsUrl: 'https://registre.example/n' });
    expect(email.subject).toBe('[Registre] Acme & Co: your weekly summary (2 reminders)');
    expect(email.text).toContain('This week, 2 reminders await you in Acme & Co:');
    expect(email.text).toContain('- Review of T-0008 Service client due on 30 November 2026');
    expect(email.html).toContain('<li><a href="https://registre.example/orgs/o/vendors/v">Review of vendor Support &lt;Desk&gt; overdue since 1 November 2026</a></li>');
    expect(email.html).toContain('<p>This week, 2 reminders await you in Acme &amp; Co:</p>');
    expect(email.html).not.toContain('<Desk>');
  });

  it('lists a change’s many events in one e-mail, up to 50 lines, the rest on the notifications page', () => {
    const proposed = Array.from({ length: 62 }, (_, index) => ({
      kind: 'vendor_proposed' as const,
      recordReference: `Hébergeur « Nuage n° ${index + 1} »`,
      recordName: `Hébergeur « Nuage n° ${index + 1} »`,
      dueDate: null,
      actorName: 'Camille Lefèvre',
      url: `https://registre.example/orgs/o/vendors/${index + 1}`,
    }));
    const email = renderEmail({ locale: 'fr', kind: 'events', recipientName: 'Denis', organizationName: 'Démo', items: proposed, notificationsUrl: 'https://registre.example/n' });
    expect(email.subject).toBe('[Registre] Démo : 62 nouveautés');
    expect(email.text).toContain('Du nouveau dans Démo :');
    expect(email.text.match(/^- Camille Lefèvre propose le fournisseur/gm)).toHaveLength(50);
    expect(email.text).toContain('- Camille Lefèvre propose le fournisseur Hébergeur « Nuage n° 50 »');
    expect(email.text).not.toContain('Nuage n° 51 »');
    expect(email.text).toContain('… et 12 autres sur votre page de notifications.');
    expect(email.html).toContain('<p>… et 12 autres sur votre page de notifications.</p>');
    const english = renderEmail({ locale: 'en', kind: 'events', recipientName: 'Denis', organizationName: 'Démo', items: proposed.slice(0, 3), notificationsUrl: 'https://registre.example/n' });
    expect(english.subject).toBe('[Registre] Démo: 3 updates');
    expect(english.text).not.toContain('more on your notifications page');
  });
});
