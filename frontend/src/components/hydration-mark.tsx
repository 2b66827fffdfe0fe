'use client';

import { useEffect } from 'react';

/**
 * Marks the document once React has hydrated it (`<html data-hydrated>`). Until then a field the server
 * rendered is not yet the form's: text typed into it can be overwritten or appended to when the form
 * takes it over. Browser tests wait for the mark before typing, as a person waits for the page to respond.
 */
export function HydrationMark() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = 'true';
  }, []);
  return null;
}
