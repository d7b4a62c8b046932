import type { z } from 'zod';
import type { FileEntity } from '../../../src/contracts/fileColumns';
import type { importMode, importPreviewFields, importUploadFields } from '../../../src/contracts/imports';

/** The multipart text fields of an upload and of a preview, as the contract accepts them. */
export type UploadFields = z.input<typeof importUploadFields>;
export type PreviewFields = z.input<typeof importPreviewFields>;
export type ImportMode = z.output<typeof importMode>;

/** "auto" lets the server detect the encoding (UTF-8 with or without BOM, else GB18030). */
export const ENCODING_CHOICES = ['auto', 'utf-8', 'gb18030'] as const;
export type EncodingChoice = (typeof ENCODING_CHOICES)[number];

/** The file extensions the importer reads (.txt is CSV saved under another name). */
export const ACCEPTED_EXTENSIONS = ['.csv', '.xlsx', '.jsonl', '.txt'] as const;

/** What step 1 of the wizard chose: the entity and how to read the file. */
export interface FileChoice {
  entity: FileEntity;
  encoding: EncodingChoice;
  /** XLSX sheet name; blank means the first sheet. */
  sheet: string;
}

/** How the rows are written: the options of step 3, and whether this run is the dry one. */
export interface RunOptions {
  mode: ImportMode;
  atomic: boolean;
  dryRun: boolean;
}

export function acceptsFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return ACCEPTED_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

export function previewFields(choice: FileChoice): PreviewFields {
  const sheet = choice.sheet.trim();
  return {
    entity: choice.entity,
    ...(choice.encoding === 'auto' ? {} : { encoding: choice.encoding }),
    ...(sheet ? { sheet } : {}),
  };
}

export function uploadFields(choice: FileChoice, run: RunOptions): UploadFields {
  return { ...previewFields(choice), mode: run.mode, atomic: String(run.atomic) as 'true' | 'false', dry_run: String(run.dryRun) as 'true' | 'false' };
}

/** The multipart body: every given text field, then the file last (the server reads fields before the stream). */
export function uploadFormData(fields: PreviewFields | UploadFields, file: Blob, fileName: string): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) if (value !== undefined) form.append(name, value);
  form.append('file', file, fileName);
  return form;
}
