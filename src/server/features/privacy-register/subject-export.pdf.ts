import type { Locale } from '../../../shared/roles';
import { formatInstant } from '../../i18n/dates';
import { finishPdf, PDF_MARGIN, startPdf } from '../../pdf-document';
import type { SubjectKind } from './register-tables';
import type { SubjectExport } from './subject-export';

// The PDF of a request of access (subject-export.ts): per register category its purpose and legal basis, then what
// each table holds about the person, one line per row. `subjectDocument` is pure, so the wording is tested without
// reading a PDF; the drawing follows the other PDFs of Groeiwijzer.

/** One section of the document: a title, paragraphs under it, and entries of a heading with lines. */
export interface DocumentSection {
  title: string;
  paragraphs: string[];
  entries: { heading: string; lines: string[] }[];
}

const MUTED = '#555555';

const TEXTS = {
  nl: {
    title: 'Inzageverzoek: wat Groeiwijzer over deze persoon bewaart',
    intro:
      'Alle gegevens over deze persoon in Groeiwijzer, per soort gegevens met het doel en de grondslag (AVG artikel 15). Elke regel is één vastgelegd gegeven; versleutelde teksten zijn leesbaar gemaakt. De interne nummers staan alleen in de JSON-download.',
    kind: { pupil: 'Leerling', parent: 'Ouder of verzorger', staff: 'Medewerker' } satisfies Record<SubjectKind, string>,
    purpose: 'Doel',
    legalBasis: 'Grondslag',
    special: 'Bijzondere persoonsgegevens: extra beschermd.',
    leftOut: 'Niet in dit overzicht',
    searched: (count: number) => `Doorzocht: ${count} tabellen van de school.`,
    none: 'Geen gegevens gevonden.',
    generated: 'Gemaakt op',
    page: (page: number, pages: number) => `pagina ${page} van ${pages}`,
  },
  en: {
    title: 'Request of access: what Groeiwijzer keeps about this person',
    intro:
      'All data about this person in Groeiwijzer, per kind of data with its purpose and legal basis (GDPR article 15). Each line is one record; encrypted texts are shown readable. The internal ids are in the JSON download only.',
    kind: { pupil: 'Pupil', parent: 'Parent or carer', staff: 'Staff member' } satisfies Record<SubjectKind, string>,
    purpose: 'Purpose',
    legalBasis: 'Legal basis',
    special: 'Special-category personal data: extra protection.',
    leftOut: 'Not in this overview',
    searched: (count: number) => `Searched: ${count} tables of the school.`,
    none: 'No data found.',
    generated: 'Made on',
    page: (page: number, pages: number) => `page ${page} of ${pages}`,
  },
} satisfies Record<Locale, unknown>;

/** The export as a document of sections in the reader's language. */
export function subjectDocument(data: SubjectExport, locale: Locale): DocumentSection[] {
  const text = TEXTS[locale];
  const categories = data.categories.map((category) => ({
    title: category.name[locale],
    paragraphs: [`${text.purpose}: ${category.purpose[locale]}`, `${text.legalBasis}: ${category.legalBasis[locale]}`, ...(category.isSpecial ? [text.special] : [])],
    entries: category.tables.map((table) => ({
      heading: `${table.holds[locale]} (${table.table})`,
      lines: [
        ...table.rows.map((row) =>
          Object.entries(row)
            // Ids mean nothing to a reader; the JSON download keeps them.
            .filter(([column, value]) => value !== null && value !== '' && !/(^|_)id$/.test(column))
            .map(([column, value]) => `${column}: ${String(value)}`)
            .join(' · '),
        ),
        ...(table.whyLeftOut ? [`${table.columnsLeftOut.join(', ')} — ${table.whyLeftOut[locale]}`] : []),
      ],
    })),
  }));
  const leftOut = { title: text.leftOut, paragraphs: [...data.leftOut.map((entry) => entry.why[locale]), text.searched(data.tablesSearched.length)], entries: [] };
  return [...(categories.length > 0 ? categories : [{ title: text.none, paragraphs: [], entries: [] }]), leftOut];
}

/** The PDF in the reader's language. */
export async function renderSubjectPdf(data: SubjectExport, locale: Locale): Promise<Buffer> {
  const text = TEXTS[locale];
  const { doc, bytes } = startPdf(locale, { title: `${text.title} – ${data.subject.name}`, author: data.school, createdAt: new Date(data.generatedAt) });
  const width = doc.page.width - 2 * PDF_MARGIN;
  doc.font('Helvetica-Bold').fontSize(18).text(text.title, { width });
  doc.font('Helvetica').fontSize(10).text(`${data.school} · ${text.kind[data.subject.kind]}: ${data.subject.name}`, { width });
  doc.fillColor(MUTED).text(`${text.intro} ${text.generated}: ${formatInstant(new Date(data.generatedAt), locale)}`, { width }).fillColor('#000000');
  for (const section of subjectDocument(data, locale)) {
    doc.moveDown(1);
    doc.font('Helvetica-Bold').fontSize(13).text(section.title, PDF_MARGIN, doc.y, { width });
    doc.font('Helvetica').fontSize(9).fillColor(MUTED);
    for (const paragraph of section.paragraphs) doc.text(paragraph, PDF_MARGIN, doc.y, { width });
    doc.fillColor('#000000').fontSize(10);
    for (const entry of section.entries) {
      doc.moveDown(0.3).font('Helvetica-Bold').text(entry.heading, PDF_MARGIN, doc.y, { width });
      doc.font('Helvetica');
      for (const line of entry.lines) doc.text(line, PDF_MARGIN + 10, doc.y, { width: width - 10 });
    }
  }
  finishPdf(doc, (page, pages) => `${data.subject.name} · ${text.page(page, pages)}`);
  return bytes;
}
