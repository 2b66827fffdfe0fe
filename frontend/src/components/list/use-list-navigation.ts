'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useTransition } from 'react';

/**
 * A list page moves by URL: a new filter, sort or page pushes the page's URL with the new search
 * string; the server page reads it back. `pending` is true until the new list has arrived.
 */
export function useListNavigation<Q>(toSearch: (query: Q) => string): { pending: boolean; navigate: (next: Q) => void } {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const navigate = (next: Q) => {
    startTransition(() => {
      router.push(`${pathname}${toSearch(next)}`, { scroll: false });
    });
  };
  return { pending, navigate };
}
