import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { ZipArchive } from 'archiver';
import ExcelJS from 'exceljs';
import { Locale } from '../common/i18n/i18n';
import { columnHeader, sheetName } from '../exports/sheet-writer';

/**
 * Every field of an activity an export → import round trip must keep, field for field: the
 * interchange format's, and the DPO's overrides.
 */
export const ROUND_TRIP_FIELDS = [
  'reference', 'name', 'description', 'department', 'owner', 'role', 'status', 'jointControllers', 'clientControllers', 'purposes', 'dataSubjects', 'dataCategories',
  'recipients', 'processors', 'transfers', 'securityMeasures', 'dataSubjectInformation', 'rightsProcedure', 'automatedDecisionMaking', 'dpiaScreening', 'nextReviewDate',
  'validationOverrides',
] as const;

/** A workbook with the import's sheets and columns, rows given by column key. */
export async function buildWorkbook(sheets: Record<string, Record<string, ExcelJS.CellValue>[]>, locale: Locale = 'en', columns: Record<string, string[]> = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const [key, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(sheetName(key, locale));
    const keys = columns[key] ?? [...new Set(rows.flatMap((row) => Object.keys(row)))];
    sheet.addRow(keys.map((column) => columnHeader(column, locale)));
    for (const row of rows) sheet.addRow(keys.map((column) => row[column] ?? null));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A zip written by archiver from named parts (strings, buffers or streams). */
export async function zipOf(parts: [string, string | Buffer | Readable][], level = 9): Promise<Buffer> {
  const archive = new ZipArchive({ zlib: { level } });
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    output.on('end', resolve);
    archive.on('error', reject);
  });
  archive.pipe(output);
  for (const [name, content] of parts) archive.append(content, { name });
  await archive.finalize();
  await done;
  return Buffer.concat(chunks);
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Register" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;

/** A minimal workbook whose one sheet is the given XML (hand-made hostile files). */
export function rawWorkbook(sheetXml: string | Readable, level = 9): Promise<Buffer> {
  return zipOf(
    [
      ['[Content_Types].xml', CONTENT_TYPES],
      ['_rels/.rels', RELS],
      ['xl/workbook.xml', WORKBOOK],
      ['xl/_rels/workbook.xml.rels', WORKBOOK_RELS],
      ['xl/worksheets/sheet1.xml', sheetXml],
    ],
    level,
  );
}

const SHEET_OPEN = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_CLOSE = '</sheetData></worksheet>';

/** A sheet of `count` rows streamed out in chunks (never the whole text in memory). */
export function manyRowsSheet(count: number): Readable {
  return Readable.from(
    (function* rows() {
      yield SHEET_OPEN;
      const chunk: string[] = [];
      for (let row = 1; row <= count; row += 1) {
        chunk.push(`<row r="${row}"><c r="A${row}" t="inlineStr"><is><t>T-${row}</t></is></c></row>`);
        if (chunk.length === 10_000) yield chunk.splice(0).join('');
      }
      yield chunk.join('');
      yield SHEET_CLOSE;
    })(),
  );
}

/** "Billion laughs": nested entities that expand exponentially in a parser that honours them. */
export function entityExpansionSheet(): string {
  const entities = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`)].join('');
  return `<?xml version="1.0"?><!DOCTYPE lolz [${entities}]>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>`;
}

/** `bytes` of one repeated character, streamed: deflate shrinks it about a thousand times. */
export function bombPart(bytes: number): Readable {
  const block = ' '.repeat(1024 * 1024);
  return Readable.from(
    (function* parts() {
      for (let written = 0; written < bytes; written += block.length) yield block;
    })(),
  );
}

/**
 * The workbook opened and saved again by LibreOffice Calc (`soffice --headless --convert-to xlsx`,
 * Debian's libreoffice-calc-nogui, installed by .ci/run), as a user re-saving an export would. Each
 * call has a profile folder of its own, so test files converting at the same time do not collide.
 */
export async function resavedByLibreOffice(content: Buffer): Promise<Buffer> {
  const folder = mkdtempSync(join(tmpdir(), 'registre-soffice-'));
  try {
    mkdirSync(join(folder, 'in'));
    writeFileSync(join(folder, 'in', 'register.xlsx'), content);
    await promisify(execFile)(
      'soffice',
      [`-env:UserInstallation=${pathToFileURL(join(folder, 'profile')).href}`, '--headless', '--norestore', '--convert-to', 'xlsx', '--outdir', join(folder, 'out'), join(folder, 'in', 'register.xlsx')],
      { timeout: 180_000 },
    ).catch((error: unknown) => {
      const missing = (error as { code?: string }).code === 'ENOENT';
      throw new Error(missing ? 'soffice not found: install LibreOffice Calc (apt-get install libreoffice-calc-nogui), as .ci/run does' : `soffice failed: ${String(error)}`);
    });
    return readFileSync(join(folder, 'out', 'register.xlsx'));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
