import type { Locale } from '../../../shared/roles';
import { formatInstant } from '../../i18n/dates';
import { finishPdf, PDF_MARGIN, startPdf } from '../../pdf-document';
import type { SecurityMeasure, SubProcessor } from './dpia-pack';
import type { ProcessingRegister } from './privacy-register.schemas';

// The processing register and the DPIA input pack as PDF. Both are first a list of sections (pure, so the wording
// is tested without reading a PDF), then drawn by pdfkit the way the other PDFs of Groeiwijzer are.

/** One section of a document: a title, a paragraph under it, and entries of a heading with lines. */
export interface DocumentSection {
  title: string;
  /** Smaller sections under a larger one (the register's categories inside the DPIA pack). */
  level: 1 | 2;
  paragraphs: string[];
  entries: { heading: string; lines: string[] }[];
}

/** The DPIA input pack: the register and what a DPIA asks beside it. */
export interface DpiaPack {
  register: ProcessingRegister;
  measures: readonly SecurityMeasure[];
  subProcessors: SubProcessor[];
  location: { database: string; key: string };
}

const TEXTS = {
  nl: {
    registerTitle: 'Verwerkingsregister',
    registerIntro:
      'Welke gegevens Groeiwijzer bewaart, per categorie: het doel, de grondslag, wie het kan lezen en hoe lang het bewaard wordt. Gemaakt uit het datamodel van deze installatie.',
    dpiaTitle: 'Invoer voor een DPIA',
    dpiaIntro:
      'Wat een functionaris gegevensbescherming nodig heeft voor een gegevensbeschermingseffectbeoordeling (DPIA): het verwerkingsregister, de beveiligingsmaatregelen, de subverwerkers en waar de gegevens staan.',
    purpose: 'Doel',
    legalBasis: 'Grondslag',
    special: 'Bijzondere persoonsgegevens: extra beschermd.',
    readers: 'Wie leest het',
    retention: 'Bewaartermijn',
    encrypted: 'Versleutelde kolommen',
    noTables: 'Geen tabellen in deze categorie.',
    measures: 'Beveiligingsmaatregelen (uit SECURITY.md)',
    subProcessors: 'Subverwerkers',
    noSubProcessors: 'Geen: Groeiwijzer draait op de eigen server van het bestuur en stuurt geen gegevens naar derden. Er is geen mailserver ingesteld, dus mails blijven in het postvak van de app.',
    location: 'Waar de gegevens staan',
    generated: 'Gemaakt op',
    school: 'School',
    board: 'Bestuur',
    page: (page: number, pages: number) => `pagina ${page} van ${pages}`,
  },
  en: {
    registerTitle: 'Processing register',
    registerIntro:
      'What data Groeiwijzer keeps, per category: the purpose, the legal basis, who can read it and how long it is kept. Made from the data model of this installation.',
    dpiaTitle: 'DPIA input pack',
    dpiaIntro:
      'What a data protection officer needs for a data protection impact assessment (DPIA): the processing register, the security measures, the sub-processors and where the data lives.',
    purpose: 'Purpose',
    legalBasis: 'Legal basis',
    special: 'Special-category personal data: extra protection.',
    readers: 'Who reads it',
    retention: 'Retention',
    encrypted: 'Encrypted columns',
    noTables: 'No tables in this category.',
    measures: 'Security measures (from SECURITY.md)',
    subProcessors: 'Sub-processors',
    noSubProcessors: 'None: Groeiwijzer runs on the board’s own server and sends no data to third parties. No mail server is configured, so mails stay in the app’s outbox.',
    location: 'Where the data lives',
    generated: 'Made on',
    school: 'School',
    board: 'Board',
    page: (page: number, pages: number) => `page ${page} of ${pages}`,
  },
} satisfies Record<Locale, unknown>;

