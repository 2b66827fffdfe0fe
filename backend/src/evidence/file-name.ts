import { DetectedType, EXTENSIONS } from './content-type';

const MAX_NAME_LENGTH = 200;
// Control characters, path separators and characters Windows forbids in names.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f"*/:<>?\\|]+/g;
const INVISIBLE_DIRECTION = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * The name a document is stored and served under: the last path segment of the uploaded name, with
 * control, separator and direction-override characters removed, and the extension of its real type.
 */
export function safeFileName(uploaded: string | undefined, type: DetectedType): string {
  const lastSegment = (uploaded ?? '').split(/[/\\]/).pop() ?? '';
  let name = lastSegment.normalize('NFC').replace(INVISIBLE_DIRECTION, '').replace(UNSAFE, '_').replace(/\s+/g, ' ').trim().replace(/^[.\s]+|[.\s]+$/g, '');
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  let stem = dot > 0 && EXTENSIONS[type.label].includes(extension) ? name.slice(0, dot) : name;
  const suffix = dot > 0 && EXTENSIONS[type.label].includes(extension) ? extension : type.extension;
  stem = [...stem].slice(0, MAX_NAME_LENGTH - suffix.length - 1).join('').trim();
  name = `${stem || 'document'}.${suffix}`;
  return name;
}

/** RFC 5987 / RFC 6266: an ASCII fallback for old clients and the exact UTF-8 name in filename*. */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
