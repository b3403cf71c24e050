import { formatCalendarDate, formatInstant, INTL_LOCALE } from '../../i18n/dates';
import { finishPdf, PDF_MARGIN, startPdf } from '../../pdf-document';
import type { Locale } from '../../../shared/roles';
import type { DevelopmentModel, GrowthPhase, LocalizedText } from '../../../shared/selfscan-model';
import type { ShownCell } from './aggregate';
import type { Placement, SelfscanShift } from './selfscan-history.schemas';
import type { RoundResults } from './selfscan.schemas';

// The self-scan report as a PDF for the team meeting. Everything comes from the results object the
// results endpoint returns (cells below k arrive hidden and are printed as such), so the report can never
// show something the reader could not see on screen;
// the only side effect is pdfkit writing into memory. Notes are left out on purpose: a printed sheet
// travels further than the screen, and notes may be recognisable.

/**
 * The shift since the school's previous round on the same model: none because this is the first round,
 * withheld because the reader may not see the previous round's results, or the comparison itself.
 */
export type ReportShift = { kind: 'first' } | { kind: 'withheld' } | { kind: 'shift'; shift: SelfscanShift };

/** What the report is made of: the round's results, the model they were given on, and the school's name. */
export interface SelfscanReportInput {
  schoolName: string;
  results: RoundResults;
  model: DevelopmentModel;
  shift: ReportShift;
  /** When the report was made (shown on the report and stored as the PDF's creation date). */
  generatedAt: Date;
}

/** The texts of the report in both languages; the model's own texts come from the model. */
interface ReportTexts {
  title: (round: string) => string;
  school: string;
  period: string;
  until: string;
  model: string;
  version: (version: string) => string;
  respondents: (responded: string, invited: string) => string;
  generated: string;
  agreementHelp: string;
  agreed: (phase: string) => string;
  rationale: string;
  notAgreed: string;
  /** A cell withheld under the k rule, with k. */
  tooFewAnswers: (k: string) => string;
  stats: (values: { median: string; mean: string; n: string; dontKnow: string; agreement: string }) => string;
  discuss: string;
  noValue: string;
  distribution: string;
  phase: (phase: GrowthPhase) => string;
  goals: string;
  noGoals: string;
  goal: (phase: string) => string;
  shiftTitle: string;
  shiftAgainst: (round: string, period: string) => string;
  shiftFirst: string;
  shiftWithheld: string;
  shiftLine: (values: { earlier: string; current: string; difference: string }) => string;
  placementAgreed: (phase: string) => string;
  placementMedian: (median: string) => string;
  noPlacement: string;
  /** A signed change (sign included) and whether it is more than one phase, for the plural. */
  change: (signed: string, plural: boolean) => string;
  unchanged: string;
  notComparable: string;
  page: (page: number, pages: number) => string;
}

