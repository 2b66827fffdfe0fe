import { HttpStatus } from '@nestjs/common';
import yauzl from 'yauzl';
import { ImportFileException } from './import-errors';

/**
 * What a register workbook may be: well above any real register, far below what hurts the server.
 * The workbook the export writes for 10,000 activities (IMPORT_ACTIVITY_LIMIT) is about 17 MB
 * (docs/benchmarks.md) and unpacks to several times that: the upload cap leaves it a
 * margin, and the unpacked cap grows with the upload so that a small file announcing a large
 * content (a zip bomb) is still refused from the central directory alone.
 */
export const XLSX_LIMITS = {
  /** Upload size (the compressed file). */
  fileBytes: 32 * 1024 * 1024,
  /** Sum of the declared uncompressed sizes of every part: this much for any file… */
  unpackedBytes: 100 * 1024 * 1024,
  /** …plus this many times the upload's own size (a real workbook unpacks to well under 20×). */
  unpackedPerFileByte: 20,
  /** Parts in the zip (a workbook of 20 sheets has about 40). */
  entries: 500,
  /** A part above this size must not be compressed more than `ratio` times. */
  ratioFloorBytes: 1024 * 1024,
  ratio: 200,
};

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** DOCTYPE and ENTITY declarations: the door to entity expansion ("billion laughs") and external entities. */
const XML_DECLARATIONS = /<!(DOCTYPE|ENTITY)/i;

const refuse = (code: string, params: Record<string, string | number> = {}, status = HttpStatus.UNPROCESSABLE_ENTITY) => new ImportFileException(status, code, params);

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

/**
 * Checks an uploaded file before any spreadsheet library opens it: the content is a zip (magic bytes,
 * whatever the client said the type was) holding a workbook; the central directory announces a
 * bounded number of parts and uncompressed size with sane compression ratios (zip bombs); no XML
 * part declares a DOCTYPE or an entity. Reading the parts goes through yauzl, which also refuses a
 * part whose real size differs from the announced one.
 */
export async function guardXlsx(content: Buffer): Promise<SheetNames> {
  if (content.length < ZIP_MAGIC.length || !content.subarray(0, ZIP_MAGIC.length).equals(ZIP_MAGIC)) {
    throw refuse('not_xlsx', {}, HttpStatus.UNSUPPORTED_MEDIA_TYPE);
  }
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(content, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false });
  } catch {
    throw refuse('corrupt');
  }
  try {
    if (zip.entryCount > XLSX_LIMITS.entries) throw refuse('too_many_parts', { count: zip.entryCount, limit: XLSX_LIMITS.entries });
    const entries = await readEntries(zip);
    const names = new Set(entries.map((entry) => entry.fileName));
    if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) throw refuse('not_xlsx', {}, HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    const unpacked = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
    const unpackedLimit = unpackedLimitOf(content.length);
    if (unpacked > unpackedLimit) throw refuse('too_large_unpacked', { limit: megabytes(unpackedLimit) }, HttpStatus.PAYLOAD_TOO_LARGE);
    for (const entry of entries) {
      const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
      if (entry.uncompressedSize > XLSX_LIMITS.ratioFloorBytes && ratio > XLSX_LIMITS.ratio) throw refuse('suspicious_compression');
    }
    const parts = new Map<string, string>();
    for (const entry of entries) {
      if (!/\.(xml|rels|vml)$/i.test(entry.fileName)) continue;
      const text = await scanXml(zip, entry, entry.fileName === 'xl/workbook.xml' || entry.fileName === 'xl/_rels/workbook.xml.rels');
      if (text !== null) parts.set(entry.fileName, text);
    }
    return sheetNames(parts.get('xl/workbook.xml') ?? '', parts.get('xl/_rels/workbook.xml.rels') ?? '');
  } finally {
    zip.close();
  }
}

/** The unpacked size allowed for an upload of `fileBytes`. */
export function unpackedLimitOf(fileBytes: number): number {
  return XLSX_LIMITS.unpackedBytes + XLSX_LIMITS.unpackedPerFileByte * fileBytes;
}

function readEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', () => reject(refuse('corrupt')));
    zip.readEntry();
  });
}

/** Sheet names by worksheet part number (xl/worksheets/sheet<N>.xml), from workbook.xml and its rels. */
export type SheetNames = Map<string, string>;

const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? null;
const unescapeXml = (text: string) =>
  text.replace(/&(lt|gt|quot|apos|amp);/g, (_whole, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name] ?? '');

/**
 * exceljs's streaming reader loses sheet names when the worksheets come before workbook.xml in the
 * zip (as its own writer and others order them); the names are read here from the two small parts.
 */
function sheetNames(workbookXml: string, relsXml: string): SheetNames {
  const targets = new Map<string, string>();
  for (const tag of relsXml.match(/<Relationship\s[^>]*>/g) ?? []) {
    const id = attribute(tag, 'Id');
    const number = /sheet(\d+)\.xml$/.exec(attribute(tag, 'Target') ?? '')?.[1];
    if (id && number) targets.set(id, number);
  }
  const names: SheetNames = new Map();
  for (const tag of workbookXml.match(/<(\w+:)?sheet\s[^>]*>/g) ?? []) {
    const name = attribute(tag, 'name');
    const number = targets.get(attribute(tag, 'r:id') ?? '');
    if (name !== null && number) names.set(number, unescapeXml(name));
  }
  return names;
}

/** Streams one XML part looking for declarations (a window across chunk boundaries); `keep`: return its text. */
async function scanXml(zip: yauzl.ZipFile, entry: yauzl.Entry, keep: boolean): Promise<string | null> {
  let stream: NodeJS.ReadableStream;
  try {
    stream = await zip.openReadStreamPromise(entry);
  } catch {
    throw refuse('corrupt');
  }
  let tail = '';
  const kept: Buffer[] = [];
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const text = tail + chunk.toString('latin1');
      if (XML_DECLARATIONS.test(text)) throw refuse('xml_entities');
      tail = text.slice(-16);
      if (keep) kept.push(chunk);
    }
    return keep ? Buffer.concat(kept).toString('utf8') : null;
  } catch (error) {
    if (error instanceof ImportFileException) throw error;
    throw refuse('corrupt');
  }
}
