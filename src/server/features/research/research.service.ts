import { createHmac, randomBytes } from 'node:crypto';
import type { StaffCaller } from '../../access/caller';
import { responseScaleOf, scaleScore } from '../../../shared/questionnaire-instrument';
import { type TrainingSide, trainingSideOf } from '../../../shared/questionnaire-waves';
import type { Locale } from '../../../shared/roles';
import { schoolTodayAt } from '../../../shared/school-time';
import { recordAudit } from '../../audit/audit.service';
import { type Deps, isoInstant, newId } from '../../deps';
import { AppError } from '../../errors';
import type { ExportFile } from '../../http/export-reply';
import { type ExportColumn, SPREADSHEET_CONTENT_TYPES, tableToCsv } from '../../http/export-table';
import { instrumentCatalogueOf, newestVersionOf } from '../questionnaires/instrument-catalogue';
import * as waves from '../questionnaires/questionnaire-waves.repository';
import { slugOf } from '../selfscan/selfscan-report.service';
import { findPupil } from '../pupils/pupils.repository';
import { findSchool } from '../tenancy/tenancy.repository';
import * as repository from './research.repository';
import type { ResearchOverview, Study } from './research.schemas';

// The research export (issue 13): for a study the school joins, every closed wave's answers to one instrument as
// CSV, with a codebook. A respondent is a pseudonym made with the study's own key (HMAC-SHA256), so the same
// person has the same pseudonym in every file of one study and unrelated ones in two studies, and nobody without
// the key — which never leaves the server — can link it back. Quasi-identifiers are coarsened (year of birth,
// school type; no names, dates of birth or classes); pupils who objected are left out. Every file is audited.

const KEY_BYTES = 32;
const PSEUDONYM_HEX = 16;

/** The studies, the instruments that can be exported and the objections, for the school's data steward. */
export async function getResearchOverview(deps: Deps, schoolId: string): Promise<ResearchOverview> {
  const db = deps.db.kysely;
  const closed = await waves.listClosedWaves(db, schoolId, schoolTodayAt(deps.clock.now()).today);
  const asked = await waves.listWaveInstruments(db, closed.map((wave) => wave.id));
  const instrumentIds = [...new Set(asked.map((entry) => entry.instrument_id))].sort();
  const catalogue = await instrumentCatalogueOf(db, schoolId);
  return {
    studies: (await repository.listStudies(db, schoolId)).map((study) => ({ id: study.id, name: study.name, createdAt: study.created_at })),
    instruments: instrumentIds.map((id) => {
      const entries = asked.filter((entry) => entry.instrument_id === id);
      const newest = newestVersionOf(entries.map((entry) => catalogue.of(id, entry.instrument_version)));
      return { id, name: newest.name, waves: entries.length };
    }),
    objections: (await repository.listObjections(db, schoolId)).map((row) => ({ pupilId: row.pupil_id, name: `${row.first_name} ${row.last_name}`, recordedOn: row.created_at.slice(0, 10) })),
  };
}

/** Adds a study with a new random key, stored encrypted. */
export async function createStudy(deps: Deps, caller: StaffCaller, schoolId: string, name: string): Promise<Study> {
  const school = await findSchool(deps.db.kysely, schoolId);
  if (!school) throw new AppError('not_found');
  const id = newId();
  const keyEncrypted = await deps.fieldCrypto.encrypt({ table: 'research_studies', column: 'key_encrypted', rowId: id }, randomBytes(KEY_BYTES).toString('base64'));
  const createdAt = isoInstant(deps.clock.now());
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repository.insertStudy(trx, { id, school_id: schoolId, name, key_encrypted: keyEncrypted, created_by: caller.userId, created_at: createdAt });
    await recordAudit(trx, deps.clock, { actorUserId: caller.userId, action: 'research.study_created', targetType: 'research_study', targetId: id, schoolId, boardId: school.board_id });
  });
  return { id, name, createdAt };
}