const TEXTS: Record<Locale, ReportTexts> = {
  nl: {
    title: (round) => `Zelfscan: ${round}`,
    school: 'School',
    period: 'Periode',
    until: 't/m',
    model: 'Model',
    version: (version) => `versie ${version}`,
    respondents: (responded, invited) => `${responded} van de ${invited} uitgenodigden vulden de zelfscan in`,
    generated: 'Gemaakt op',
    agreementHelp:
      'Overeenstemming loopt van 0 (iedereen denkt er anders over) tot 1 (iedereen koos dezelfde fase). Een accent met een overeenstemming onder 0,7 is een bespreekpunt.',
    agreed: (phase) => `Samen vastgesteld: ${phase}`,
    rationale: 'Waarom',
    notAgreed: 'Nog geen gezamenlijke groeifase vastgesteld.',
    tooFewAnswers: (k) => `Geen cijfers: te weinig antwoorden (minder dan ${k}), zodat niemand herkenbaar is.`,
    stats: ({ median, mean, n, dontKnow, agreement }) =>
      `Mediaan ${median} · gemiddelde ${mean} · aantal ${n} · weet ik niet ${dontKnow} · overeenstemming ${agreement}`,
    discuss: 'Bespreekpunt',
    noValue: '–',
    distribution: 'Verdeling',
    phase: (phase) => `Fase ${phase}`,
    goals: 'Gekozen volgende stappen',
    noGoals: 'Er zijn nog geen volgende stappen gekozen.',
    goal: (phase) => `Doel: ${phase}`,
    shiftTitle: 'Verschuiving sinds de vorige ronde',
    shiftAgainst: (round, period) => `Vergeleken met de vorige ronde op hetzelfde model: ${round} (${period}).`,
    shiftFirst: 'Dit is de eerste ronde van de school op dit model, dus een verschuiving is er nog niet.',
    shiftWithheld: 'De verschuiving staat niet in dit verslag: je hebt geen inzage in de uitkomsten van de vorige ronde.',
    shiftLine: ({ earlier, current, difference }) => `Vorige ronde: ${earlier} · deze ronde: ${current} · ${difference}`,
    placementAgreed: (phase) => `groeifase ${phase} (samen vastgesteld)`,
    placementMedian: (median) => `mediaan ${median} (niet samen vastgesteld)`,
    noPlacement: 'te weinig antwoorden',
    change: (signed, plural) => `${signed} ${plural ? 'groeifasen' : 'groeifase'}`,
    unchanged: 'gelijk gebleven',
    notComparable: 'niet te vergelijken',
    page: (page, pages) => `Pagina ${page} van ${pages}`,
  },
  en: {
    title: (round) => `Self-scan: ${round}`,
    school: 'School',
    period: 'Period',
    until: 'to',
    model: 'Model',
    version: (version) => `version ${version}`,
    respondents: (responded, invited) => `${responded} of the ${invited} people invited filled in the self-scan`,
    generated: 'Made on',
    agreementHelp:
      'Agreement runs from 0 (everyone sees it differently) to 1 (everyone chose the same phase). An aspect with agreement below 0.7 is a discussion point.',
    agreed: (phase) => `Agreed together: ${phase}`,
    rationale: 'Why',
    notAgreed: 'No phase agreed together yet.',
    tooFewAnswers: (k) => `No figures: too few answers (fewer than ${k}), so that nobody can be recognised.`,
    stats: ({ median, mean, n, dontKnow, agreement }) => `Median ${median} · mean ${mean} · count ${n} · don't know ${dontKnow} · agreement ${agreement}`,
    discuss: 'Discussion point',
    noValue: '–',
    distribution: 'Distribution',
    phase: (phase) => `Phase ${phase}`,
    goals: 'Next steps chosen',
    noGoals: 'No next steps have been chosen yet.',
    goal: (phase) => `Goal: ${phase}`,
    shiftTitle: 'Shift since the previous round',
    shiftAgainst: (round, period) => `Compared with the previous round on the same model: ${round} (${period}).`,
    shiftFirst: "This is the school's first round on this model, so there is no shift to show yet.",
    shiftWithheld: "The shift is not part of this report: you do not have access to the previous round's results.",
    shiftLine: ({ earlier, current, difference }) => `Previous round: ${earlier} · this round: ${current} · ${difference}`,
    placementAgreed: (phase) => `growth phase ${phase} (agreed together)`,
    placementMedian: (median) => `median ${median} (not agreed together)`,
    noPlacement: 'too few answers',
    change: (signed, plural) => `${signed} ${plural ? 'growth phases' : 'growth phase'}`,
    unchanged: 'unchanged',
    notComparable: 'cannot be compared',
    page: (page, pages) => `Page ${page} of ${pages}`,
  },
};

const PHASES: readonly GrowthPhase[] = [1, 2, 3, 4];
const MARGIN = PDF_MARGIN;
const BAR_WIDTH = 180;
const BAR_ROW = 13;
const INK = '#000000';
const MUTED = '#444444';
const TRACK = '#e3e3e3';

