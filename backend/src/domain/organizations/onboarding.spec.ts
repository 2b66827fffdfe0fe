import { onboardingSteps, type OnboardingFacts } from './onboarding';

const complete: OnboardingFacts = {
  legalName: 'Société Générale d’Édition « Les Belles Lettres »',
  registrationNumber: '552 081 317',
  address: '95 boulevard Raspail, 75006 Paris',
  country: 'FR',
  legalRepresentative: 'Hélène Dupré-Lefèvre, présidente',
  establishedOutsideEea: false,
  euRepresentativeName: null,
  euRepresentativeAddress: null,
  euRepresentativeEmail: null,
  dpoName: 'Denis Délégué',
  dpoEmail: 'dpo@belles-lettres.fr',
  dpoDesignationNumber: 'DPO-123456',
  departments: 1,
  members: 2,
  pendingInvitations: 0,
  activities: 1,
};

const pending = (facts: OnboardingFacts) => onboardingSteps(facts).filter((step) => !step.done).map((step) => step.step);

describe('onboardingSteps', () => {
  it('lists the five steps in order, all done for a set-up organisation', () => {
    expect(onboardingSteps(complete)).toEqual([
      { step: 'identity', done: true },
      { step: 'dpo', done: true },
      { step: 'departments', done: true },
      { step: 'members', done: true },
      { step: 'register', done: true },
    ]);
  });

  it('leaves every step to do for an organisation just created', () => {
    const created: OnboardingFacts = {
      ...complete,
      legalName: null,
      registrationNumber: null,
      address: null,
      country: null,
      legalRepresentative: null,
      dpoName: null,
      dpoEmail: null,
      dpoDesignationNumber: null,
      departments: 0,
      members: 1,
      activities: 0,
    };
    expect(pending(created)).toEqual(['identity', 'dpo', 'departments', 'members', 'register']);
  });

  it.each<[string, Partial<OnboardingFacts>, string[]]>([
    ['a blank legal representative', { legalRepresentative: '  ' }, ['identity']],
    ['no registration number', { registrationNumber: null }, ['identity']],
    ['outside the EEA without a representative in the Union (Art 27)', { country: 'CH', establishedOutsideEea: true }, ['identity']],
    ['outside the EEA, representative without contact', { establishedOutsideEea: true, euRepresentativeName: 'Représentant UE SARL' }, ['identity']],
    ['outside the EEA, representative with an address', { establishedOutsideEea: true, euRepresentativeName: 'Représentant UE SARL', euRepresentativeAddress: '1 rue d’Uzès, Paris' }, []],
    ['outside the EEA, representative with an e-mail', { establishedOutsideEea: true, euRepresentativeName: 'Représentant UE SARL', euRepresentativeEmail: 'rep@exemple.eu' }, []],
    ['no CNIL designation number', { dpoDesignationNumber: '' }, ['dpo']],
    ['no DPO e-mail', { dpoEmail: null }, ['dpo']],
    ['no department', { departments: 0 }, ['departments']],
    ['alone, no invitation', { members: 1 }, ['members']],
    ['alone, an invitation on its way', { members: 1, pendingInvitations: 1 }, []],
    ['no activity', { activities: 0 }, ['register']],
  ])('%s', (_, change, expected) => {
    expect(pending({ ...complete, ...change })).toEqual(expected);
  });
});
