import { type AceAnswer, type AceInformant, DEFAULT_ACE_CATEGORIES } from '../../../shared/aces';
import { type BottomUpHelp, type KeyPersonRelation } from '../../../shared/care';
import type { CheckinState } from '../../../shared/checkin';
import { DEFAULT_STATE_WORDS } from '../../../shared/checkin-wording';
import type { ReferralStatus } from '../../../shared/referrals';
import type { Locale } from '../../../shared/roles';
import { formatCalendarDate, formatInstant } from '../../i18n/dates';
import { finishPdf, PDF_MARGIN, startPdf } from '../../pdf-document';
import type { CarePlanContent } from './care.schemas';
import type { PupilDataExport } from './care-export';
import { screeningInstrumentOf } from './screening-instruments';

// The PDF of everything about one pupil (AVG art. 15), for the pupil or their parents: the export object
// (care-export.ts) as a document of sections with readable lines, then drawn by pdfkit. `pupilDataDocument` is pure,
// so the wording is tested without reading a PDF.

/** One section of the document: a title, its entries (each a heading and lines), or the words for none. */
export interface DocumentSection {
  title: string;
  entries: { heading: string; lines: string[] }[];
  empty: string;
}

interface Texts {
  title: string;
  intro: string;
  sections: Record<'pupil' | 'checkins' | 'notes' | 'trustedAdults' | 'plans' | 'aces' | 'screenings' | 'conversations' | 'referrals' | 'questionnaires' | 'reads' | 'leftOut', string>;
  none: string;
  labels: Record<'number' | 'born' | 'left' | 'classes' | 'word' | 'wantedToTalk' | 'by' | 'reviewOn' | 'combined' | 'total' | 'band' | 'held' | 'planned' | 'shared' | 'note' | 'reason' | 'status' | 'followUp' | 'answers' | 'generated' | 'firstAge', string>;
  plan: Record<Exclude<keyof CarePlanContent, 'bottomUpHelps'>, string>;
  bottomUp: Record<BottomUpHelp, string>;
  relation: Record<KeyPersonRelation, string>;
  informant: Record<AceInformant, string>;
  answer: Record<AceAnswer, string>;
  status: Record<ReferralStatus, string>;
  meldcodeLeftOut: string;
  yes: string;
  no: string;
  page: (page: number, pages: number) => string;
}

