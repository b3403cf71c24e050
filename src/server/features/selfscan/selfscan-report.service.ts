import { createHash } from 'node:crypto';
import type { Locale } from '../../../shared/roles';
import { aspectIdsOf } from '../../../shared/selfscan-model';
import { recordAudit } from '../../audit/audit.service';
import type { Deps } from '../../deps';
import { AppError } from '../../errors';
import { type SpreadsheetFormat, spreadsheetFileOf } from '../../http/export-table';
import { findSchool } from '../tenancy/tenancy.repository';
import { exportRolesOf } from './aggregate';
import { getShift } from './selfscan-history.service';
import { type ReportShift, renderSelfscanReportPdf } from './selfscan-report.pdf';
import { ratingsTableOf, resultsTableOf } from './selfscan-report.sheets';
import * as repository from './selfscan.repository';
import type { RoundResults, RoundSummary } from './selfscan.schemas';
import { getModel, getResults, listRounds, minGroupSizeOf, ratingInputsOf, statusOf } from './selfscan.service';
import { schoolDateOf } from '../../../shared/school-time';
import type { StaffCaller } from '../../access/caller';

/** A file to download: its bytes or text, its media type and a suggested file name (ASCII only). */
export interface ExportFile {
  body: Buffer | string;
  contentType: string;
  fileName: string;
}

/** The kinds of export, as written in the audit log. */
export type ExportFormat = 'pdf' | `${'results' | 'ratings'}_${SpreadsheetFormat}`;

/** The round's report as a PDF in the chosen language, for whoever may read the results. */
export async function exportReportPdf(deps: Deps, caller: StaffCaller, schoolId: string, roundId: string, locale: Locale): Promise<ExportFile> {
  const results = await getResults(deps, caller, schoolId, roundId);
  const school = await requireSchool(deps, schoolId);
  const { definition } = await getModel(deps, schoolId, results.round.model.id);
  const shift = await reportShiftOf(deps, caller, schoolId, results.round);
  const body = await renderSelfscanReportPdf({ schoolName: school.name, results, model: definition, shift, generatedAt: deps.clock.now() }, locale);
  await auditExport(deps, caller, school, roundId, 'pdf', { language: locale });
  return { body, contentType: 'application/pdf', fileName: `zelfscan-${slugOf(results.round.name)}.pdf` };
}

/**
 * The shift against the most recent earlier round of the same school and model key, if there is one.
 * When the caller may not read that round's results the shift is withheld, so the report leaks nothing of it.
 */
export async function reportShiftOf(deps: Deps, caller: StaffCaller, schoolId: string, round: RoundSummary): Promise<ReportShift> {
  // Newest first, so the first match is the most recent earlier round.
  // Only a closed round has results to compare with.
  const earlier = (await listRounds(deps, caller, schoolId)).find(
    (candidate) => opensBefore(candidate, round) && candidate.model.key === round.model.key && candidate.status === 'closed',
  );
  if (!earlier) return { kind: 'first' };
  if (!earlier.canSeeResults) return { kind: 'withheld' };
  return { kind: 'shift', shift: await getShift(deps, caller, schoolId, round.id, earlier.id) };
}

// Rounds opening on the same day are ordered by when they were created, as the round list orders them.
function opensBefore(candidate: RoundSummary, round: RoundSummary): boolean {
  if (candidate.id === round.id) return false;
  return candidate.opensOn < round.opensOn || (candidate.opensOn === round.opensOn && candidate.createdAt < round.createdAt);
}

/**
 * The aggregates per aspect for the whole team and each shown role group, as a workbook or CSV, for whoever may
 * read the results: made from the results (getResults), so hidden cells stay hidden and an open round has none.
 */
export async function exportResults(deps: Deps, caller: StaffCaller, schoolId: string, roundId: string, format: SpreadsheetFormat, locale: Locale): Promise<ExportFile> {
  const results = await getResults(deps, caller, schoolId, roundId);
  const school = await requireSchool(deps, schoolId);
  const { definition } = await getModel(deps, schoolId, results.round.model.id);
  const file = await spreadsheetFileOf(resultsTableOf(results, definition, locale), format, locale, `zelfscan-${slugOf(results.round.name)}-uitkomsten`);
  await auditExport(deps, caller, school, roundId, `results_${format}`, format === 'xlsx' ? { language: locale } : {});
  return file;
}

