import type { Locale } from '../../../shared/roles';
import type { Deps } from '../../deps';
import { AppError } from '../../errors';
import { type ExportTable, type SpreadsheetFormat, spreadsheetFileOf } from '../../http/export-table';
import type { ExportFile } from '../../http/export-reply';
import { findBoard } from '../tenancy/tenancy.repository';
import type { BoardSelfscan } from './selfscan-history.schemas';
import { auditBoardSelfscanRead, computeBoardSelfscan } from './selfscan-board.service';
import { slugOf } from './selfscan-report.service';

// The board's self-scan view as a download: the same schools and the same agreed phases as the page (only of
// schools that share, from their latest closed round with consensus that at least k people answered). One row per
// school and aspect, so a spreadsheet can filter and pivot; a school without placements has one row saying why.
// Recorded like a look at the page (selfscan.board_view_read), with the file's format.

/** Why a school has placements in the view or not. */
export type BoardSelfscanState = 'shown' | 'not_shared' | 'no_phases';

/** One row: a school, and for a school with placements one aspect of its latest round. */
export interface BoardSelfscanRow {
  schoolName: string;
  state: BoardSelfscanState;
  round: { name: string; opensOn: string; closesOn: string } | null;
  aspect: { id: string; name: string; layerId: string; layerName: string } | null;
  phase: number | null;
  phaseName: string | null;
}

interface Texts {
  sheet: string;
  school: string;
  state: string;
  states: Record<BoardSelfscanState, string>;
  round: string;
  opensOn: string;
  closesOn: string;
  layer: string;
  aspect: string;
  phase: string;
  phaseName: string;
}

const TEXTS: Record<Locale, Texts> = {
  nl: {
    sheet: 'Zelfscan per school',
    school: 'School',
    state: 'Stand',
    states: { shown: 'Gedeeld', not_shared: 'Niet gedeeld met het bestuur', no_phases: 'Gedeeld, maar nog geen groeifasen vastgesteld' },
    round: 'Ronde',
    opensOn: 'Ronde geopend op',
    closesOn: 'Ronde gesloten op',
    layer: 'Groeilaag',
    aspect: 'Accent',
    phase: 'Vastgestelde groeifase',
    phaseName: 'Naam van de groeifase',
  },
  en: {
    sheet: 'Self-scan per school',
    school: 'School',
    state: 'State',
    states: { shown: 'Shared', not_shared: 'Not shared with the board', no_phases: 'Shared, but no growth phases agreed yet' },
    round: 'Round',
    opensOn: 'Round opened on',
    closesOn: 'Round closed on',
    layer: 'Growth layer',
    aspect: 'Aspect',
    phase: 'Agreed growth phase',
    phaseName: 'Name of the growth phase',
  },
};

/** The view's rows in the reader's language: per school its aspects in model order, or one row saying why not. */
export function boardSelfscanRowsOf(view: BoardSelfscan, locale: Locale): BoardSelfscanRow[] {
  return view.schools.flatMap((school): BoardSelfscanRow[] => {
    const latest = school.latest;
    if (!latest) {
      return [{ schoolName: school.schoolName, state: school.isShared ? 'no_phases' : 'not_shared', round: null, aspect: null, phase: null, phaseName: null }];
    }
    const round = { name: latest.round.name, opensOn: latest.round.opensOn, closesOn: latest.round.closesOn };
    return latest.aspects.map((aspect) => ({
      schoolName: school.schoolName,
      state: 'shown',
      round,
      aspect: { id: aspect.aspectId, name: aspect.name[locale], layerId: aspect.layerId, layerName: aspect.layerName[locale] },
      phase: aspect.phase,
      phaseName: aspect.phase === null ? null : (latest.phaseNames[String(aspect.phase) as '1' | '2' | '3' | '4']?.[locale] ?? null),
    }));
  });
}

/** The rows as a table: codes (aspect and layer ids, the state) in the CSV, names in the workbook. */
export function boardSelfscanTableOf(rows: readonly BoardSelfscanRow[], locale: Locale): ExportTable<BoardSelfscanRow> {
  const text = TEXTS[locale];
  return {
    sheet: text.sheet,
    rows,
    columns: [
      { key: 'school', header: text.school, kind: 'text', value: (row) => row.schoolName },
      { key: 'state', header: text.state, kind: 'text', value: (row) => row.state, shown: (row) => text.states[row.state] },
      { key: 'round', header: text.round, kind: 'text', value: (row) => row.round?.name ?? null },
      { key: 'opensOn', header: text.opensOn, kind: 'date', value: (row) => row.round?.opensOn ?? null },
      { key: 'closesOn', header: text.closesOn, kind: 'date', value: (row) => row.round?.closesOn ?? null },
      { key: 'layer', header: text.layer, kind: 'text', value: (row) => row.aspect?.layerId ?? null, shown: (row) => row.aspect?.layerName ?? null },
      { key: 'aspect', header: text.aspect, kind: 'text', value: (row) => row.aspect?.id ?? null, shown: (row) => row.aspect?.name ?? null },
      { key: 'phase', header: text.phase, kind: 'integer', value: (row) => row.phase },
      // Only for people: the CSV has the phase number.
      { header: text.phaseName, kind: 'text', value: () => null, shown: (row) => row.phaseName },
    ],
  };
}

/** The board's self-scan view as a workbook (for people, in the chosen language) or CSV (for machines). */
export async function exportBoardSelfscan(deps: Deps, actorUserId: string, boardId: string, format: SpreadsheetFormat, locale: Locale): Promise<ExportFile> {
  const board = await findBoard(deps.db.kysely, boardId);
  if (!board) throw new AppError('not_found');
  const view = await computeBoardSelfscan(deps, boardId);
  const table = boardSelfscanTableOf(boardSelfscanRowsOf(view, locale), locale);
  const file = await spreadsheetFileOf(table, format, locale, ['zelfscan-per-school', slugOf(board.name)].filter((part) => part !== '').join('-'));
  await auditBoardSelfscanRead(deps, actorUserId, boardId, view, { format, ...(format === 'xlsx' ? { language: locale } : {}) });
  return file;
}
