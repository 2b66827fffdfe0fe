import { detectContentType, DOCX, JPEG, PDF, zipEntryNames } from './content-type';
import { docxFile, exeFile, pdfFile, pngFile, xlsxFile, zipFile } from './evidence.test-helpers';
import { attachmentDisposition, safeFileName } from './file-name';

describe('evidence types, from the content', () => {
  it('recognises PDF, PNG, JPEG, DOCX and XLSX by their magic bytes', () => {
    expect(detectContentType(pdfFile())?.label).toBe('pdf');
    expect(detectContentType(pngFile())?.label).toBe('png');
    expect(detectContentType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))?.label).toBe('jpeg');
    expect(detectContentType(docxFile())?.label).toBe('docx');
    expect(detectContentType(xlsxFile())?.label).toBe('xlsx');
  });

  it('refuses an executable, a plain zip, an Office file without its main part, text and nothing at all', () => {
    expect(detectContentType(exeFile())).toBeNull();
    expect(detectContentType(zipFile(['payload.exe']))).toBeNull();
    expect(detectContentType(zipFile(['[Content_Types].xml', 'ppt/presentation.xml']))).toBeNull();
    expect(detectContentType(Buffer.from('<html><script>alert(1)</script></html>'))).toBeNull();
    expect(detectContentType(Buffer.alloc(0))).toBeNull();
    // A zip whose directory was cut off.
    const truncated = docxFile().subarray(0, 60);
    expect(detectContentType(truncated)).toBeNull();
  });

  it('reads the names of a zip without extracting it', () => {
    expect([...zipEntryNames(zipFile(['a.txt', 'dossier/b.xml']))!]).toEqual(['a.txt', 'dossier/b.xml']);
    expect(zipEntryNames(Buffer.from('PK\x03\x04 not really a zip', 'latin1'))).toBeNull();
  });
});

describe('safe file names and Content-Disposition', () => {
  it('keeps the last path segment, drops control and separator characters, and gives the real extension', () => {
    expect(safeFileName('Contrat signé.pdf', PDF)).toBe('Contrat signé.pdf');
    expect(safeFileName('../../etc/passwd', PDF)).toBe('passwd.pdf');
    expect(safeFileName('C:\\Users\\dpo\\DPA "final".PDF', PDF)).toBe('DPA _final_.pdf');
    expect(safeFileName('facture.exe', PDF)).toBe('facture.exe.pdf');
    expect(safeFileName('photo.jpeg', JPEG)).toBe('photo.jpeg');
    expect(safeFileName('evil\u202Egnp.docx', DOCX)).toBe('evilgnp.docx');
    expect(safeFileName('line\r\nbreak.pdf', PDF)).toBe('line_break.pdf');
    expect(safeFileName('', PDF)).toBe('document.pdf');
    expect(safeFileName('...', PDF)).toBe('document.pdf');
    expect(safeFileName(`${'é'.repeat(400)}.pdf`, PDF)).toHaveLength(200);
  });

  it('writes an ASCII fallback and the exact UTF-8 name (RFC 5987)', () => {
    expect(attachmentDisposition('Contrat signé (v2).pdf')).toBe(`attachment; filename="Contrat signe (v2).pdf"; filename*=UTF-8''Contrat%20sign%C3%A9%20%28v2%29.pdf`);
    expect(attachmentDisposition('数据.pdf')).toBe(`attachment; filename="__.pdf"; filename*=UTF-8''%E6%95%B0%E6%8D%AE.pdf`);
    expect(attachmentDisposition("l'accord 100%.pdf")).toBe(`attachment; filename="l'accord 100_.pdf"; filename*=UTF-8''l%27accord%20100%25.pdf`);
  });
});