const TEXTS: Record<Locale, Texts> = {
  nl: {
    title: 'Wat Groeiwijzer over deze leerling bewaart',
    intro: 'Een overzicht van alle gegevens over deze leerling, op verzoek van de leerling of de ouders (AVG artikel 15).',
    sections: {
      pupil: 'Leerling',
      checkins: 'Check-ins',
      notes: 'Notities na een gesprek ("we hebben gepraat")',
      trustedAdults: 'Vertrouwde volwassenen',
      plans: 'Steun- en signaleringsplan (alle versies)',
      aces: 'Ingrijpende jeugdervaringen',
      screenings: 'Screenings',
      conversations: 'Kindgesprekken',
      referrals: 'Verwijzingen',
      questionnaires: 'Vragenlijsten',
      reads: 'Wie het zorgdossier inzag of wijzigde',
      leftOut: 'Niet in dit overzicht',
    },
    none: 'Geen.',
    labels: {
      number: 'Leerlingnummer',
      born: 'Geboortedatum',
      left: 'Vertrokken op',
      classes: 'Klassen',
      word: 'woord',
      wantedToTalk: 'wilde graag praten',
      by: 'door',
      reviewOn: 'opnieuw bekijken op',
      combined: 'Samen gezien (minstens één bron zei ja)',
      total: 'totaal',
      band: 'uitkomst',
      held: 'gehouden op',
      planned: 'gepland op',
      shared: 'gedeeld met het zorgteam',
      note: 'notitie',
      reason: 'reden',
      status: 'stand',
      followUp: 'opvolgen op',
      answers: 'antwoorden',
      generated: 'Gemaakt op',
      firstAge: 'Leeftijd bij de eerste ingrijpende ervaring (jaren)',
    },
    plan: {
      earlySigns: 'Zo merk je dat de spanning oploopt',
      bottomUp: 'Wat helpt vanuit het lijf',
      topDown: 'Wat helpt met denken en praten',
      notHelping: 'Wat niet helpt',
      agreements: 'Afspraken met de leerling',
      whoToCall: 'Wie bel je',
      madeWith: 'Gemaakt met',
      keyPeople: 'Belangrijke mensen buiten school',
    },
    bottomUp: { movement: 'bewegen', sensory: 'iets voelen, horen of vasthouden', breathing: 'ademhaling', 'quiet-place': 'een rustige plek' },
    relation: { parent: 'ouder', carer: 'verzorger', coach: 'coach of trainer', 'youth-worker': 'jeugdwerker of hulpverlener', other: 'iemand anders' },
    informant: { pupil: 'leerling', parent: 'ouders', file: 'dossier' },
    answer: { yes: 'ja', no: 'nee', unknown: 'onbekend' },
    status: { proposed: 'voorgesteld', discussed_with_parents: 'besproken met ouders', sent: 'verstuurd', waiting: 'wachtlijst', in_care: 'in zorg', ended: 'afgerond' },
    meldcodeLeftOut:
      'Zaken volgens de meldcode (huiselijk geweld en kindermishandeling) staan hier niet in. Of en wat daarvan gedeeld kan worden, beslist de aandachtsfunctionaris van de school per zaak: de bescherming van het kind kan het inzagerecht beperken (AVG artikel 23).',
    yes: 'ja',
    no: 'nee',
    page: (page, pages) => `pagina ${page} van ${pages}`,
  },
  en: {
    title: 'What Groeiwijzer keeps about this pupil',
    intro: 'An overview of all data about this pupil, at the request of the pupil or the parents (GDPR article 15).',
    sections: {
      pupil: 'Pupil',
      checkins: 'Check-ins',
      notes: 'Notes after a talk ("we talked")',
      trustedAdults: 'Trusted adults',
      plans: 'Support plan (every version)',
      aces: 'Adverse childhood experiences',
      screenings: 'Screenings',
      conversations: 'Pupil conversations',
      referrals: 'Referrals',
      questionnaires: 'Questionnaires',
      reads: 'Who read or changed the care file',
      leftOut: 'Not in this overview',
    },
    none: 'None.',
    labels: {
      number: 'Pupil number',
      born: 'Date of birth',
      left: 'Left on',
      classes: 'Classes',
      word: 'word',
      wantedToTalk: 'wanted to talk',
      by: 'by',
      reviewOn: 'review on',
      combined: 'Taken together (at least one source said yes)',
      total: 'total',
      band: 'result',
      held: 'held on',
      planned: 'planned for',
      shared: 'shared with the care team',
      note: 'note',
      reason: 'reason',
      status: 'status',
      followUp: 'follow up on',
      answers: 'answers',
      generated: 'Made on',
      firstAge: 'Age at the first adverse experience (years)',
    },
    plan: {
      earlySigns: 'How you notice tension rising',
      bottomUp: 'What helps through the body',
      topDown: 'What helps through thinking and talking',
      notHelping: 'What does not help',
      agreements: 'Agreements with the pupil',
      whoToCall: 'Who to call',
      madeWith: 'Made with',
      keyPeople: 'Important people outside school',
    },
    bottomUp: { movement: 'movement', sensory: 'something to feel, hear or hold', breathing: 'breathing', 'quiet-place': 'a quiet place' },
    relation: { parent: 'parent', carer: 'carer', coach: 'coach or trainer', 'youth-worker': 'youth worker or care worker', other: 'someone else' },
    informant: { pupil: 'pupil', parent: 'parents', file: 'file' },
    answer: { yes: 'yes', no: 'no', unknown: 'unknown' },
    status: { proposed: 'proposed', discussed_with_parents: 'discussed with the parents', sent: 'sent', waiting: 'waiting list', in_care: 'in care', ended: 'ended' },
    meldcodeLeftOut:
      "Cases under the reporting code (domestic violence and child abuse) are not in here. Whether and what of them can be shared is decided per case by the school's attention officer: protecting the child may limit the right of access (GDPR article 23).",
    yes: 'yes',
    no: 'no',
    page: (page, pages) => `page ${page} of ${pages}`,
  },
};