/** Records or withdraws a pupil's objection to research; 404 for a pupil of another school. */
export async function setObjection(deps: Deps, caller: StaffCaller, schoolId: string, pupilId: string, objects: boolean): Promise<void> {
  const db = deps.db.kysely;
  const school = await findSchool(db, schoolId);
  if (!school || !(await findPupil(db, schoolId, pupilId))) throw new AppError('not_found');
  await db.transaction().execute(async (trx) => {
    const changed = objects
      ? await repository.insertObjection(trx, { pupil_id: pupilId, school_id: schoolId, recorded_by: caller.userId, created_at: isoInstant(deps.clock.now()) })
      : await repository.deleteObjection(trx, pupilId);
    if (changed) {
      await recordAudit(trx, deps.clock, { actorUserId: caller.userId, action: 'research.objection_changed', targetType: 'pupil', targetId: pupilId, schoolId, boardId: school.board_id, detail: { objects } });
    }
  });
}

/** One respondent's pseudonym in a study: the first 64 bits of HMAC-SHA256(study key, kind:id), as P + hex. */
export function pseudonymOf(studyKey: string, respondentKind: string, respondentId: string): string {
  return `P${createHmac('sha256', Buffer.from(studyKey, 'base64')).update(`${respondentKind}:${respondentId}`).digest('hex').slice(0, PSEUDONYM_HEX)}`;
}

interface AnswerRow {
  pseudonym: string;
  respondent: 'teacher' | 'pupil';
  wave: string;
  opensOn: string;
  training: TrainingSide;
  birthYear: number | null;
  answers: Record<string, number>;
  scores: Record<string, number | null>;
}

/** Every closed wave's answers to an instrument for a study, as CSV (pupils who objected left out); audited. */
export async function exportStudyAnswers(deps: Deps, caller: StaffCaller, schoolId: string, studyId: string, instrumentId: string): Promise<ExportFile> {
  const db = deps.db.kysely;
  const { school, study, key } = await studyOf(deps, schoolId, studyId);
  const { closed, versionOf } = await versionsAskedIn(deps, schoolId, instrumentId);
  const newest = newestVersionOf([...versionOf.values()]);
  const trainingOn = await waves.findTeamTrainingDay(db, schoolId);
  const responses = (await waves.listResponsesOfWaves(db, [...versionOf.keys()])).filter((response) => response.instrument_id === instrumentId);
  const objecting = await repository.listObjectingPupilIds(db, schoolId);
  const kept = responses.filter((response) => !(response.respondent_kind === 'pupil' && objecting.has(response.respondent_id)));
  const birthYears = await repository.birthYearsOf(db, kept.filter((response) => response.respondent_kind === 'pupil').map((response) => response.respondent_id));
  const waveById = new Map(closed.map((wave) => [wave.id, wave]));

  const rows: AnswerRow[] = kept
    .map((response) => {
      const wave = waveById.get(response.wave_id)!;
      const instrument = versionOf.get(response.wave_id)!;
      const answers = JSON.parse(response.answers) as Record<string, number>;
      const given = new Map(Object.entries(answers));
      return {
        pseudonym: pseudonymOf(key, response.respondent_kind, response.respondent_id),
        respondent: response.respondent_kind === 'pupil' ? ('pupil' as const) : ('teacher' as const),
        wave: wave.name,
        opensOn: wave.opens_on,
        training: trainingSideOf(wave.opens_on, trainingOn),
        birthYear: response.respondent_kind === 'pupil' ? (birthYears.get(response.respondent_id) ?? null) : null,
        answers,
        scores: Object.fromEntries(newest.scales.map((scale) => {
          const own = instrument.scales.find((candidate) => candidate.id === scale.id);
          return [scale.id, own ? scaleScore(instrument, own, given) : null];
        })),
      };
    })
    // Ordered by wave, then pseudonym: nothing of the order in which people answered.
    .sort((a, b) => a.opensOn.localeCompare(b.opensOn) || a.wave.localeCompare(b.wave) || a.pseudonym.localeCompare(b.pseudonym));

  const columns: ExportColumn<AnswerRow>[] = [
    ...FIXED_COLUMNS.map((column) => ({ key: column.key, header: column.key, kind: column.kind, value: (row: AnswerRow) => column.value(row, school.kind) })),
    ...newest.items.map((item) => ({ key: item.id, header: item.id, kind: 'integer' as const, value: (row: AnswerRow) => row.answers[item.id] ?? null })),
    ...newest.scales.map((scale) => ({ key: `score.${scale.id}`, header: `score.${scale.id}`, kind: 'decimal' as const, value: (row: AnswerRow) => row.scores[scale.id] ?? null })),
  ];
  const body = tableToCsv({ sheet: 'antwoorden', columns, rows });
  await recordAudit(db, deps.clock, {
    actorUserId: caller.userId,
    action: 'research.exported',
    targetType: 'research_study',
    targetId: study.id,
    schoolId,
    boardId: school.board_id,
    detail: { file: 'answers', instrumentId, rows: rows.length, persons: new Set(rows.map((row) => row.pseudonym)).size, pupilsLeftOut: objecting.size },
  });
  return { body, contentType: SPREADSHEET_CONTENT_TYPES.csv, fileName: `onderzoek-${slugOf(study.name)}-${instrumentId}.csv` };
}

