import { formatNumber } from '@sinergi/core';

const KINDS: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG',
  'image/jpeg': 'JPG',
  'image/gif': 'GIF',
  'image/webp': 'WebP',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint',
  'application/vnd.oasis.opendocument.text': 'ODT',
  'application/vnd.oasis.opendocument.spreadsheet': 'ODS',
  'application/x-ole-storage': 'Word/Excel (97-2003)',
};

export function documentKind(mime: string): string {
  return KINDS[mime] ?? mime;
}

/** 1.234 KB / 2,5 MB in the chosen language. */
export function formatSize(bytes: number, lang: string): string {
  if (bytes < 1024 * 1024) return `${formatNumber(Math.max(1, Math.round(bytes / 1024)), lang)} KB`;
  return `${formatNumber(Math.round((bytes / (1024 * 1024)) * 10) / 10, lang)} MB`;
}

/** What the file picker offers; the server decides by the content, not by the name. */
export const ACCEPTED_FILES =
  '.pdf,.png,.jpg,.jpeg,.gif,.webp,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,application/pdf,image/*';
