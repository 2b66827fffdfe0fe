import { invitationPath, safeNextPath } from './paths';

describe('safeNextPath', () => {
  it.each([
    ['/invitations/abc_DEF-123', '/invitations/abc_DEF-123'],
    ['/orgs/3f1c/register?q=Cr%C3%A8che', '/orgs/3f1c/register?q=Cr%C3%A8che'],
  ])('keeps a path of the app: %s', (value, expected) => {
    expect(safeNextPath(value)).toBe(expected);
  });

  it.each([
    ['another site', 'https://evil.example/'],
    ['a protocol-relative address', '//evil.example/x'],
    ['a backslash host', '/\\evil.example'],
    ['a backslash further on', '/a\\b'],
    ['a scheme', 'javascript:alert(1)'],
    ['a relative path', 'invitations/x'],
    ['a tab', '/\t/evil.example'],
    ['nothing', ''],
    ['several values', ['/a', '/b']],
    ['no value', undefined],
  ])('ignores %s', (_label, value) => {
    expect(safeNextPath(value)).toBeNull();
  });
});

describe('invitationPath', () => {
  it('encodes the token', () => {
    expect(invitationPath('a/b?c')).toBe('/invitations/a%2Fb%3Fc');
  });
});
