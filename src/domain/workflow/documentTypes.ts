/**
 * The documents an application may carry (申请材料): PDF, images and office files, recognised by
 * their first bytes rather than by the name or the type the browser claims.
 */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

const OFFICE_BY_EXTENSION: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
};

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);

/** The content type of an accepted document, or null when the file is none of them. */
export function documentType(bytes: Uint8Array, fileName: string): string | null {
  const extension = fileName.toLowerCase().split('.').pop() ?? '';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  // Office Open XML files are ZIP archives; the old formats are OLE compound files.
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) && ['docx', 'xlsx', 'pptx'].includes(extension)) return OFFICE_BY_EXTENSION[extension]!;
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) && ['doc', 'xls', 'ppt'].includes(extension)) return OFFICE_BY_EXTENSION[extension]!;
  return null;
}
