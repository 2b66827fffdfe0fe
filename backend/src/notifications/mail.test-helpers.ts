import type { TestApi, TestOrganization } from '../../test/test-api';
import { asOwner } from '../activities/activities.test-helpers';

/**
 * What a reader must never find in an e-mail: an id, a code, an ISO date or duration, JSON. The links
 * are the only place ids may appear, so they are taken out first.
 */
export function codesIn(text: string): string[] {
  const words = text.replace(/https?:\/\/\S+/g, '');
  return [
    ...(words.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g) ?? []),
    ...(words.match(/\b[a-z]+_[a-z_]+\b/g) ?? []),
    ...(words.match(/\b\d{4}-\d{2}-\d{2}\b/g) ?? []),
    ...(words.match(/\bP\d+[YMWD]\b/g) ?? []),
    ...(words.match(/[{}]/g) ?? []),
  ];
}

/**
 * Gives members a name and a language (the fixtures' are neutral), so that e-mails can be checked for
 * the recipient's words. Returns their addresses by user id.
 */
export async function nameMembers(api: TestApi, members: readonly (readonly [userId: string, name: string, locale: 'fr' | 'en'])[]): Promise<Record<string, string>> {
  const emails: Record<string, string> = {};
  await asOwner(api, async (client) => {
    for (const [id, name, locale] of members) {
      const { rows } = await client.query<{ email: string }>('UPDATE users SET name = $2, locale = $3 WHERE id = $1 RETURNING email', [id, name, locale]);
      emails[id] = rows[0].email;
    }
  });
  return emails;
}

/**
 * The members of the two organisations of the notification specs, named (accents, ’) and with their
 * language: ours write in French but for the admin, who reads English; the other's are French.
 */
export function nameBothOrganizations(api: TestApi, org: TestOrganization, other: TestOrganization): Promise<Record<string, string>> {
  return nameMembers(api, [
    [org.userIds.dpo, 'Denise Délégué', 'fr'],
    [org.userIds.contributor, 'Gaëlle N’Diaye', 'fr'],
    [org.userIds.admin, 'Hélène Lefèvre', 'en'],
    [org.userIds.auditor, 'Loïc Auditeur', 'fr'],
    [other.userIds.dpo, 'Zoé Clinique', 'fr'],
    [other.userIds.admin, 'Aimé Clinique', 'fr'],
  ]);
}

/** A rights request as recorded at the desk (French words), for the reminders and the digest to speak of. */
export const requestBody = (receivedAt: string, requesterName: string, activityId: string, requesterContact = 'personne@exemple.fr') => ({
  receivedAt,
  channel: 'email',
  type: 'access',
  description: 'Copie de mes données',
  requesterName,
  requesterContact,
  identityCheckStatus: 'pending',
  activityIds: [activityId],
});

/** A breach as recorded (French words), assessed at `risk` or not yet (null). */
export const breachBody = (summary: string, awareAt: string, risk: 'none' | 'risk' | 'high' | null, activityId: string) => ({
  summary,
  awareAt,
  ...(risk ? { risk } : {}),
  discovery: 'Signalé à l’accueil',
  natures: ['confidentiality'],
  dataCategories: ['identity'],
  subjectCategories: ['members'],
  approxPersons: 10,
  approxRecords: 30,
  activityIds: [activityId],
});