/**
 * Every answer of a closed round for the school admin, as a workbook or CSV: respondents as R1, R2, … in an order
 * that follows neither user ids, names nor the moment of answering; no notes. A role keeps its name only when it
 * is a named group of the results under the same k rule; every other respondent is `other` (everyone, when fewer
 * than k answered), so an answer sheet never belongs to a role of fewer than k people. The route's policy limits
 * it to school admins.
 */
export async function exportRatings(deps: Deps, caller: StaffCaller, schoolId: string, roundId: string, format: SpreadsheetFormat, locale: Locale): Promise<ExportFile> {
  const school = await requireSchool(deps, schoolId);
  const db = deps.db.kysely;
  const round = await repository.findRound(db, schoolId, roundId);
  if (!round) throw new AppError('not_found');
  if (statusOf(round, schoolDateOf(deps.clock.now())) !== 'closed') throw new AppError('round_still_open');
  const { definition } = await getModel(deps, schoolId, round.model_id);
  const aspectIds = aspectIdsOf(definition);
  const aspectOrder = new Map(aspectIds.map((id, index) => [id, index]));
  // The same rows the results are computed from, so the file reproduces them.
  const rows = (await repository.listRatingsOfRound(db, roundId)).filter((row) => aspectOrder.has(row.aspect_id));
  const roles = exportRolesOf(ratingInputsOf(rows), { minGroupSize: await minGroupSizeOf(deps, schoolId), aspectIds });
  const pseudonyms = pseudonymsOf(roundId, rows.map((row) => row.response_id));
  const sorted = rows
    .map((row) => ({ respondent: pseudonyms.get(row.response_id)!, rank: pseudonymRank(pseudonyms.get(row.response_id)!), row }))
    .sort((a, b) => a.rank - b.rank || aspectOrder.get(a.row.aspect_id)! - aspectOrder.get(b.row.aspect_id)!)
    .map(({ respondent, row }) => ({ respondent, role: roles.get(row.response_id)!, aspect: row.aspect_id, phase: row.phase }));
  const file = await spreadsheetFileOf(ratingsTableOf(sorted, definition, locale), format, locale, `zelfscan-${slugOf(round.name)}-antwoorden`);
  await auditExport(deps, caller, school, roundId, `ratings_${format}`, { respondents: pseudonyms.size, ...(format === 'xlsx' ? { language: locale } : {}) });
  return file;
}

/**
 * Pseudonyms R1, R2, … for the responses of a round, numbered in the order of a hash of round id and
 * response id: stable for one round, unrelated to who answered or when, and different in every round.
 */
export function pseudonymsOf(roundId: string, responseIds: Iterable<string>): Map<string, string> {
  const keyed = [...new Set(responseIds)].map((id) => ({ id, key: createHash('sha256').update(`${roundId}\u0000${id}`).digest('hex') }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return new Map(keyed.map((entry, index) => [entry.id, `R${index + 1}`]));
}

function pseudonymRank(pseudonym: string): number {
  return Number(pseudonym.slice(1));
}

/** A file-name-safe version of a name: ASCII letters and digits joined by hyphens (accents dropped). */
export function slugOf(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug === '' ? 'ronde' : slug;
}

async function auditExport(
  deps: Deps,
  caller: StaffCaller,
  school: { id: string; board_id: string },
  roundId: string,
  format: ExportFormat,
  extra: Record<string, unknown> = {},
): Promise<void> {
  await recordAudit(deps.db.kysely, deps.clock, {
    actorUserId: caller.userId,
    action: 'selfscan.exported',
    targetType: 'selfscan_round',
    targetId: roundId,
    schoolId: school.id,
    boardId: school.board_id,
    detail: { format, ...extra },
  });
}

async function requireSchool(deps: Deps, schoolId: string) {
  const school = await findSchool(deps.db.kysely, schoolId);
  if (!school) throw new AppError('not_found');
  return school;
}