/** What each column of the answers file means, the items' texts and answers in `locale`, as CSV; audited. */
export async function exportCodebook(deps: Deps, caller: StaffCaller, schoolId: string, studyId: string, instrumentId: string, locale: Locale): Promise<ExportFile> {
  const db = deps.db.kysely;
  const { school, study } = await studyOf(deps, schoolId, studyId);
  const instrument = newestVersionOf([...(await versionsAskedIn(deps, schoolId, instrumentId)).versionOf.values()]);
  const entries: CodebookRow[] = [
    ...FIXED_COLUMNS.map((column) => ({ column: column.key, meaning: column.meaning[locale], values: column.values[locale] })),
    ...instrument.items.map((item) => ({
      column: item.id,
      meaning: item.text[locale],
      values: [
        responseScaleOf(instrument, item).options.map((option) => `${option.value} = ${option.label[locale]}`).join('; '),
        item.reverse ? (locale === 'nl' ? 'omgekeerd gescoord' : 'reverse-scored') : '',
      ].filter(Boolean).join(' — '),
    })),
    ...instrument.scales.map((scale) => ({
      column: `score.${scale.id}`,
      meaning: scale.name[locale],
      values:
        locale === 'nl'
          ? `${scale.scoring === 'mean' ? 'gemiddelde' : 'som'} van ${scale.items.join(', ')} (omgekeerde items omgedraaid), met minstens ${scale.minAnswered} antwoorden; leeg met minder`
          : `${scale.scoring} of ${scale.items.join(', ')} (reversed items turned round), from at least ${scale.minAnswered} answers; empty with fewer`,
    })),
  ];
  const body = tableToCsv({
    sheet: 'codeboek',
    columns: [
      { key: 'column', header: 'column', kind: 'text', value: (row: CodebookRow) => row.column },
      { key: 'meaning', header: 'meaning', kind: 'text', value: (row: CodebookRow) => row.meaning },
      { key: 'values', header: 'values', kind: 'text', value: (row: CodebookRow) => row.values },
    ],
    rows: entries,
  });
  await recordAudit(db, deps.clock, {
    actorUserId: caller.userId,
    action: 'research.exported',
    targetType: 'research_study',
    targetId: study.id,
    schoolId,
    boardId: school.board_id,
    detail: { file: 'codebook', instrumentId, language: locale },
  });
  return { body, contentType: SPREADSHEET_CONTENT_TYPES.csv, fileName: `onderzoek-${slugOf(study.name)}-${instrumentId}-codeboek.csv` };
}

