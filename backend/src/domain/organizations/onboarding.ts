/**
 * The onboarding checklist of a new organisation (issue #19 item 3): what must be set up before the
 * register can be trusted, each step done or not from the facts the server reads. Pure, shared with
 * the web app (which gives each step its words and the page where it is done).
 */

export const ONBOARDING_STEPS = ['identity', 'dpo', 'departments', 'members', 'register'] as const;
export type OnboardingStep = (typeof ONBOARDING_STEPS)[number];

export interface OnboardingFacts {
  legalName: string | null;
  registrationNumber: string | null;
  address: string | null;
  country: string | null;
  legalRepresentative: string | null;
  /** The country is known and outside the EEA: Art 27 asks for a representative in the Union. */
  establishedOutsideEea: boolean;
  euRepresentativeName: string | null;
  euRepresentativeAddress: string | null;
  euRepresentativeEmail: string | null;
  dpoName: string | null;
  dpoEmail: string | null;
  dpoDesignationNumber: string | null;
  departments: number;
  members: number;
  pendingInvitations: number;
  activities: number;
}

const given = (text: string | null | undefined) => typeof text === 'string' && text.trim() !== '';

/**
 * Each step in the order a new organisation takes them:
 * - identity: the controller as Art 30(1)(a) prints it (legal name, registration number, address,
 *   country, legal representative) and, established outside the EEA, its representative in the
 *   Union (Art 27: a name and an address or e-mail);
 * - dpo: name, e-mail and the CNIL designation number (Art 37(7));
 * - departments: at least one, to file activities and people under;
 * - members: someone besides the creator, or an invitation on its way;
 * - register: at least one activity (imported, from a template, or from a design grid).
 */
export function onboardingSteps(facts: OnboardingFacts): { step: OnboardingStep; done: boolean }[] {
  const euRepresentative = !facts.establishedOutsideEea || (given(facts.euRepresentativeName) && (given(facts.euRepresentativeAddress) || given(facts.euRepresentativeEmail)));
  const done: Record<OnboardingStep, boolean> = {
    identity: [facts.legalName, facts.registrationNumber, facts.address, facts.country, facts.legalRepresentative].every(given) && euRepresentative,
    dpo: [facts.dpoName, facts.dpoEmail, facts.dpoDesignationNumber].every(given),
    departments: facts.departments >= 1,
    members: facts.members >= 2 || facts.pendingInvitations >= 1,
    register: facts.activities >= 1,
  };
  return ONBOARDING_STEPS.map((step) => ({ step, done: done[step] }));
}