/** The export as a document of sections in the reader's language. */
export function pupilDataDocument(data: PupilDataExport, locale: Locale): DocumentSection[] {
  const text = TEXTS[locale];
  const date = (value: string) => formatCalendarDate(value.slice(0, 10), locale);
  const instant = (value: string) => formatInstant(new Date(value), locale);
  const category = (id: string) => DEFAULT_ACE_CATEGORIES.find((entry) => entry.id === id)?.name[locale] ?? id;
  const section = (key: keyof Texts['sections'], entries: DocumentSection['entries']): DocumentSection => ({ title: text.sections[key], entries, empty: text.none });
  const { pupil } = data;
  return [
    section('pupil', [
      {
        heading: `${pupil.firstName} ${pupil.lastName}`,
        lines: [
          `${text.labels.number}: ${pupil.pupilNumber}`,
          ...(pupil.birthDate ? [`${text.labels.born}: ${date(pupil.birthDate)}`] : []),
          ...(pupil.leftOn ? [`${text.labels.left}: ${date(pupil.leftOn)}`] : []),
          `${text.labels.classes}: ${data.classes.map((entry) => `${entry.className} (${entry.schoolYear})`).join(', ') || text.none}`,
        ],
      },
    ]),
    section(
      'checkins',
      data.checkins.map((checkin) => ({
        heading: date(checkin.date),
        lines: [[DEFAULT_STATE_WORDS.middle[checkin.state as CheckinState][locale].label, ...(checkin.word ? [`${text.labels.word}: ${checkin.word}`] : []), ...(checkin.wantedToTalk ? [text.labels.wantedToTalk] : [])].join(' · ')],
      })),
    ),
    section('notes', data.checkinNotes.map((note) => ({ heading: `${date(note.date)}${note.author ? ` · ${note.author}` : ''}`, lines: [note.text] }))),
    section('trustedAdults', data.trustedAdults.map((adult) => ({ heading: adult.name, lines: adult.why ? [adult.why] : [] }))),
    section(
      'plans',
      data.supportPlans.map((plan) => ({
        heading: `${instant(plan.createdAt)}${plan.author ? ` · ${plan.author}` : ''} · ${text.labels.reviewOn} ${date(plan.reviewOn)}`,
        lines: planLines(plan.content, text),
      })),
    ),
    section('aces', [
      ...data.aceAnswers.map((answer) => ({ heading: `${category(answer.category)}`, lines: [`${text.informant[answer.informant]}: ${text.answer[answer.answer]} (${date(answer.recordedOn)})`] })),
      ...(data.aceFirstAgeYears !== null ? [{ heading: text.labels.firstAge, lines: [String(data.aceFirstAgeYears)] }] : []),
      ...(data.acesCombined.length > 0
        ? [{ heading: text.labels.combined, lines: data.acesCombined.map((entry) => `${category(entry.category)}: ${entry.sources.map((source) => text.informant[source]).join(', ')}`) }]
        : []),
    ]),
    section(
      'screenings',
      data.screenings.map((screening) => {
        const instrument = screeningInstrumentOf(screening.instrument);
        const band = instrument?.scales.flatMap((scale) => scale.bands ?? []).find((entry) => entry.id === screening.band);
        return {
          heading: `${instrument?.name[locale] ?? screening.instrument} · ${date(screening.takenOn)}`,
          lines: [
            `${text.labels.total}: ${screening.total ?? text.none}${band ? ` · ${text.labels.band}: ${band.name[locale]}` : ''}`,
            `${text.labels.answers}: ${Object.entries(screening.answers).map(([item, value]) => `${item}=${value}`).join(', ')}`,
          ],
        };
      }),
    ),
    section(
      'conversations',
      data.conversations.map((conversation) => ({
        heading: conversation.heldOn ? `${text.labels.held} ${date(conversation.heldOn)}` : `${text.labels.planned} ${date(conversation.plannedOn)}`,
        lines: [
          ...(conversation.author ? [`${text.labels.by} ${conversation.author}`] : []),
          ...(conversation.note ? [`${text.labels.note}: ${conversation.note}`] : []),
          ...(conversation.sharedWithCareTeam ? [`${text.labels.shared}: ${conversation.forCareTeam}`] : []),
        ],
      })),
    ),
    section(
      'referrals',
      data.referrals.map((referral) => ({
        heading: `${referral.toWhom} · ${date(referral.referredOn)}`,
        lines: [
          `${text.labels.status}: ${text.status[referral.status]}${referral.followUpOn ? ` · ${text.labels.followUp} ${date(referral.followUpOn)}` : ''}`,
          ...(referral.reason ? [`${text.labels.reason}: ${referral.reason}`] : []),
        ],
      })),
    ),
    section(
      'questionnaires',
      data.questionnaireAnswers.map((entry) => ({ heading: `${entry.wave} · ${entry.instrument} · ${date(entry.answeredOn)}`, lines: [`${text.labels.answers}: ${Object.entries(entry.answers).map(([item, value]) => `${item}=${value}`).join(', ')}`] })),
    ),
    section('reads', data.careFileReads.map((read) => ({ heading: instant(read.at), lines: [`${read.by ?? '—'} · ${read.action}`] }))),
    section('leftOut', [{ heading: '', lines: [text.meldcodeLeftOut] }]),
  ];
}

