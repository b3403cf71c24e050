import { formatCalendarDate, formatInstant } from '../../i18n/dates';
import { finishPdf, PDF_MARGIN, startPdf } from '../../pdf-document';
import type { ActionStatus, GoalStatus, ImplementationPhase, KotterStep } from '../../../shared/plan';
import type { Locale } from '../../../shared/roles';
import type { PlanOverview } from './plan.schemas';

// The school's plan for one school year as a PDF: the same overview the plan page shows (so it can never
// show more than the reader may see), laid out for printing. Overdue actions are marked in words, not
// only by colour. The only side effect is pdfkit writing into memory.

/** What the PDF is made of. */
export interface PlanPdfInput {
  schoolName: string;
  plan: PlanOverview;
  /** When the PDF was made (shown on it and stored as its creation date). */
  generatedAt: Date;
}

interface PlanPdfTexts {
  title: (schoolYear: string) => string;
  school: string;
  schoolYear: string;
  currentPhase: string;
  noPhase: string;
  generated: string;
  phases: string;
  ongoing: string;
  goals: string;
  noGoals: string;
  status: string;
  target: (phase: number) => string;
  agreed: (phase: number, round: string) => string;
  owner: string;
  nobody: string;
  evidence: string;
  noEvidence: string;
  actions: string;
  noActions: string;
  due: string;
  noDue: string;
  kotter: string;
  overdue: string;
  page: (page: number, pages: number) => string;
  phase: Record<ImplementationPhase, string>;
  goalStatus: Record<GoalStatus, string>;
  actionStatus: Record<ActionStatus, string>;
  kotterStep: Record<KotterStep, string>;
}

const TEXTS: Record<Locale, PlanPdfTexts> = {
  nl: {
    title: (schoolYear) => `Implementatieplan ${schoolYear}`,
    school: 'School',
    schoolYear: 'Schooljaar',
    currentPhase: 'Huidige fase',
    noPhase: 'nog geen fase begonnen',
    generated: 'Gemaakt op',
    phases: 'Fasen',
    ongoing: 'doorlopend',
    goals: 'Doelen en acties',
    noGoals: 'Voor dit schooljaar staan nog geen doelen in het plan.',
    status: 'Status',
    target: (phase) => `Streefdoel: groeifase ${phase}`,
    agreed: (phase, round) => `nu samen vastgesteld: groeifase ${phase} (${round})`,
    owner: 'Eigenaar',
    nobody: 'niemand',
    evidence: 'Onderbouwing',
    noEvidence: 'nog niets vastgelegd',
    actions: 'Acties',
    noActions: 'Nog geen acties.',
    due: 'Einddatum',
    noDue: 'geen',
    kotter: 'Kotter-stap',
    overdue: 'TE LAAT: einddatum voorbij',
    page: (page, pages) => `Pagina ${page} van ${pages}`,
    phase: { explore: 'Verkennen', prepare: 'Voorbereiden', implement: 'Uitvoeren', sustain: 'Borgen' },
    goalStatus: { planned: 'Gepland', in_progress: 'Mee bezig', achieved: 'Bereikt', dropped: 'Vervallen' },
    actionStatus: { open: 'Open', in_progress: 'Mee bezig', done: 'Klaar', dropped: 'Vervallen' },
    kotterStep: {
      urgency: 'Urgentie voelen',
      guiding_team: 'Een leidend team',
      vision: 'Visie en aanpak',
      communicate: 'De visie delen',
      enable: 'Ruimte maken om te handelen',
      short_term_wins: 'Snelle successen',
      consolidate: 'Doorzetten en uitbouwen',
      anchor: 'Verankeren in de cultuur',
    },
  },
  en: {
    title: (schoolYear) => `Implementation plan ${schoolYear}`,
    school: 'School',
    schoolYear: 'School year',
    currentPhase: 'Current phase',
    noPhase: 'no phase started yet',
    generated: 'Made on',
    phases: 'Phases',
    ongoing: 'ongoing',
    goals: 'Goals and actions',
    noGoals: 'The plan has no goals for this school year yet.',
    status: 'Status',
    target: (phase) => `Target: growth phase ${phase}`,
    agreed: (phase, round) => `agreed now: growth phase ${phase} (${round})`,
    owner: 'Owner',
    nobody: 'nobody',
    evidence: 'Evidence',
    noEvidence: 'nothing recorded yet',
    actions: 'Actions',
    noActions: 'No actions yet.',
    due: 'Due',
    noDue: 'none',
    kotter: 'Kotter step',
    overdue: 'OVERDUE: past its due date',
    page: (page, pages) => `Page ${page} of ${pages}`,
    phase: { explore: 'Explore', prepare: 'Prepare', implement: 'Implement', sustain: 'Sustain' },
    goalStatus: { planned: 'Planned', in_progress: 'In progress', achieved: 'Achieved', dropped: 'Dropped' },
    actionStatus: { open: 'Open', in_progress: 'In progress', done: 'Done', dropped: 'Dropped' },
    kotterStep: {
      urgency: 'Create urgency',
      guiding_team: 'A guiding team',
      vision: 'Vision and strategy',
      communicate: 'Communicate the vision',
      enable: 'Enable action',
      short_term_wins: 'Short-term wins',
      consolidate: 'Build on the gains',
      anchor: 'Anchor in the culture',
    },
  },
};

const MARGIN = PDF_MARGIN;
const INK = '#000000';
const MUTED = '#444444';
const ALERT = '#9b1c1c';

