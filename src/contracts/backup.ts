import { z } from 'zod';

/** The reply of GET /api/v1/admin/backup: a backup file as `starcity backup` writes it (format in docs/deployment.md). */
export const backupContentType = 'application/octet-stream';
export const backupFile = z.unknown().meta({
  type: 'string',
  format: 'binary',
  description: 'A StarCity backup: a header line with the SHA-256 of the manifest, the manifest (JSON, one line, with the SHA-256 of the data), then the embedded database’s data directory as a gzipped tar',
});