/** The register as sections: one per category, one entry per table. */
export function registerSections(register: ProcessingRegister, locale: Locale, level: 1 | 2 = 1): DocumentSection[] {
  const text = TEXTS[locale];
  return register.categories.map((category) => ({
    title: category.name,
    level,
    paragraphs: [`${text.purpose}: ${category.purpose}`, `${text.legalBasis}: ${category.legalBasis}`, ...(category.isSpecial ? [text.special] : [])],
    entries:
      category.tables.length === 0
        ? [{ heading: '', lines: [text.noTables] }]
        : category.tables.map((table) => ({
            heading: `${table.table} – ${table.holds}`,
            lines: [
              `${text.readers}: ${table.readers.join(', ')}`,
              `${text.retention}: ${table.retention}`,
              ...(table.encryptedColumns.length > 0 ? [`${text.encrypted}: ${table.encryptedColumns.join(', ')}`] : []),
            ],
          })),
  }));
}

/** The DPIA pack as sections: the register, the measures, the sub-processors, where the data lives. */
export function dpiaSections(pack: DpiaPack, locale: Locale): DocumentSection[] {
  const text = TEXTS[locale];
  return [
    { title: text.registerTitle, level: 1, paragraphs: [text.registerIntro], entries: [] },
    ...registerSections(pack.register, locale, 2),
    { title: text.measures, level: 1, paragraphs: [], entries: pack.measures.map((measure) => ({ heading: measure.title[locale], lines: [measure.summary[locale]] })) },
    {
      title: text.subProcessors,
      level: 1,
      paragraphs: pack.subProcessors.length === 0 ? [text.noSubProcessors] : [],
      entries: pack.subProcessors.map((processor) => ({ heading: processor.name, lines: [processor.role] })),
    },
    { title: text.location, level: 1, paragraphs: [pack.location.database, pack.location.key], entries: [] },
  ];
}

const MARGIN = PDF_MARGIN;
const MUTED = '#444444';

async function renderPdf(locale: Locale, register: ProcessingRegister, title: string, intro: string, sections: DocumentSection[]): Promise<Buffer> {
  const text = TEXTS[locale];
  const { doc, bytes } = startPdf(locale, { title: `${title} – ${register.scope.name}`, author: register.scope.name, createdAt: new Date(register.generatedAt) });
  const width = doc.page.width - 2 * MARGIN;
  doc.font('Helvetica-Bold').fontSize(18).text(title, { width });
  doc.font('Helvetica').fontSize(10).text(`${register.scope.kind === 'school' ? text.school : text.board}: ${register.scope.name}`, { width });
  doc.fillColor(MUTED).text(`${intro} ${text.generated}: ${formatInstant(new Date(register.generatedAt), locale)}`, { width }).fillColor('#000000');
  for (const section of sections) {
    doc.moveDown(section.level === 1 ? 1 : 0.8);
    doc.font('Helvetica-Bold').fontSize(section.level === 1 ? 14 : 12).text(section.title, MARGIN, doc.y, { width });
    doc.font('Helvetica').fontSize(10);
    for (const paragraph of section.paragraphs) doc.text(paragraph, MARGIN, doc.y, { width });
    for (const entry of section.entries) {
      if (entry.heading) doc.moveDown(0.3).font('Helvetica-Bold').text(entry.heading, MARGIN, doc.y, { width });
      doc.font('Helvetica');
      for (const line of entry.lines) doc.text(line, MARGIN + 10, doc.y, { width: width - 10 });
    }
  }
  finishPdf(doc, (page, pages) => `${register.scope.name} · ${title} · ${text.page(page, pages)}`);
  return bytes;
}

/** The processing register as PDF bytes in the reader's language. */
export function renderRegisterPdf(register: ProcessingRegister, locale: Locale): Promise<Buffer> {
  const text = TEXTS[locale];
  return renderPdf(locale, register, text.registerTitle, text.registerIntro, registerSections(register, locale));
}

/** The DPIA input pack as PDF bytes in the reader's language. */
export function renderDpiaPdf(pack: DpiaPack, locale: Locale): Promise<Buffer> {
  const text = TEXTS[locale];
  return renderPdf(locale, pack.register, text.dpiaTitle, text.dpiaIntro, dpiaSections(pack, locale));
}
