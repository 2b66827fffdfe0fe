'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';

import { signOut } from '@/features/auth/auth-api';
import { useT } from '@/i18n/i18n-provider';
import { useApi } from '@/lib/use-api';

export function SignOutButton() {
  const t = useT();
  const api = useApi();
  const router = useRouter();
  const [busy, setBusy] = useState(false);

  async function handleClick() {
    setBusy(true);
    try {
      await signOut(api);
    } catch {
      // Even when the call fails the user wants out: the sign-in page tells whether the session is gone.
    }
    router.replace('/login');
    router.refresh();
  }

  return (
    <button
      type="button"
      className="button button--secondary"
      data-testid="sign-out"
      disabled={busy}
      onClick={() => {
        void handleClick();
      }}
    >
      {t('shell.signOut')}
    </button>
  );
}
