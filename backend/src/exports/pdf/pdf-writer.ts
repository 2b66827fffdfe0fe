import { once } from 'node:events';
import type { Writable } from 'node:stream';
import PDFDocument from 'pdfkit';
import { translate } from '../../common/i18n/i18n';
import type { Locale } from '../../common/i18n/i18n';
import { dateInWords, dateTimeInWords } from '../../domain/words/dates';

/**
 * DejaVu Sans, shipped by the `dejavu-fonts-ttf` package and embedded (subset) in every PDF: the
 * standard PDF fonts have no « œ », ’ or « », and nothing is fetched at run time.
 */
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

const MARGIN = 50;
const FOOTER_SIZE = 8;
const INK = '#111111';
const MUTED = '#555555';
const RULE = '#b8c2d0';
/** Above this much PDF waiting for the client, the writer waits before rendering more. */
const HIGH_WATER = 1 << 20;

export interface PdfFooter {
  locale: Locale;
  generatedAt: Date;
  /** The instant the content is read at; null for now (the footer then says the generation date). */
  asOf: Date | null;
}

/**
 * A4 pages written with pdfkit straight to `output`, each closed page flushed at once (pdfkit keeps
 * only the current page), so memory stays flat however many pages. The footer of every page carries
 * the generation date, the as-of date and « Page x / y »: y is unknown until the end, so it is a form
 * XObject every page points to, whose content is written last.
 */
