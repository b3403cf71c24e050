import type { TrainingKind } from '../../shared/plan';
import type { CdcStatus, NbStatus } from '../../shared/sociogram';
import type { BoardRole, Locale, SchoolRole } from '../../shared/roles';

// Codes as words for what the server writes itself (workbooks, PDFs): the same words the web app shows. Dutch is
// the source text, as in the web catalogue; the English is that catalogue's translation (labels.test.ts checks
// both against src/web/i18n/labels.ts's wording so the two cannot drift apart).

const ROLE_LABELS: Record<Locale, Record<SchoolRole | BoardRole, string>> = {
  nl: {
    board_admin: 'Bestuursbeheerder',
    school_admin: 'Schoolbeheerder',
    leadership: 'Directie',
    tso_lead: 'TSO-kartrekker',
    teacher: 'Leerkracht',
    care_team: 'Zorgteam',
  },
  en: {
    board_admin: 'Board administrator',
    school_admin: 'School administrator',
    leadership: 'School leadership',
    tso_lead: 'TSO lead',
    teacher: 'Teacher',
    care_team: 'Care team',
  },
};

const TRAINING_KIND_LABELS: Record<Locale, Record<TrainingKind, string>> = {
  nl: {
    intro: 'Kennismakingsworkshop',
    full_team: 'Teamtraining met voor- en natraject',
    refresher: 'Verdieping of opfrissing',
    new_staff: 'Scholing voor nieuwe medewerkers',
    partner_day: 'Eendaagse training voor ketenpartners',
    custom: 'Eigen scholing',
  },
  en: {
    intro: 'Introductory workshop',
    full_team: 'Team training with pre- and post-track',
    refresher: 'Deepening or refresher',
    new_staff: 'Training for new staff',
    partner_day: 'One-day training for partner organisations',
    custom: 'Own training',
  },
};

/** The name of a school or board role in the reader's language. */
export function roleLabelOf(locale: Locale, role: SchoolRole | BoardRole): string {
  return ROLE_LABELS[locale][role];
}

/** The name of a kind of training; a custom training shows the school's own title when it has one. */
export function trainingKindLabelOf(locale: Locale, kind: TrainingKind, customTitle?: string | null): string {
  if (kind === 'custom' && customTitle !== undefined && customTitle !== null && customTitle !== '') return customTitle;
  return TRAINING_KIND_LABELS[locale][kind];
}

const SOCIOGRAM_STATUS_LABELS: Record<Locale, Record<CdcStatus | NbStatus, string>> = {
  nl: {
    popular: 'Veel gekozen',
    rejected: 'Vaak "liever niet" genoemd',
    neglected: 'Weinig genoemd',
    controversial: 'Gemengde reacties',
    average: 'Gemiddeld',
    unclassified: 'Niet in te delen',
  },
  en: {
    popular: 'Often chosen',
    rejected: 'Often named under "rather not"',
    neglected: 'Rarely named',
    controversial: 'Mixed reactions',
    average: 'Average',
    unclassified: 'Unclassified',
  },
};

/** A sociogram status group in the web app's warm words (sociogram-labels.ts), in the reader's language. */
export function sociogramStatusLabelOf(locale: Locale, status: CdcStatus | NbStatus): string {
  return SOCIOGRAM_STATUS_LABELS[locale][status];
}
