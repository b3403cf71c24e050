import type { Locale } from '../../../shared/roles';
import type { DevelopmentModel, LocalizedText } from '../../../shared/selfscan-model';
import type { ExportColumn, ExportTable } from '../../http/export-table';
import type { RoundResults } from './selfscan.schemas';

// The self-scan's two tables, each described once for its CSV (machine keys and codes: the results as
// `team`/role keys and aspect ids, the ratings in the input format of `groeiwijzer analyse selfscan`) and its
// workbook (Dutch or English headers, role, layer and aspect names, "weet ik niet" in words).

/** The group name of the whole team in the results CSV (role groups use their role key or `other`). */
export const WHOLE_TEAM_GROUP = 'team';

interface SheetTexts {
  resultsSheet: string;
  ratingsSheet: string;
  group: string;
  layer: string;
  aspect: string;
  hidden: string;
  n: string;
  dontKnow: string;
  phase: (phase: string) => string;
  median: string;
  mean: string;
  sd: string;
  rwg: string;
  discuss: string;
  consensusPhase: string;
  respondent: string;
  role: string;
  ratedPhase: string;
  dontKnowAnswer: string;
  /** The whole team, the roles and `other` (the roles too small to show alone). */
  groups: Record<string, string>;
}

const TEXTS: Record<Locale, SheetTexts> = {
  nl: {
    resultsSheet: 'Uitkomsten',
    ratingsSheet: 'Antwoorden',
    group: 'Groep',
    layer: 'Groeilaag',
    aspect: 'Accent',
    hidden: 'Te weinig antwoorden voor cijfers',
    n: 'Aantal antwoorden',
    dontKnow: 'Weet ik niet',
    phase: (phase) => `Fase ${phase}`,
    median: 'Mediaan',
    mean: 'Gemiddelde',
    sd: 'Spreiding (standaardafwijking)',
    rwg: 'Overeenstemming (0-1)',
    discuss: 'Bespreekpunt',
    consensusPhase: 'Samen vastgestelde groeifase',
    respondent: 'Invuller',
    role: 'Rol',
    ratedPhase: 'Gekozen groeifase',
    dontKnowAnswer: 'weet ik niet',
    groups: {
      [WHOLE_TEAM_GROUP]: 'Hele team',
      other: 'Overige',
      school_admin: 'Schoolbeheerder',
      leadership: 'Directie',
      tso_lead: 'TSO-kartrekker',
      teacher: 'Leerkracht',
      care_team: 'Zorgteam',
    },
  },
  en: {
    resultsSheet: 'Results',
    ratingsSheet: 'Answers',
    group: 'Group',
    layer: 'Growth layer',
    aspect: 'Aspect',
    hidden: 'Too few answers for figures',
    n: 'Answers',
    dontKnow: "Don't know",
    phase: (phase) => `Phase ${phase}`,
    median: 'Median',
    mean: 'Mean',
    sd: 'Spread (standard deviation)',
    rwg: 'Agreement (0-1)',
    discuss: 'Discussion point',
    consensusPhase: 'Growth phase agreed together',
    respondent: 'Respondent',
    role: 'Role',
    ratedPhase: 'Growth phase chosen',
    dontKnowAnswer: "don't know",
    groups: {
      [WHOLE_TEAM_GROUP]: 'Whole team',
      other: 'Other',
      school_admin: 'School admin',
      leadership: 'Leadership',
      tso_lead: 'TSO lead',
      teacher: 'Teacher',
      care_team: 'Care team',
    },
  },
};

type ResultsCell = RoundResults['aggregate']['aspects'][number] | RoundResults['aggregate']['groups'][number]['aspects'][number];

/** One row of the results table: a group's figures on one aspect, and the phase the team agreed on. */
export interface ResultsRow {
  group: string;
  cell: ResultsCell;
  consensusPhase: number | null;
}

/** One row of the ratings table: one respondent's answer on one aspect (phase null: "weet ik niet"). */
export interface RatingsRow {
  respondent: string;
  role: string;
  aspect: string;
  phase: number | null;
}

/** Names of the model's layers and aspects by aspect id, in one language. */
function modelNamesOf(model: DevelopmentModel, locale: Locale): { layerIdOf: Map<string, string>; layerNameOf: Map<string, string>; aspectNameOf: Map<string, string> } {
  const text = (value: LocalizedText) => value[locale];
  const layers = model.layers.flatMap((layer) => layer.aspects.map((aspect) => ({ layer, aspect })));
  return {
    layerIdOf: new Map(layers.map(({ layer, aspect }) => [aspect.id, layer.id])),
    layerNameOf: new Map(layers.map(({ layer, aspect }) => [aspect.id, text(layer.name)])),
    aspectNameOf: new Map(layers.map(({ aspect }) => [aspect.id, text(aspect.name)])),
  };
}