export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  private pages = 0;
  private readonly total: ObjectReference;
  private readonly t: (key: string, params?: Record<string, string | number>) => string;

  constructor(
    private readonly output: Writable,
    private readonly footer: PdfFooter,
    title: string,
  ) {
    this.t = (key, params) => translate(footer.locale, `exports.pdf_${key}`, params);
    this.doc = new PDFDocument({
      size: 'A4',
      autoFirstPage: false,
      margins: { top: MARGIN, bottom: MARGIN + 20, left: MARGIN, right: MARGIN },
      info: { Title: title, Creator: 'Registre', Producer: 'Registre' },
      lang: footer.locale,
      displayTitle: true,
    });
    this.doc.registerFont('body', FONT);
    this.doc.registerFont('bold', FONT_BOLD);
    this.doc.font('body');
    this.total = this.doc.ref({ Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 100, 20], Resources: { Font: {} } }) as unknown as ObjectReference;
    this.doc.on('pageAdded', () => this.drawFooter());
    this.doc.pipe(output);
    this.doc.addPage();
  }

  get locale(): Locale {
    return this.footer.locale;
  }

  /** A label of the PDF's own (`exports.pdf_<key>`). */
  label(key: string, params?: Record<string, string | number>): string {
    return this.t(key, params);
  }

  title(text: string): void {
    this.doc.font('bold').fontSize(18).fillColor(INK).text(text, { paragraphGap: 6 });
    this.doc.font('body');
  }

  subtitle(text: string): void {
    this.doc.font('body').fontSize(11).fillColor(MUTED).text(text, { paragraphGap: 10 }).fillColor(INK);
  }

  /** A section title kept with at least a few lines of what follows (no heading alone at a page foot). */
  heading(text: string, level: 1 | 2 | 3 = 1): void {
    const size = level === 1 ? 14 : level === 2 ? 12 : 10.5;
    this.keep(size * 5);
    this.doc.moveDown(level === 1 ? 0.8 : 0.5);
    this.doc.font('bold').fontSize(size).fillColor(INK).text(text, { paragraphGap: 2 });
    if (level === 1) {
      const y = this.doc.y + 1;
      this.doc.moveTo(MARGIN, y).lineTo(this.doc.page.width - MARGIN, y).lineWidth(0.6).strokeColor(RULE).stroke();
      this.doc.moveDown(0.4);
    }
    this.doc.font('body').fontSize(10);
  }

  /** « Label : value » on one block; an empty value reads as the « none » label. */
  field(label: string, value: string | null | undefined): void {
    this.keep(28);
    this.doc.font('bold').fontSize(9).fillColor(MUTED).text(label);
    this.doc.font('body').fontSize(10).fillColor(INK).text(this.orNone(value), { paragraphGap: 4 });
  }

  /** A labelled list of lines, bulleted; « — » when there is none. */
  list(label: string, items: (string | null | undefined)[]): void {
    const lines = items.filter((item): item is string => !!item);
    this.keep(28);
    this.doc.font('bold').fontSize(9).fillColor(MUTED).text(label);
    this.doc.font('body').fontSize(10).fillColor(INK);
    if (lines.length === 0) this.doc.text(this.orNone(null), { paragraphGap: 4 });
    else this.doc.list(lines, { bulletRadius: 1.6, textIndent: 10, bulletIndent: 2, paragraphGap: 1 });
    this.doc.moveDown(0.3);
  }

  paragraph(text: string, options: { muted?: boolean } = {}): void {
    this.doc.font('body').fontSize(10).fillColor(options.muted ? MUTED : INK).text(text, { paragraphGap: 4 }).fillColor(INK);
  }

  /** Starts a new page unless the current one is still empty. */
  newPage(): void {
    if (this.doc.y > this.doc.page.margins.top + 1) this.doc.addPage();
  }

  /** Lets the client catch up when the PDF is produced faster than it is read. */
  async drain(): Promise<void> {
    while (this.doc.readableLength > HIGH_WATER && this.output.writableNeedDrain) await once(this.output, 'drain');
  }

  /** Writes the page total, ends the document and waits until the last byte is handed to `output`. */
  async end(): Promise<void> {
    const font = this.fontFor('body');
    const [glyphs] = font.encode(String(this.pages));
    this.total.data.Resources = { Font: { [font.id]: font.ref() } };
    this.total.write(`BT /${font.id} ${FOOTER_SIZE} Tf 0 0 Td <${glyphs.join('')}> Tj ET`);
    this.total.end();
    const finished = once(this.output, 'finish');
    this.doc.end();
    await finished;
  }

  orNone(value: string | null | undefined): string {
    return value === null || value === undefined || value.trim() === '' ? translate(this.footer.locale, 'exports.report_none') : value;
  }

  /** Moves to a new page when less than `height` points are left on this one. */
  private keep(height: number): void {
    if (this.doc.y + height > this.doc.page.height - this.doc.page.margins.bottom) this.doc.addPage();
  }

  private fontFor(name: string): EmbeddedFont {
    const previous = this.doc.y;
    this.doc.font(name);
    this.doc.y = previous;
    return (this.doc as unknown as { _font: EmbeddedFont })._font;
  }

  private drawFooter(): void {
    this.pages += 1;
    const doc = this.doc;
    const { x, y } = doc;
    // A page break in the middle of a paragraph continues it after the footer: its font and colour come back.
    const state = doc as unknown as { _font: EmbeddedFont; _fontSize: number; _fillColor?: [string, number] };
    const [font, size, fill] = [state._font, state._fontSize, state._fillColor];
    const page = doc.page;
    const bottom = page.margins.bottom;
    // Writing inside the bottom margin must not trigger pdfkit's automatic page break.
    page.margins.bottom = 0;
    const line = page.height - MARGIN;
    const generated = dateTimeInWords(this.footer.generatedAt, this.locale)!;
    const asOf = dateInWords(this.footer.asOf ?? this.footer.generatedAt, this.locale)!;
    doc.moveTo(MARGIN, line - 6).lineTo(page.width - MARGIN, line - 6).lineWidth(0.4).strokeColor(RULE).stroke();
    doc.font('body').fontSize(FOOTER_SIZE).fillColor(MUTED);
    doc.text(`${this.t('footer_generated', { date: generated })} · ${this.t('footer_as_of', { date: asOf })}`, MARGIN, line, { lineBreak: false });
    const pageText = this.t('footer_page', { page: this.pages });
    const reserve = doc.widthOfString('0000');
    const start = page.width - MARGIN - reserve - doc.widthOfString(`${pageText} `);
    doc.text(pageText, start, line, { lineBreak: false });
    // The total: the same XObject on every page, filled in by end(); its baseline matches the text's.
    // pdfkit's page space runs top-down (its content starts with a flip): flipping again keeps the digits upright.
    const baseline = line + state._font.ascender * (FOOTER_SIZE / 1000);
    (page.xobjects as Record<string, ObjectReference>).Total = this.total;
    doc.addContent(`q 1 0 0 -1 ${(page.width - MARGIN - reserve).toFixed(2)} ${baseline.toFixed(2)} cm /Total Do Q`);
    state._font = font;
    doc.fontSize(size);
    doc.fillColor(fill?.[0] ?? INK, fill?.[1]);
    page.margins.bottom = bottom;
    doc.x = x;
    doc.y = y;
  }
}

/** The parts of pdfkit's embedded font this writer uses (not in its published types). */
interface EmbeddedFont {
  id: string;
  ascender: number;
  encode(text: string): [string[], unknown[]];
  ref(): ObjectReference;
}

/** A pdfkit indirect object, written when ended (its published types lack these members). */
interface ObjectReference {
  data: Record<string, unknown>;
  write(chunk: string): void;
  end(): void;
}
