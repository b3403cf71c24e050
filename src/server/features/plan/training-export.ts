import type { Locale } from '../../../shared/roles';
import type { StaffCaller } from '../../access/caller';
import { recordAudit } from '../../audit/audit.service';
import type { Deps } from '../../deps';
import { AppError } from '../../errors';
import { type ExportTable, type SpreadsheetFormat, spreadsheetFileOf } from '../../http/export-table';
import type { ExportFile } from '../../http/export-reply';
import { trainingKindLabelOf } from '../../i18n/labels';
import { slugOf } from '../selfscan/selfscan-report.service';
import { findSchool } from '../tenancy/tenancy.repository';
import type { Training, TrainingCoverage } from './plan.schemas';
import { getTrainingRegister } from './training.service';

// The training register page's two tables as downloads: the trainings (who took part, which partners) and the
// team's training state (who still needs the full training, and until when). Both read what the page reads
// (`getTrainingRegister`) and show nothing more. They name staff, so every download is audited
// (`training.exported`, with counts only).

/** The two tables of the register page. */
export type TrainingTable = 'register' | 'coverage';

interface Texts {
  registerSheet: string;
  coverageSheet: string;
  heldOn: string;
  kind: string;
  title: string;
  participantCount: string;
  participants: string;
  partners: string;
  name: string;
  joinedOn: string;
  state: string;
  trainBy: string;
  states: Record<CoverageRow['state'], string>;
}

const TEXTS: Record<Locale, Texts> = {
  nl: {
    registerSheet: 'Scholingen',
    coverageSheet: 'Nog te trainen',
    heldOn: 'Datum',
    kind: 'Soort scholing',
    title: 'Eigen titel',
    participantCount: 'Aantal deelnemers',
    participants: 'Deelnemers',
    partners: 'Ketenpartners',
    name: 'Naam',
    joinedOn: 'In het team sinds',
    state: 'Stand',
    trainBy: 'Trainen vóór',
    states: { overdue: 'Nog niet getraind, termijn voorbij', within_grace: 'Nieuw, nog binnen de termijn' },
  },
  en: {
    registerSheet: 'Trainings',
    coverageSheet: 'Still to train',
    heldOn: 'Date',
    kind: 'Kind of training',
    title: 'Own title',
    participantCount: 'Participants (number)',
    participants: 'Participants',
    partners: 'Partner organisations',
    name: 'Name',
    joinedOn: 'In the team since',
    state: 'State',
    trainBy: 'Train by',
    states: { overdue: 'Not trained yet, past the term', within_grace: 'New, still within the term' },
  },
};

// Several names in one cell: a separator no name holds (names are single-line text, and `;` is rare in names
// but the CSV quotes every cell anyway).
const LIST_SEPARATOR = ', ';

/** The trainings, newest first, as the register lists them. */
export function trainingsTableOf(trainings: readonly Training[], locale: Locale): ExportTable<Training> {
  const text = TEXTS[locale];
  return {
    sheet: text.registerSheet,
    rows: trainings,
    columns: [
      { key: 'heldOn', header: text.heldOn, kind: 'date', value: (training) => training.heldOn },
      { key: 'kind', header: text.kind, kind: 'text', value: (training) => training.kind, shown: (training) => trainingKindLabelOf(locale, training.kind) },
      { key: 'title', header: text.title, kind: 'text', value: (training) => training.title },
      { key: 'participantCount', header: text.participantCount, kind: 'integer', value: (training) => training.participants.length },
      { key: 'participants', header: text.participants, kind: 'text', value: (training) => training.participants.map((person) => person.name).join(LIST_SEPARATOR) },
      { key: 'partners', header: text.partners, kind: 'text', value: (training) => training.partners.join(LIST_SEPARATOR) },
    ],
  };
}

/** One staff member who still needs the full training. */
export interface CoverageRow {
  name: string;
  joinedOn: string;
  state: 'overdue' | 'within_grace';
  trainBy: string | null;
}

/** Who still needs the full training: first those past the term, then the new staff with their deadline. */
export function coverageTableOf(coverage: TrainingCoverage, locale: Locale): ExportTable<CoverageRow> {
  const text = TEXTS[locale];
  const rows: CoverageRow[] = [
    ...coverage.untrainedOverdue.map((person) => ({ name: person.name, joinedOn: person.joinedOn, state: 'overdue' as const, trainBy: null })),
    ...coverage.newStaffWithinGrace.map((person) => ({ name: person.name, joinedOn: person.joinedOn, state: 'within_grace' as const, trainBy: person.trainBy })),
  ];
  return {
    sheet: text.coverageSheet,
    rows,
    columns: [
      { key: 'name', header: text.name, kind: 'text', value: (row) => row.name },
      { key: 'joinedOn', header: text.joinedOn, kind: 'date', value: (row) => row.joinedOn },
      { key: 'state', header: text.state, kind: 'text', value: (row) => row.state, shown: (row) => text.states[row.state] },
      { key: 'trainBy', header: text.trainBy, kind: 'date', value: (row) => row.trainBy },
    ],
  };
}

/** One table of the register page as a workbook (for people, in the chosen language) or CSV (for machines). */
export async function exportTrainingTable(
  deps: Deps,
  caller: StaffCaller,
  schoolId: string,
  table: TrainingTable,
  format: SpreadsheetFormat,
  locale: Locale,
): Promise<ExportFile> {
  const school = await findSchool(deps.db.kysely, schoolId);
  if (!school) throw new AppError('not_found');
  const register = await getTrainingRegister(deps, schoolId);
  // Newest first as on the page; the same day keeps the register's order.
  const trainings = [...register.trainings].sort((a, b) => b.heldOn.localeCompare(a.heldOn));
  const slug = slugOf(school.name);
  const file =
    table === 'register'
      ? await spreadsheetFileOf(trainingsTableOf(trainings, locale), format, locale, `scholingen-${slug}`)
      : await spreadsheetFileOf(coverageTableOf(register.coverage, locale), format, locale, `nog-te-trainen-${slug}`);
  const rows = table === 'register' ? register.trainings.length : register.coverage.untrainedOverdue.length + register.coverage.newStaffWithinGrace.length;
  await recordAudit(deps.db.kysely, deps.clock, {
    actorUserId: caller.userId,
    action: 'training.exported',
    targetType: 'school',
    targetId: school.id,
    schoolId: school.id,
    boardId: school.board_id,
    detail: { table, format, rows, ...(format === 'xlsx' ? { language: locale } : {}) },
  });
  return file;
}