/**
 * The aggregates per aspect for the whole team, then each shown role group in the aggregate's order. A hidden
 * cell is a row that says so, without any figure; "weet ik niet" is only given for the whole team.
 */
export function resultsTableOf(results: RoundResults, model: DevelopmentModel, locale: Locale): ExportTable<ResultsRow> {
  const text = TEXTS[locale];
  const names = modelNamesOf(model, locale);
  const consensus = new Map(results.consensus.map((entry) => [entry.aspectId, entry.phase]));
  const rowsOf = (group: string, cells: readonly ResultsCell[]): ResultsRow[] =>
    cells.map((cell) => ({ group, cell, consensusPhase: consensus.get(cell.aspect) ?? null }));
  const figure = (header: string, key: string, kind: 'integer' | 'decimal', value: (cell: Extract<ResultsCell, { hidden: false }>) => number | boolean | null): ExportColumn<ResultsRow> => ({
    key,
    header,
    kind,
    value: ({ cell }) => (cell.hidden ? null : value(cell)),
  });
  return {
    sheet: text.resultsSheet,
    rows: [
      ...rowsOf(WHOLE_TEAM_GROUP, results.aggregate.aspects),
      ...results.aggregate.groups.flatMap((group) => rowsOf(group.group, group.aspects)),
    ],
    columns: [
      { key: 'group', header: text.group, kind: 'text', value: (row) => row.group, shown: (row) => text.groups[row.group] ?? row.group },
      { key: 'layer', header: text.layer, kind: 'text', value: (row) => names.layerIdOf.get(row.cell.aspect) ?? '', shown: (row) => names.layerNameOf.get(row.cell.aspect) ?? '' },
      { key: 'aspect', header: text.aspect, kind: 'text', value: (row) => row.cell.aspect, shown: (row) => names.aspectNameOf.get(row.cell.aspect) ?? row.cell.aspect },
      { key: 'hidden', header: text.hidden, kind: 'yesNo', value: (row) => row.cell.hidden },
      figure(text.n, 'n', 'integer', (cell) => cell.n),
      figure(text.dontKnow, 'dontKnow', 'integer', (cell) => ('dontKnow' in cell ? cell.dontKnow : null)),
      figure(text.phase('1'), 'phase1', 'integer', (cell) => cell.counts['1']),
      figure(text.phase('2'), 'phase2', 'integer', (cell) => cell.counts['2']),
      figure(text.phase('3'), 'phase3', 'integer', (cell) => cell.counts['3']),
      figure(text.phase('4'), 'phase4', 'integer', (cell) => cell.counts['4']),
      figure(text.median, 'median', 'decimal', (cell) => cell.median),
      figure(text.mean, 'mean', 'decimal', (cell) => cell.mean),
      figure(text.sd, 'sd', 'decimal', (cell) => cell.sd),
      figure(text.rwg, 'rwg', 'decimal', (cell) => cell.rwg),
      { key: 'discuss', header: text.discuss, kind: 'yesNo', value: ({ cell }) => (cell.hidden ? null : cell.discuss) },
      { key: 'consensusPhase', header: text.consensusPhase, kind: 'integer', value: (row) => row.consensusPhase },
    ],
  };
}

/**
 * The pseudonymised answers. The CSV keeps the input format of `groeiwijzer analyse selfscan` (header
 * `respondent;role;aspect;phase`, codes); the workbook adds the layer and writes names and "weet ik niet".
 */
export function ratingsTableOf(rows: readonly RatingsRow[], model: DevelopmentModel, locale: Locale): ExportTable<RatingsRow> {
  const text = TEXTS[locale];
  const names = modelNamesOf(model, locale);
  return {
    sheet: text.ratingsSheet,
    rows,
    columns: [
      { key: 'respondent', header: text.respondent, kind: 'text', value: (row) => row.respondent },
      { key: 'role', header: text.role, kind: 'text', value: (row) => row.role, shown: (row) => text.groups[row.role] ?? row.role },
      { header: text.layer, kind: 'text', value: (row) => names.layerIdOf.get(row.aspect) ?? '', shown: (row) => names.layerNameOf.get(row.aspect) ?? '' },
      { key: 'aspect', header: text.aspect, kind: 'text', value: (row) => row.aspect, shown: (row) => names.aspectNameOf.get(row.aspect) ?? row.aspect },
      { key: 'phase', header: text.ratedPhase, kind: 'integer', value: (row) => row.phase, shown: (row) => (row.phase === null ? text.dontKnowAnswer : undefined) },
    ],
  };
}
