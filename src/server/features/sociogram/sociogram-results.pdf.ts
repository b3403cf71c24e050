import type { Locale } from '../../../shared/roles';
import { formatCalendarDate, formatInstant } from '../../i18n/dates';
import { sociogramStatusLabelOf } from '../../i18n/labels';
import { finishPdf, PDF_MARGIN, startPdf } from '../../pdf-document';
import type { SociogramResults } from './sociogram.schemas';

// The care team's own PDF of a sociogram's results (issue 15): one A4 page (more for a large class) for the class
// meeting with the care team — who needs attention, every pupil by both methods, the groups. The only export that
// carries status labels and "rather not" counts; nobody else can download it.

const TEXTS = {
  nl: {
    title: (className: string) => `Sociogram ${className}`,
    when: (opened: string, closed: string) => `Gestart ${opened}, afgesloten ${closed}.`,
    answered: (respondents: number, pupils: number) => `${respondents} van de ${pupils} leerlingen hebben gekozen.`,
    questions: 'Vragen',
    rather: 'liever niet',
    attention: 'Door niemand gekozen',
    nobody: 'Iedere leerling is door minstens één klasgenoot gekozen.',
    pupils: 'Per leerling',
    line: (chosen: number, rather: number | null, mutual: number) =>
      `gekozen door ${chosen}${rather === null ? '' : `, "liever niet" door ${rather}`}, wederzijds ${mutual}`,
    methods: (cdc: string, nb: string) => `Coie-Dodge-Coppotelli: ${cdc} · Newcomb-Bukowski: ${nb}`,
    groups: 'Groepjes',
    group: (number: number) => `Groepje ${number}`,
    bridge: 'brugfiguur',
    confidential: 'Vertrouwelijk: alleen voor de leerkrachten van de klas en het zorgteam.',
    page: (page: number, pages: number, at: string) => `Pagina ${page} van ${pages} · gemaakt ${at}`,
  },
  en: {
    title: (className: string) => `Sociogram ${className}`,
    when: (opened: string, closed: string) => `Started ${opened}, closed ${closed}.`,
    answered: (respondents: number, pupils: number) => `${respondents} of the ${pupils} pupils made their choices.`,
    questions: 'Questions',
    rather: 'rather not',
    attention: 'Chosen by nobody',
    nobody: 'Every pupil was chosen by at least one classmate.',
    pupils: 'Per pupil',
    line: (chosen: number, rather: number | null, mutual: number) => `chosen by ${chosen}${rather === null ? '' : `, "rather not" by ${rather}`}, mutual ${mutual}`,
    methods: (cdc: string, nb: string) => `Coie-Dodge-Coppotelli: ${cdc} · Newcomb-Bukowski: ${nb}`,
    groups: 'Subgroups',
    group: (number: number) => `Subgroup ${number}`,
    bridge: 'bridge builder',
    confidential: "Confidential: for the class's teachers and the care team only.",
    page: (page: number, pages: number, at: string) => `Page ${page} of ${pages} · made ${at}`,
  },
} as const;

/** The results as a PDF in the reader's language. */
export async function renderSociogramPdf(results: SociogramResults, locale: Locale, now: Date): Promise<Buffer> {
  const texts = TEXTS[locale];
  const { sociogram } = results;
  const { doc, bytes } = startPdf(locale, { title: texts.title(sociogram.className), author: 'Groeiwijzer', createdAt: now });
  const width = doc.page.width - 2 * PDF_MARGIN;
  const hasNegative = sociogram.questions.some((question) => question.valence === 'negative');
  const names = new Map(results.pupils.map((pupil) => [pupil.pupilId, pupil.name]));
  const heading = (text: string) => doc.moveDown(0.6).font('Helvetica-Bold').fontSize(12).fillColor('#000000').text(text, { width });
  const body = (text: string, options: { indent?: number } = {}) => doc.font('Helvetica').fontSize(9.5).fillColor('#000000').text(text, { width, ...options });

  doc.font('Helvetica-Bold').fontSize(16).text(texts.title(sociogram.className), { width });
  body(texts.when(formatCalendarDate(sociogram.openedOn, locale), formatCalendarDate(sociogram.closedOn ?? sociogram.openedOn, locale)));
  body(texts.answered(results.respondents, results.pupils.length));
  body(texts.confidential);
  heading(texts.questions);
  for (const question of sociogram.questions) body(`${question.position}. ${question.text[locale]}${question.valence === 'negative' ? ` (${texts.rather})` : ''}`);

  heading(texts.attention);
  const isolated = results.pupils.filter((pupil) => pupil.isolated);
  body(isolated.length === 0 ? texts.nobody : isolated.map((pupil) => pupil.name).join(', '));

  heading(texts.pupils);
  for (const pupil of results.pupils) {
    doc.font('Helvetica-Bold').fontSize(9.5).text(`${pupil.name}${pupil.bridge ? ` (${texts.bridge})` : ''}`, { width, continued: false });
    body(`${texts.line(pupil.positiveReceived, hasNegative ? pupil.negativeReceived : null, pupil.mutualFriends.length)} · ${texts.group(pupil.group)}`, { indent: 12 });
    body(texts.methods(sociogramStatusLabelOf(locale, pupil.cdc), sociogramStatusLabelOf(locale, pupil.nb)), { indent: 12 });
  }

  heading(texts.groups);
  for (const group of results.groups) body(`${texts.group(group.id)}: ${group.pupils.map((id) => names.get(id) ?? '').join(', ')}`);

  const at = formatInstant(now, locale);
  finishPdf(doc, (page, pages) => texts.page(page, pages, at));
  return bytes;
}
