import { describe, expect, it } from 'vitest';
import { detectDocumentType } from './file-type.js';

describe('document type by content', () => {
  it('recognises PDF, PNG and JPEG whatever the name', () => {
    expect(detectDocumentType(Buffer.from('%PDF-1.7\n...'))?.kind).toBe('pdf');
    expect(
      detectDocumentType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))?.kind,
    ).toBe('png');
    expect(detectDocumentType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]))?.mime).toBe('image/jpeg');
  });
  it('tells office documents apart inside the zip container', () => {
    const docx = Buffer.concat([
      Buffer.from([0x50, 0x4b, 0x03, 0x04]),
      Buffer.from('....[Content_Types].xml....word/document.xml'),
    ]);
    expect(detectDocumentType(docx)?.kind).toBe('docx');
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('....malware.exe')]);
    expect(detectDocumentType(zip)).toBeNull();
  });
  it('refuses executables and scripts renamed as documents', () => {
    expect(detectDocumentType(Buffer.from('MZ\x90\x00'))).toBeNull();
    expect(detectDocumentType(Buffer.from('#!/bin/sh\nrm -rf /'))).toBeNull();
    expect(detectDocumentType(Buffer.from('<html><script>'))).toBeNull();
  });
});
