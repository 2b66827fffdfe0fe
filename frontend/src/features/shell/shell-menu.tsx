'use client';

import { usePathname } from 'next/navigation';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';

import { useT } from '@/i18n/i18n-provider';

const MenuContext = createContext<{ open: boolean; toggle: () => void }>({ open: false, toggle: () => undefined });

/**
 * The shell's frame. On a phone the header keeps one line (the name, the bell, a menu button) and
 * the organisation, account tools and navigation fold behind the button; on a wider screen the
 * button is hidden and everything shows. The menu closes when a page is opened.
 */
export function ShellFrame({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  useEffect(() => {
    setOpen(false);
  }, [pathname]);
  return (
    <MenuContext.Provider value={{ open, toggle: () => setOpen((value) => !value) }}>
      <div className="app" data-menu={open ? 'open' : 'closed'}>
        {children}
      </div>
    </MenuContext.Provider>
  );
}

export function MenuToggle() {
  const t = useT();
  const { open, toggle } = useContext(MenuContext);
  return (
    <button type="button" className="button menu-toggle" aria-expanded={open} aria-controls="app-menu-tools app-menu-nav" onClick={toggle} data-testid="menu-toggle">
      <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
        {open ? <path d="M6 6l12 12M18 6L6 18" /> : <path d="M4 7h16M4 12h16M4 17h16" />}
      </svg>
      <span>{t('shell.menu')}</span>
    </button>
  );
}
