import PDFDocument from 'pdfkit';
import type { Locale } from '../shared/roles';
import { INTL_LOCALE } from './i18n/dates';

// What every PDF Groeiwijzer writes shares (the self-scan report, the plan, a pupil's data): an A4 document in the
// reader's language, collected in memory, and a footer with the page number on every page once the count is known.

/** The page margin of every PDF, in points. */
export const PDF_MARGIN = 50;
const FOOTER_COLOUR = '#444444';

/** A new A4 document and the promise of its bytes, which resolves after `finishPdf`. */
export function startPdf(locale: Locale, info: { title: string; author: string; createdAt: Date }): { doc: PDFKit.PDFDocument; bytes: Promise<Buffer> } {
  const doc = new PDFDocument({
    size: 'A4',
    margin: PDF_MARGIN,
    bufferPages: true,
    lang: INTL_LOCALE[locale],
    displayTitle: true,
    info: { Title: info.title, Author: info.author, Creator: 'Groeiwijzer', CreationDate: info.createdAt },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, bytes };
}

/** Writes `footer(page, pages)` centred at the bottom of every page, then ends the document. */
export function finishPdf(doc: PDFKit.PDFDocument, footer: (page: number, pages: number) => string): void {
  const width = doc.page.width - 2 * PDF_MARGIN;
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    // Writing inside the bottom margin would otherwise make pdfkit start a new page.
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor(FOOTER_COLOUR)
      .text(footer(index + 1, range.count), PDF_MARGIN, doc.page.height - PDF_MARGIN / 2 - 4, { width, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottomMargin;
  }
  doc.end();
}
