import type { Locale } from '../../../shared/roles';
import type { Deps } from '../../deps';
import { type ExportTable, type SpreadsheetFormat, spreadsheetFileOf } from '../../http/export-table';
import type { ExportFile } from '../../http/export-reply';
import { findBoard } from '../tenancy/tenancy.repository';
import { slugOf } from '../selfscan/selfscan-report.service';
import { planCodeLabelsOf } from './plan-export.pdf';
import { auditRollupRead, computeBoardPlanRollup } from './plan-board.service';
import type { BoardPlanRollup } from './plan.schemas';
import { AppError } from '../../errors';

// The board's roll-up of its schools' plans as a download: the same schools (only those that share their plan
// with the board) and the same figures as the page. Recorded like a look at the page (plan.board_rollup_read),
// with the file's format.

type RollupRow = BoardPlanRollup['schools'][number];

interface Texts {
  sheet: string;
  school: string;
  phase: string;
  schoolYear: string;
  goalsAchieved: string;
  goalsTotal: string;
  overdueActions: string;
  currentStaff: string;
  fullyTrained: string;
  trainedShare: string;
}

const TEXTS: Record<Locale, Texts> = {
  nl: {
    sheet: 'Implementatieplannen',
    school: 'School',
    phase: 'Fase',
    schoolYear: 'Schooljaar',
    goalsAchieved: 'Doelen behaald',
    goalsTotal: 'Doelen dit schooljaar',
    overdueActions: 'Acties over de datum',
    currentStaff: 'Medewerkers',
    fullyTrained: 'Volledig getraind',
    trainedShare: 'Aandeel volledig getraind',
  },
  en: {
    sheet: 'Implementation plans',
    school: 'School',
    phase: 'Phase',
    schoolYear: 'School year',
    goalsAchieved: 'Goals achieved',
    goalsTotal: 'Goals this school year',
    overdueActions: 'Actions past their date',
    currentStaff: 'Staff',
    fullyTrained: 'Fully trained',
    trainedShare: 'Share fully trained',
  },
};

/** One row per school that shares its plan: phase, goals, overdue actions and training coverage. */
export function boardRollupTableOf(rollup: BoardPlanRollup, locale: Locale): ExportTable<RollupRow> {
  const text = TEXTS[locale];
  const { phase } = planCodeLabelsOf(locale);
  return {
    sheet: text.sheet,
    rows: rollup.schools,
    columns: [
      { key: 'school', header: text.school, kind: 'text', value: (row) => row.name },
      { key: 'phase', header: text.phase, kind: 'text', value: (row) => row.currentPhase, shown: (row) => (row.currentPhase ? phase[row.currentPhase] : null) },
      { key: 'schoolYear', header: text.schoolYear, kind: 'text', value: (row) => row.schoolYear },
      { key: 'goalsAchieved', header: text.goalsAchieved, kind: 'integer', value: (row) => row.goalsAchieved },
      { key: 'goalsTotal', header: text.goalsTotal, kind: 'integer', value: (row) => row.goalsTotal },
      { key: 'overdueActions', header: text.overdueActions, kind: 'integer', value: (row) => row.overdueActions },
      { key: 'currentStaff', header: text.currentStaff, kind: 'integer', value: (row) => row.training.currentStaff },
      { key: 'fullyTrained', header: text.fullyTrained, kind: 'integer', value: (row) => row.training.fullyTrained },
      { key: 'trainedShare', header: text.trainedShare, kind: 'percent', value: (row) => row.training.share },
    ],
  };
}

/** The roll-up as a workbook (for people, in the chosen language) or CSV (for machines). */
export async function exportBoardRollup(deps: Deps, actorUserId: string, boardId: string, format: SpreadsheetFormat, locale: Locale): Promise<ExportFile> {
  const board = await findBoard(deps.db.kysely, boardId);
  if (!board) throw new AppError('not_found');
  const rollup = await computeBoardPlanRollup(deps, boardId);
  const file = await spreadsheetFileOf(boardRollupTableOf(rollup, locale), format, locale, ['implementatieplannen', slugOf(board.name)].filter((part) => part !== '').join('-'));
  await auditRollupRead(deps, actorUserId, boardId, rollup, { format, ...(format === 'xlsx' ? { language: locale } : {}) });
  return file;
}