interface CodebookRow {
  column: string;
  meaning: string;
  values: string;
}

/** The columns before the items, with what the codebook says of them. */
const FIXED_COLUMNS: readonly {
  key: string;
  kind: 'text' | 'integer' | 'date';
  value: (row: AnswerRow, schoolKind: string) => string | number | null;
  meaning: Record<Locale, string>;
  values: Record<Locale, string>;
}[] = [
  {
    key: 'pseudonym',
    kind: 'text',
    value: (row) => row.pseudonym,
    meaning: { nl: 'Pseudoniem van de invuller, vast binnen dit onderzoek', en: "The respondent's pseudonym, the same throughout this study" },
    values: { nl: 'P + 16 hexadecimale tekens', en: 'P + 16 hexadecimal characters' },
  },
  {
    key: 'respondent',
    kind: 'text',
    value: (row) => row.respondent,
    meaning: { nl: 'Wie invulde', en: 'Who answered' },
    values: { nl: 'teacher = leerkracht; pupil = leerling', en: 'teacher; pupil' },
  },
  { key: 'wave', kind: 'text', value: (row) => row.wave, meaning: { nl: 'Naam van de meting', en: 'Name of the wave' }, values: { nl: 'tekst', en: 'text' } },
  {
    key: 'wave_opens_on',
    kind: 'date',
    value: (row) => row.opensOn,
    meaning: { nl: 'Dag waarop de meting openging', en: 'Day the wave opened' },
    values: { nl: 'JJJJ-MM-DD', en: 'YYYY-MM-DD' },
  },
  {
    key: 'training',
    kind: 'text',
    value: (row) => row.training,
    meaning: { nl: 'Meting vóór of na de eerste teamscholing van de school', en: "Wave before or after the school's first team training" },
    values: { nl: 'before = vóór; after = na', en: 'before; after' },
  },
  {
    key: 'school_type',
    kind: 'text',
    value: (_, schoolKind) => schoolKind,
    meaning: { nl: 'Soort school', en: 'Type of school' },
    values: {
      nl: 'primary = basisonderwijs; special_primary = speciaal basisonderwijs; special = speciaal onderwijs; secondary = voortgezet onderwijs; special_secondary = voortgezet speciaal onderwijs',
      en: 'primary; special_primary (special primary); special (special education); secondary; special_secondary (special secondary)',
    },
  },
  {
    key: 'birth_year',
    kind: 'integer',
    value: (row) => row.birthYear,
    meaning: { nl: 'Geboortejaar (alleen leerlingen; nooit de geboortedatum)', en: 'Year of birth (pupils only; never the date of birth)' },
    values: { nl: 'jaartal; leeg voor leerkrachten of onbekend', en: 'year; empty for teachers or when unknown' },
  },
];

/** The school's closed waves, and per wave that asked the instrument the version it asked; 404 when none did. */
async function versionsAskedIn(deps: Deps, schoolId: string, instrumentId: string) {
  const db = deps.db.kysely;
  const closed = await waves.listClosedWaves(db, schoolId, schoolTodayAt(deps.clock.now()).today);
  const asked = (await waves.listWaveInstruments(db, closed.map((wave) => wave.id))).filter((entry) => entry.instrument_id === instrumentId);
  if (asked.length === 0) throw new AppError('not_found');
  const catalogue = await instrumentCatalogueOf(db, schoolId);
  return { closed, versionOf: new Map(asked.map((entry) => [entry.wave_id, catalogue.of(instrumentId, entry.instrument_version)])) };
}

async function studyOf(deps: Deps, schoolId: string, studyId: string) {
  const db = deps.db.kysely;
  const school = await findSchool(db, schoolId);
  const study = await repository.findStudy(db, schoolId, studyId);
  if (!school || !study) throw new AppError('not_found');
  const key = await deps.fieldCrypto.decrypt({ table: 'research_studies', column: 'key_encrypted', rowId: study.id }, study.key_encrypted);
  return { school, study, key };
}