/** Renders the plan in the chosen language as PDF bytes. */
export async function renderPlanPdf(input: PlanPdfInput, locale: Locale): Promise<Buffer> {
  const text = TEXTS[locale];
  const { plan } = input;
  const calendarDate = (isoDate: string) => formatCalendarDate(isoDate, locale);
  const instant = (value: Date) => formatInstant(value, locale);

  const { doc, bytes } = startPdf(locale, { title: `${text.title(plan.schoolYear)} – ${input.schoolName}`, author: input.schoolName, createdAt: input.generatedAt });

  const width = doc.page.width - 2 * MARGIN;
  const keepTogether = (height: number) => {
    if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
  };
  const fact = (label: string, value: string) => {
    doc.font('Helvetica-Bold').text(`${label}: `, { continued: true }).font('Helvetica').text(value, { width });
  };

  // ---- heading ----
  doc.font('Helvetica-Bold').fontSize(18).fillColor(INK).text(text.title(plan.schoolYear), { width });
  doc.moveDown(0.5);
  doc.fontSize(10);
  fact(text.school, input.schoolName);
  fact(text.schoolYear, plan.schoolYear);
  fact(text.currentPhase, plan.currentPhase ? text.phase[plan.currentPhase] : text.noPhase);
  fact(text.generated, instant(input.generatedAt));

  // ---- phases ----
  if (plan.phases.length > 0) {
    doc.moveDown(1);
    doc.font('Helvetica-Bold').fontSize(14).text(text.phases, MARGIN, doc.y, { width });
    doc.font('Helvetica').fontSize(10);
    for (const phase of plan.phases) {
      const until = phase.endsOn ? calendarDate(phase.endsOn) : text.ongoing;
      doc.text(`${text.phase[phase.phase]}: ${calendarDate(phase.startsOn)} – ${until}`, { width });
    }
  }

  // ---- goals and their actions ----
  doc.moveDown(1);
  doc.font('Helvetica-Bold').fontSize(14).text(text.goals, MARGIN, doc.y, { width });
  doc.font('Helvetica').fontSize(10);
  if (plan.goals.length === 0) doc.text(text.noGoals, { width });
  for (const goal of plan.goals) {
    const name = goal.title ?? (goal.aspect ? goal.aspect.name[locale] : '');
    const facts = [`${text.status}: ${text.goalStatus[goal.status]}`, `${text.owner}: ${goal.owner?.name ?? text.nobody}`];
    if (goal.aspect) {
      const agreed = goal.aspect.latestConsensus;
      facts.push(text.target(goal.aspect.targetPhase) + (agreed ? `, ${text.agreed(agreed.phase, agreed.roundName)}` : ''));
    }
    const evidence = `${text.evidence}: ${goal.evidence === '' ? text.noEvidence : goal.evidence}`;
    doc.font('Helvetica').fontSize(10);
    keepTogether(60 + doc.heightOfString(evidence, { width }));
    doc.moveDown(0.8);
    doc.font('Helvetica-Bold').fontSize(12).fillColor(INK).text(name, MARGIN, doc.y, { width });
    if (goal.title && goal.aspect) doc.font('Helvetica').fontSize(9).fillColor(MUTED).text(goal.aspect.name[locale], { width }).fillColor(INK);
    doc.font('Helvetica').fontSize(10).text(facts.join(' · '), { width });
    doc.fillColor(MUTED).text(evidence, { width }).fillColor(INK);
    doc.moveDown(0.3);
    if (goal.actions.length === 0) doc.fillColor(MUTED).text(`${text.actions}: ${text.noActions}`, { width }).fillColor(INK);
    for (const action of goal.actions) {
      const details = [
        `${text.owner}: ${action.owner?.name ?? text.nobody}`,
        `${text.due}: ${action.dueOn ? calendarDate(action.dueOn) : text.noDue}`,
        `${text.status}: ${text.actionStatus[action.status]}`,
        ...(action.kotterStep ? [`${text.kotter}: ${text.kotterStep[action.kotterStep]}`] : []),
      ].join(' · ');
      keepTogether(16 + doc.heightOfString(details, { width: width - 15 }) + (action.overdue ? 14 : 0));
      doc.font('Helvetica-Bold').fontSize(10).text(`• ${action.title}`, MARGIN + 5, doc.y, { width: width - 5 });
      doc.font('Helvetica').text(details, MARGIN + 15, doc.y, { width: width - 15 });
      if (action.overdue) doc.font('Helvetica-Bold').fillColor(ALERT).text(text.overdue, MARGIN + 15, doc.y, { width: width - 15 }).fillColor(INK);
      doc.font('Helvetica').moveDown(0.2);
    }
    doc.x = MARGIN;
  }

  // ---- page numbers, once the number of pages is known ----
  finishPdf(doc, (page, pages) => `${input.schoolName} · ${text.title(plan.schoolYear)} · ${text.page(page, pages)}`);
  return bytes;
}

/** The words for the plan's codes (phases, statuses, Kotter steps) in one language; the workbook uses them too. */
export function planCodeLabelsOf(locale: Locale): Pick<PlanPdfTexts, 'phase' | 'goalStatus' | 'actionStatus' | 'kotterStep'> {
  const { phase, goalStatus, actionStatus, kotterStep } = TEXTS[locale];
  return { phase, goalStatus, actionStatus, kotterStep };
}
