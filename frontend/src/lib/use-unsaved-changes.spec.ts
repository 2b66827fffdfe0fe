import { leavesPage } from './use-unsaved-changes';

const click = { button: 0, metaKey: false, ctrlKey: false, shiftKey: false, altKey: false };
const here = { href: 'http://localhost:3000/orgs/o1/register/a1?tab=data' };
const link = (href: string, target = '', hasDownload = false) => ({ href, target, hasDownload });

describe('leaving a page with unsaved changes', () => {
  it('asks when a link leads to another page of the app', () => {
    expect(leavesPage(link('/orgs/o1/register'), click, here)).toBe(true);
    expect(leavesPage(link('http://localhost:3000/orgs/o1/register/a1?version=2'), click, here)).toBe(true);
  });

  it('does not ask for the same page, other sites, new tabs or downloads', () => {
    expect(leavesPage(link('/orgs/o1/register/a1?tab=data#top'), click, here)).toBe(false);
    expect(leavesPage(link('https://www.cnil.fr/'), click, here)).toBe(false);
    expect(leavesPage(link('/orgs/o1/register', '_blank'), click, here)).toBe(false);
    expect(leavesPage(link('/export.xlsx', '', true), click, here)).toBe(false);
    expect(leavesPage(link('/orgs/o1/register'), { ...click, ctrlKey: true }, here)).toBe(false);
    expect(leavesPage(link('/orgs/o1/register'), { ...click, button: 1 }, here)).toBe(false);
  });
});
