'use client';

import { AbilityProvider, Can as CaslCan, useAbility, type CanProps } from '@casl/react';
import { useMemo, type ReactNode } from 'react';

import { buildAbility, type AppAbility, type AppRawRule } from './abilities';
import type { PackRule } from '@casl/ability/extra';
import type { AbilitiesResponse } from './api-types';

/** Builds the ability from the packed rules the server sent and provides it to `<Can>` and `useAppAbility()`. */
export function AppAbilityProvider({
  packedRules,
  children,
}: {
  packedRules: AbilitiesResponse['rules'];
  children: ReactNode;
}) {
  // The contract says JSON arrays; their layout is CASL's packRules format, which unpackRules reads.
  const ability = useMemo(() => buildAbility(packedRules as PackRule<AppRawRule>[]), [packedRules]);
  return <AbilityProvider value={ability}>{children}</AbilityProvider>;
}

/** `<Can I="update" a="Organization">…</Can>`, typed with our actions and subjects. */
export const Can = CaslCan as (props: CanProps<AppAbility>) => ReactNode;

export function useAppAbility(): AppAbility {
  return useAbility<AppAbility>();
}