/** Renders the self-scan report in the chosen language as PDF bytes. */
export async function renderSelfscanReportPdf(input: SelfscanReportInput, locale: Locale): Promise<Buffer> {
  const text = TEXTS[locale];
  const { results, model } = input;
  const { round, aggregate } = results;
  const localized = (value: LocalizedText) => value[locale];
  const number = (value: number, digits: number) => new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits: digits }).format(value);
  const calendarDate = (isoDate: string) => formatCalendarDate(isoDate, locale);
  const instant = (value: Date) => formatInstant(value, locale);
  // The results' contract types a phase as a number; the schema and the database only ever hold 1–4.
  const phaseName = (phase: number) => localized(model.phases[phase as GrowthPhase]);

  const { doc, bytes } = startPdf(locale, { title: text.title(round.name), author: input.schoolName, createdAt: input.generatedAt });

  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - MARGIN;
  const keepTogether = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage();
  };

  // ---- heading ----
  doc.font('Helvetica-Bold').fontSize(18).fillColor(INK).text(text.title(round.name), { width });
  doc.moveDown(0.5);
  doc.fontSize(10);
  const fact = (label: string, value: string) => {
    doc.font('Helvetica-Bold').text(`${label}: `, { continued: true }).font('Helvetica').text(value, { width });
  };
  fact(text.school, input.schoolName);
  fact(text.period, `${calendarDate(round.opensOn)} ${text.until} ${calendarDate(round.closesOn)}`);
  fact(text.model, `${localized(model.name)}, ${text.version(round.model.version)}`);
  fact(text.generated, instant(input.generatedAt));
  doc.font('Helvetica').text(text.respondents(number(round.progress.responded, 0), number(round.progress.invited, 0)), { width });
  doc.moveDown(0.5);
  doc.fillColor(MUTED).fontSize(9).text(text.agreementHelp, { width }).fillColor(INK);

  // ---- layers and aspects ----
  const stats = new Map(aggregate.aspects.map((entry) => [entry.aspect, entry]));
  const consensus = new Map(results.consensus.map((entry) => [entry.aspectId, entry]));
  for (const layer of model.layers) {
    keepTogether(140);
    doc.moveDown(1);
    doc.font('Helvetica-Bold').fontSize(14).fillColor(INK).text(localized(layer.name), MARGIN, doc.y, { width });
    for (const aspect of layer.aspects) {
      const row = stats.get(aspect.id);
      const agreed = consensus.get(aspect.id);
      const rationale = agreed ? `${text.rationale}: ${agreed.rationale}` : '';
      doc.font('Helvetica').fontSize(10);
      const rationaleHeight = rationale ? doc.heightOfString(rationale, { width }) : 0;
      keepTogether(40 + rationaleHeight + 14 + 4 * BAR_ROW + 10);
      doc.moveDown(0.7);
      const isDiscussed = row !== undefined && !row.hidden && row.discuss;
      doc.font('Helvetica-Bold').fontSize(11).text(localized(aspect.name), MARGIN, doc.y, { width, continued: isDiscussed });
      if (isDiscussed) doc.text(`   [${text.discuss}]`);
      doc.font('Helvetica').fontSize(10);
      if (agreed) {
        doc.text(text.agreed(phaseName(agreed.phase)), { width });
        doc.fillColor(MUTED).text(rationale, { width }).fillColor(INK);
      } else {
        doc.fillColor(MUTED).text(text.notAgreed, { width }).fillColor(INK);
      }
      if (!row || row.hidden) {
        doc.fillColor(MUTED).text(text.tooFewAnswers(number(aggregate.minGroupSize, 0)), { width }).fillColor(INK);
      } else {
        doc.text(
          text.stats({
            median: number(row.median, 1),
            mean: number(row.mean, 2),
            n: number(row.n, 0),
            dontKnow: number(row.dontKnow, 0),
            agreement: number(row.rwg, 2),
          }),
          { width },
        );
        drawDistribution(doc, row, text, number);
      }
    }
  }

  // ---- shift since the previous round ----
  keepTogether(80);
  doc.moveDown(1);
  doc.font('Helvetica-Bold').fontSize(14).fillColor(INK).text(text.shiftTitle, MARGIN, doc.y, { width });
  doc.font('Helvetica').fontSize(10);
  const { shift } = input;
  if (shift.kind === 'first') doc.text(text.shiftFirst, { width });
  if (shift.kind === 'withheld') doc.fillColor(MUTED).text(text.shiftWithheld, { width }).fillColor(INK);
  if (shift.kind === 'shift') {
    const { against } = shift.shift;
    doc.text(text.shiftAgainst(against.name, `${calendarDate(against.opensOn)} ${text.until} ${calendarDate(against.closesOn)}`), { width });
    const placement = (value: Placement) =>
      value.basis === 'hidden' ? text.noPlacement : value.basis === 'consensus' ? text.placementAgreed(number(value.value, 0)) : text.placementMedian(number(value.value, 1));
    const aspectNames = new Map(model.layers.flatMap((layer) => layer.aspects.map((aspect) => [aspect.id, localized(aspect.name)] as const)));
    // An aspect placed in neither round has nothing to compare; listing it would only bury the rest.
    for (const entry of shift.shift.aspects.filter((aspect) => aspect.current.basis !== 'hidden' || aspect.earlier.basis !== 'hidden')) {
      const line = text.shiftLine({ earlier: placement(entry.earlier), current: placement(entry.current), difference: changeText(entry.difference, text, number) });
      doc.font('Helvetica').fontSize(10);
      keepTogether(20 + doc.heightOfString(line, { width }));
      doc.moveDown(0.4);
      doc.font('Helvetica-Bold').text(aspectNames.get(entry.aspectId) ?? entry.aspectId, { width });
      doc.font('Helvetica').text(line, { width });
    }
  }

  // ---- goals ----
  keepTogether(80);
  doc.moveDown(1);
  doc.font('Helvetica-Bold').fontSize(14).text(text.goals, MARGIN, doc.y, { width });
  doc.fontSize(10);
  if (results.goals.length === 0) doc.font('Helvetica').text(text.noGoals, { width });
  const aspects = new Map(model.layers.flatMap((layer) => layer.aspects.map((aspect) => [aspect.id, aspect] as const)));
  for (const goal of results.goals) {
    const aspect = aspects.get(goal.aspectId);
    const descriptor = aspect ? localized(aspect.descriptors[goal.targetPhase as GrowthPhase]) : '';
    doc.font('Helvetica').fontSize(10);
    keepTogether(30 + doc.heightOfString(descriptor, { width }));
    doc.moveDown(0.5);
    doc.font('Helvetica-Bold').text(aspect ? localized(aspect.name) : goal.aspectId, { width });
    doc.font('Helvetica').text(text.goal(phaseName(goal.targetPhase)), { width });
    doc.fillColor(MUTED).text(descriptor, { width }).fillColor(INK);
  }

  // ---- page numbers, once the number of pages is known ----
  finishPdf(doc, (page, pages) => `${round.name} · ${text.page(page, pages)}`);
  return bytes;
}