function planLines(content: CarePlanContent, text: Texts): string[] {
  const lines: string[] = [];
  const add = (label: string, value: string) => {
    if (value.trim() !== '') lines.push(`${label}: ${value}`);
  };
  add(text.plan.earlySigns, content.earlySigns);
  add(text.plan.bottomUp, [content.bottomUpHelps.map((help) => text.bottomUp[help]).join(', '), content.bottomUp].filter((part) => part !== '').join(' · '));
  add(text.plan.topDown, content.topDown);
  add(text.plan.notHelping, content.notHelping);
  add(text.plan.agreements, content.agreements);
  add(text.plan.whoToCall, content.whoToCall);
  add(text.plan.madeWith, content.madeWith);
  add(text.plan.keyPeople, content.keyPeople.map((person) => `${text.relation[person.relation]}${person.name ? ` (${person.name})` : ''}`).join(', '));
  return lines;
}

const MARGIN = PDF_MARGIN;
const MUTED = '#444444';

/** Renders the export as PDF bytes in the reader's language. */
export async function renderPupilDataPdf(data: PupilDataExport, locale: Locale): Promise<Buffer> {
  const text = TEXTS[locale];
  const pupilName = `${data.pupil.firstName} ${data.pupil.lastName}`;
  const { doc, bytes } = startPdf(locale, { title: `${text.title} – ${pupilName}`, author: data.school, createdAt: new Date(data.generatedAt) });
  const width = doc.page.width - 2 * MARGIN;
  doc.font('Helvetica-Bold').fontSize(18).text(text.title, { width });
  doc.font('Helvetica').fontSize(10).text(`${data.school} · ${pupilName}`, { width });
  doc.fillColor(MUTED).text(`${text.intro} ${text.labels.generated}: ${formatInstant(new Date(data.generatedAt), locale)}`, { width }).fillColor('#000000');
  for (const section of pupilDataDocument(data, locale)) {
    doc.moveDown(1);
    doc.font('Helvetica-Bold').fontSize(13).text(section.title, MARGIN, doc.y, { width });
    doc.font('Helvetica').fontSize(10);
    if (section.entries.length === 0) doc.fillColor(MUTED).text(section.empty, { width }).fillColor('#000000');
    for (const entry of section.entries) {
      if (entry.heading) doc.moveDown(0.3).font('Helvetica-Bold').text(entry.heading, MARGIN, doc.y, { width });
      doc.font('Helvetica');
      for (const line of entry.lines) doc.text(line, MARGIN + 10, doc.y, { width: width - 10 });
    }
  }
  finishPdf(doc, (page, pages) => `${pupilName} · ${text.page(page, pages)}`);
  return bytes;
}
