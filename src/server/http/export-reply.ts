import type { FastifyReply } from 'fastify';
import { z } from 'zod';

// What every table download route shares: the query that picks the workbook's language, and sending the file.

/** A downloaded file: its bytes or text, media type and file name (a slug: ASCII letters, digits, `-` and `.`). */
export interface ExportFile {
  body: Buffer | string;
  contentType: string;
  fileName: string;
}

/** The query of a table download: the workbook's language (default: the reader's own). CSV ignores it. */
export const spreadsheetQuerySchema = z.strictObject({ lang: z.enum(['nl', 'en']).optional() });

/** Sends a file as a download. The file name is a slug, so it needs no quoting beyond the quotes themselves. */
export function sendExportFile(reply: FastifyReply, file: ExportFile) {
  return reply.type(file.contentType).header('content-disposition', `attachment; filename="${file.fileName}"`).send(file.body);
}
