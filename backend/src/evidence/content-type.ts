/**
 * The types of evidence accepted, recognised from the file's content (its magic bytes), never from
 * its name or the type the client declares: a renamed executable stays an executable.
 */
export interface DetectedType {
  mime: string;
  extension: string;
  label: 'pdf' | 'png' | 'jpeg' | 'docx' | 'xlsx';
}

export const PDF: DetectedType = { mime: 'application/pdf', extension: 'pdf', label: 'pdf' };
export const PNG: DetectedType = { mime: 'image/png', extension: 'png', label: 'png' };
export const JPEG: DetectedType = { mime: 'image/jpeg', extension: 'jpg', label: 'jpeg' };
export const DOCX: DetectedType = { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx', label: 'docx' };
export const XLSX: DetectedType = { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx', label: 'xlsx' };

/** Extensions a stored name may keep for each type (anything else gets the type's own appended). */
export const EXTENSIONS: Record<DetectedType['label'], string[]> = {
  pdf: ['pdf'],
  png: ['png'],
  jpeg: ['jpg', 'jpeg'],
  docx: ['docx'],
  xlsx: ['xlsx'],
};

const startsWith = (content: Buffer, signature: number[]) => content.length >= signature.length && signature.every((byte, index) => content[index] === byte);

export function detectContentType(content: Buffer): DetectedType | null {
  if (startsWith(content, [0x25, 0x50, 0x44, 0x46, 0x2d])) return PDF; // %PDF-
  if (startsWith(content, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return PNG;
  if (startsWith(content, [0xff, 0xd8, 0xff])) return JPEG;
  if (startsWith(content, [0x50, 0x4b, 0x03, 0x04])) return officeTypeOf(zipEntryNames(content));
  return null;
}

/** An Office Open XML package: a zip with [Content_Types].xml and the main part of Word or Excel. */
function officeTypeOf(names: Set<string> | null): DetectedType | null {
  if (!names?.has('[Content_Types].xml')) return null;
  if (names.has('word/document.xml')) return DOCX;
  if (names.has('xl/workbook.xml')) return XLSX;
  return null;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
const MAX_ENTRIES = 10_000;

/**
 * The names in a zip's central directory (read, never extracted); null when the archive is not a
 * well-formed, single-disk zip. The end record sits in the last 22 bytes plus up to 64 KiB of comment.
 */
export function zipEntryNames(content: Buffer): Set<string> | null {
  const lowest = Math.max(0, content.length - 22 - 0xffff);
  let end = -1;
  for (let offset = content.length - 22; offset >= lowest; offset--) {
    if (content.readUInt32LE(offset) === END_OF_CENTRAL_DIRECTORY) {
      end = offset;
      break;
    }
  }
  if (end < 0) return null;
  const entries = content.readUInt16LE(end + 10);
  const size = content.readUInt32LE(end + 12);
  let offset = content.readUInt32LE(end + 16);
  if (entries > MAX_ENTRIES || offset + size > end) return null;
  const names = new Set<string>();
  for (let i = 0; i < entries; i++) {
    if (offset + 46 > end || content.readUInt32LE(offset) !== CENTRAL_DIRECTORY_ENTRY) return null;
    const nameLength = content.readUInt16LE(offset + 28);
    const extraLength = content.readUInt16LE(offset + 30);
    const commentLength = content.readUInt16LE(offset + 32);
    if (offset + 46 + nameLength > end) return null;
    names.add(content.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}
