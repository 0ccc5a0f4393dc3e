/** The document types a case may hold, recognised by their content (never by the file name). */
export type DocumentKind =
  | 'pdf'
  | 'png'
  | 'jpeg'
  | 'gif'
  | 'webp'
  | 'docx'
  | 'xlsx'
  | 'pptx'
  | 'odt'
  | 'ods'
  | 'doc_xls';

const MIME: Record<DocumentKind, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  doc_xls: 'application/x-ole-storage',
};

function startsWith(buf: Buffer, bytes: number[], offset = 0): boolean {
  return bytes.every((b, i) => buf[offset + i] === b);
}

/** Sniffs the first bytes (and, for zip-based office files, the entry names). Null when not allowed. */
export function detectDocumentType(buf: Buffer): { kind: DocumentKind; mime: string } | null {
  const kind = ((): DocumentKind | null => {
    if (startsWith(buf, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
    if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
    if (startsWith(buf, [0xff, 0xd8, 0xff])) return 'jpeg';
    if (
      buf.subarray(0, 6).toString('latin1') === 'GIF87a' ||
      buf.subarray(0, 6).toString('latin1') === 'GIF89a'
    )
      return 'gif';
    if (buf.subarray(0, 4).toString('latin1') === 'RIFF' && buf.subarray(8, 12).toString('latin1') === 'WEBP')
      return 'webp';
    if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'doc_xls';
    if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) {
      const names = buf.toString('latin1');
      if (names.includes('mimetypeapplication/vnd.oasis.opendocument.text')) return 'odt';
      if (names.includes('mimetypeapplication/vnd.oasis.opendocument.spreadsheet')) return 'ods';
      if (!names.includes('[Content_Types].xml')) return null;
      if (names.includes('word/')) return 'docx';
      if (names.includes('xl/')) return 'xlsx';
      if (names.includes('ppt/')) return 'pptx';
    }
    return null;
  })();
  return kind ? { kind, mime: MIME[kind] } : null;
}
