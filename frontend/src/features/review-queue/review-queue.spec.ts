import { countsByKind, reviewItemPath } from './review-queue';

const ORG = '7a1f3c52-9d41-4e0b-8c6e-2f5b1a9d0e47';
const ID = 'c3d2a1b0-5e6f-4a8b-9c0d-1e2f3a4b5c6d';

describe('review queue helpers', () => {
  it('links each kind to the page the web app routes', () => {
    expect(reviewItemPath(ORG, { kind: 'activity', recordId: ID })).toBe(`/orgs/${ORG}/register/${ID}`);
    expect(reviewItemPath(ORG, { kind: 'design_grid', recordId: ID })).toBe(`/orgs/${ORG}/design-grid/${ID}`);
    expect(reviewItemPath(ORG, { kind: 'prior_consultation', recordId: ID })).toBe(`/orgs/${ORG}/dpias/${ID}`);
    expect(reviewItemPath(ORG, { kind: 'dpia', recordId: ID })).toBe(`/orgs/${ORG}/dpias/${ID}`);
    expect(reviewItemPath(ORG, { kind: 'vendor', recordId: ID })).toBe(`/orgs/${ORG}/vendors/${ID}`);
  });

  it('counts every kind, zero included', () => {
    expect(countsByKind([{ kind: 'activity' }, { kind: 'vendor' }, { kind: 'activity' }])).toEqual({ activity: 2, design_grid: 0, dpia: 0, vendor: 1, prior_consultation: 0, dpia_screening: 0 });
    expect(countsByKind([])).toEqual({ activity: 0, design_grid: 0, dpia: 0, vendor: 0, prior_consultation: 0, dpia_screening: 0 });
  });
});
