import { EventEmitter } from 'node:events';
import { closeSync, createReadStream, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';

/** What exceljs's worksheet writer calls on its stream (a StreamBuf in exceljs). */
interface SheetStream extends EventEmitter {
  pause(): void;
  write(data: string | Buffer | { length: number; buffer: Buffer }): boolean;
  end(): void;
}

interface WorkbookInternals {
  _openStream(path: string): SheetStream;
  zip: { append(source: NodeJS.ReadableStream, options: { name: string }): void };
}

const FLUSH_AT = 1 << 16;

/**
 * A worksheet's XML written to a file as it is produced, in 64 KB writes: the zip archive takes its
 * entries one after the other, so a sheet written while another is open would otherwise sit in memory
 * until its turn. When the sheet ends, its file becomes the zip entry.
 */
class SheetFile extends EventEmitter implements SheetStream {
  private buffer = Buffer.allocUnsafe(FLUSH_AT * 2);
  private used = 0;
  private readonly fd: number;

  constructor(readonly path: string) {
    super();
    this.fd = openSync(path, 'w');
  }

  pause(): void {
    /* nothing is read from this stream */
  }

  write(data: string | Buffer | { length: number; buffer: Buffer }): boolean {
    if (typeof data === 'string') {
      this.reserve(Buffer.byteLength(data));
      this.used += this.buffer.write(data, this.used);
    } else {
      // A Buffer, or exceljs's StringBuf (its bytes are the first `length` of `buffer`).
      const bytes = Buffer.isBuffer(data) ? data : data.buffer.subarray(0, data.length);
      this.reserve(bytes.length);
      this.used += bytes.copy(this.buffer, this.used);
    }
    if (this.used >= FLUSH_AT) this.flush();
    return true;
  }

  end(): void {
    this.flush();
    closeSync(this.fd);
    this.emit('finish');
  }

  private reserve(bytes: number): void {
    if (this.used + bytes <= this.buffer.length) return;
    this.flush();
    if (bytes > this.buffer.length) this.buffer = Buffer.allocUnsafe(bytes);
  }

  private flush(): void {
    let written = 0;
    while (written < this.used) written += writeSync(this.fd, this.buffer, written, this.used - written);
    this.used = 0;
  }
}

/**
 * Lets the workbook's sheets be written side by side (one read of the register feeding every sheet,
 * exports/sheets/activity-sheet.ts) with flat memory: each worksheet goes to a file in `dir` and
 * joins the zip when it is committed. The caller removes `dir` once the workbook is committed.
 */
export function sheetsThroughFiles(workbook: ExcelJS.stream.xlsx.WorkbookWriter, dir: string): void {
  const internals = workbook as unknown as WorkbookInternals;
  const open = internals._openStream.bind(internals);
  internals._openStream = (path: string) => {
    const sheet = /^\/xl\/worksheets\/(sheet\d+\.xml)$/.exec(path);
    if (!sheet) return open(path);
    const file = new SheetFile(join(dir, sheet[1]));
    file.on('finish', () => {
      internals.zip.append(createReadStream(file.path), { name: path });
      // exceljs waits for this event before it writes the workbook's index.
      file.emit('zipped');
    });
    return file;
  };
}
