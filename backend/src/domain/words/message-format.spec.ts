import { formatMessage } from './message-format';

const QUESTIONS = '{count, plural, one {# question répondue} other {# questions répondues}} sur 10';
const REMINDERS = '{count, plural, =0 {no reminder} one {# reminder} other {# reminders}} in {organization}';

describe('messages with plurals (ICU style)', () => {
  it.each([
    [QUESTIONS, { count: 0 }, 'fr', '0 question répondue sur 10'],
    [QUESTIONS, { count: 1 }, 'fr', '1 question répondue sur 10'],
    [QUESTIONS, { count: 2 }, 'fr', '2 questions répondues sur 10'],
    [QUESTIONS, { count: 10 }, 'fr', '10 questions répondues sur 10'],
    ['{count, plural, one {# question} other {# questions}} answered', { count: 0 }, 'en', '0 questions answered'],
    ['{count, plural, one {# question} other {# questions}} answered', { count: 1 }, 'en', '1 question answered'],
    [REMINDERS, { count: 0, organization: 'Mairie de Saint-Étienne' }, 'en', 'no reminder in Mairie de Saint-Étienne'],
    [REMINDERS, { count: 3, organization: 'Mairie' }, 'en', '3 reminders in Mairie'],
    ['{n, plural, one {# nouveau rappel} other {# nouveaux rappels}} pour {name}', { n: 2, name: 'Zoé' }, 'fr', '2 nouveaux rappels pour Zoé'],
    ['{a} et {b}', { a: 1 }, 'fr', '1 et {b}'],
    ['{count, plural, one {#} other {#}}', {}, 'fr', '{count, plural, one {#} other {#}}'],
    ['« {name} »', { name: 'L’Oréal' }, 'fr', '« L’Oréal »'],
  ] as const)('%s with %j in %s', (template, vars, locale, expected) => {
    expect(formatMessage(template, vars, locale)).toBe(expected);
  });

  it('nests placeholders inside a branch', () => {
    expect(formatMessage('{count, plural, one {# traitement de {dept}} other {# traitements de {dept}}}', { count: 4, dept: 'la DRH' }, 'fr')).toBe('4 traitements de la DRH');
  });
});
