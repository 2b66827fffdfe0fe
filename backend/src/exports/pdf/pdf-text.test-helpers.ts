import type { Result } from 'pdf-parse';

// pdf-parse's own entry runs a debug read of a sample file when loaded by a test runner: its library file is loaded instead.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfParse = require('pdf-parse/lib/pdf-parse.js') as (data: Buffer, options?: { pagerender?: (page: PageData) => Promise<string> }) => Promise<Result>;

interface PageData {
  getTextContent(options: { normalizeWhitespace: boolean }): Promise<{ items: { str: string; transform: number[] }[] }>;
}

/** Each page's text, lines joined by "\n" (items on the same baseline make one line). */
export async function pdfPages(content: Buffer): Promise<string[]> {
  expect(content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const pages: string[] = [];
  await pdfParse(content, {
    pagerender: async (page) => {
      const { items } = await page.getTextContent({ normalizeWhitespace: false });
      const lines: string[] = [];
      let lastY: number | null = null;
      for (const item of items) {
        const y = item.transform[5];
        if (lastY !== null && Math.abs(y - lastY) < 1) lines[lines.length - 1] += ` ${item.str}`;
        else lines.push(item.str);
        lastY = y;
      }
      pages.push(lines.map((line) => line.replace(/\s+/g, ' ').trim()).join('\n'));
      return '';
    },
  });
  return pages;
}

/** All pages' text with line breaks as spaces: a phrase wrapped over two lines still reads as one. */
export const flat = (pages: string[]): string => pages.join(' ').replace(/\s+/g, ' ');