// The en dash stands in for the minus sign: the PDF's built-in Helvetica cannot print U+2212.
function changeText(difference: number | null, text: ReportTexts, number: (value: number, digits: number) => string): string {
  if (difference === null) return text.notComparable;
  if (difference === 0) return text.unchanged;
  const size = Math.abs(difference);
  return text.change(`${difference > 0 ? '+' : '\u2013'}${number(size, 1)}`, size > 1);
}

// Four rows, one per phase: label, count and a bar whose length is the phase's share of the given phases.
function drawDistribution(doc: PDFKit.PDFDocument, row: ShownCell, text: ReportTexts, number: (value: number, digits: number) => string) {
  doc.moveDown(0.3);
  const top = doc.y;
  doc.fontSize(9).fillColor(MUTED).text(text.distribution, MARGIN, top, { width: 70, lineBreak: false });
  PHASES.forEach((phase, index) => {
    const y = top + index * BAR_ROW;
    const count = row.counts[String(phase) as '1' | '2' | '3' | '4'];
    doc.fillColor(INK).text(text.phase(phase), MARGIN + 75, y, { width: 45, lineBreak: false });
    doc.text(number(count, 0), MARGIN + 120, y, { width: 25, align: 'right', lineBreak: false });
    const barX = MARGIN + 155;
    doc.rect(barX, y + 1, BAR_WIDTH, 8).fill(TRACK);
    if (count > 0 && row.n > 0) doc.rect(barX, y + 1, (BAR_WIDTH * count) / row.n, 8).fill(INK);
  });
  doc.fillColor(INK);
  doc.x = MARGIN;
  doc.y = top + PHASES.length * BAR_ROW;
}
