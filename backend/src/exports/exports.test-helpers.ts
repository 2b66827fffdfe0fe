import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { Response } from 'supertest';
import yauzl from 'yauzl';
import type { Agent } from '../../test/test-api';

/** Collects a binary response body (supertest buffers only text by default). */
export function binary(response: NodeJS.ReadableStream, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
}

export async function download(agent: Agent, url: string, status = 200): Promise<Response & { body: Buffer }> {
  const response = await agent
    .get(url)
    .buffer(true)
    .parse(binary as never)
    .expect(status);
  return response;
}

export async function openWorkbook(content: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  return workbook;
}

/** The rows of a sheet below its header, as objects keyed by header text. */
export function rowsOf(sheet: ExcelJS.Worksheet): Record<string, ExcelJS.CellValue>[] {
  const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).map((value) => (typeof value === 'string' ? value : ''));
  const rows: Record<string, ExcelJS.CellValue>[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const record: Record<string, ExcelJS.CellValue> = {};
    header.forEach((name, column) => {
      if (name) record[name] = row.getCell(column).value;
    });
    rows.push(record);
  });
  return rows;
}

/** Every file of a zip, by name. */
export async function unzip(content: Buffer): Promise<Map<string, Buffer>> {
  const zip = await yauzl.fromBufferPromise(content, { lazyEntries: true });
  const files = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          files.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        });
      });
    });
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.readEntry();
  });
  return files;
}

export const sha256 = (content: Buffer): string => createHash('sha256').update(content).digest('hex');
