import type { Kysely } from 'kysely';
import { PULSE_LIMITS } from '../../../shared/pulse';
import { addDays, schoolDateOf } from '../../../shared/school-time';
import { answerProblems, type Instrument } from '../../../shared/questionnaire-instrument';
import type { StaffCaller } from '../../access/caller';
import { type AuditAction, recordAudit } from '../../audit/audit.service';
import type { Database } from '../../db/database';
import { isUniqueViolation } from '../../db/db-errors';
import { type Deps, isoInstant, newId } from '../../deps';
import { AppError } from '../../errors';
import { minGroupSizeOfSchool } from '../tenancy/tenancy.repository';
import { pulseResults } from './pulse-figures';
import * as repository from './pulse.repository';
import { type ClosedPulse, type PulseAnswered, type PulseHelp, type PulseInstrument, type PulseOverview, type PulsePeriod } from './pulse.schemas';
import { currentTeamInstrument, teamInstrumentOf } from './team-instruments';

// The staff wellbeing pulse (issue 17). Leadership plans pulses; every staff member answers the open one once. The
// answers are stored without any link to the person (SECURITY.md, "The wellbeing pulse"): the vote row says only
// THAT someone answered, the counters only HOW OFTEN each answer was given, and both are written in one transaction.
// Figures exist only for a closed pulse (a figure that changed with every answer would show each answer as it came
// in) and only under the k rule. Answering is not audited: an audit row would pair a person with a moment, and
// nothing about the answers needs it. Planning, closing, removing and the help texts are audited without text.

/** Days between the opening of two pulses in the suggested rhythm, and how long a suggested pulse stays open. */
const RHYTHM_DAYS = 42;
const SUGGESTED_OPEN_DAYS = 14;

type PulseRow = NonNullable<Awaited<ReturnType<typeof repository.findPulse>>>;
type PulseState = 'planned' | 'open' | 'closed';

// ---------- reading ----------

/** What the pulse page shows the caller: the open pulse and whether they answered, the planned ones, the trend. */
export async function getOverview(deps: Deps, caller: StaffCaller, schoolId: string): Promise<PulseOverview> {
  const db = deps.db.kysely;
  const today = schoolDateOf(deps.clock.now());
  const [rows, settings, k] = await Promise.all([repository.listPulses(db, schoolId), repository.findSettings(db, schoolId), minGroupSizeOfSchool(db, schoolId)]);
  const open = rows.find((row) => stateOf(row, today) === 'open');
  const closedRows = rows.filter((row) => stateOf(row, today) === 'closed');
  const closedIds = closedRows.map((row) => row.id);
  const [votes, counts] = await Promise.all([repository.voteCounts(db, closedIds), repository.listCounts(db, closedIds)]);
  const closed = closedRows.map((row): ClosedPulse => {
    const voted = votes.get(row.id) ?? 0;
    const ofPulse = counts.filter((count) => count.pulse_id === row.id).map((count) => ({ itemId: count.item_id, value: count.value, count: count.count }));
    const results = pulseResults(teamInstrumentOf(row.instrument_id, row.instrument_version), ofPulse, voted, k);
    return { ...periodOf(row), votes: results.isLargeEnough ? voted : null, ...results };
  });
  return {
    minGroupSize: k,
    instrument: instrumentView(currentTeamInstrument('staff-pulse')),
    help: { contacts: settings?.help_contacts ?? null, companyDoctor: settings?.help_company_doctor ?? null, confidant: settings?.help_confidant ?? null },
    open: open ? { ...periodOf(open), hasAnswered: await repository.hasVoted(db, open.id, caller.userId) } : null,
    planned: rows.filter((row) => stateOf(row, today) === 'planned').map(periodOf),
    closed,
    suggestion: suggestedPeriod(rows, today),
  };
}

// ---------- planning ----------

/** Plans a pulse: from today or later, at most eight weeks long, not overlapping another pulse of the school. */
export async function planPulse(deps: Deps, caller: StaffCaller, schoolId: string, period: { opensOn: string; closesOn: string }): Promise<PulsePeriod> {
  const today = schoolDateOf(deps.clock.now());
  if (period.opensOn < today) throw new AppError('validation_failed', { fields: { 'body.opensOn': ['in_the_past'] } });
  if (period.closesOn < period.opensOn) throw new AppError('validation_failed', { fields: { 'body.closesOn': ['before_opens'] } });
  if (period.closesOn > addDays(period.opensOn, PULSE_LIMITS.openDays - 1)) throw new AppError('validation_failed', { fields: { 'body.closesOn': ['too_long'] } });
  const rows = await repository.listPulses(deps.db.kysely, schoolId);
  if (rows.some((row) => period.opensOn <= lastDayOf(row) && row.opens_on <= period.closesOn)) throw new AppError('pulse_overlaps');
  const instrument = currentTeamInstrument('staff-pulse');
  const row = {
    id: newId(),
    school_id: schoolId,
    instrument_id: instrument.id,
    instrument_version: instrument.version,
    opens_on: period.opensOn,
    closes_on: period.closesOn,
    closed_on: null,
    created_by: caller.userId,
    created_at: isoInstant(deps.clock.now()),
  };
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repository.insertPulse(trx, row, countersOf(instrument, row.id));
    await audit(trx, deps, caller, schoolId, row.id, 'team.pulse_planned', { opensOn: row.opens_on, closesOn: row.closes_on });
  });
  return periodOf(row);
}

/** Closes the open pulse today, so its figures (under the k rule) can be shown. */
export async function closePulse(deps: Deps, caller: StaffCaller, schoolId: string, pulseId: string): Promise<PulsePeriod> {
  const row = await requirePulse(deps, schoolId, pulseId);
  const today = schoolDateOf(deps.clock.now());
  if (stateOf(row, today) !== 'open') throw new AppError('pulse_not_open');
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repository.closePulse(trx, schoolId, row.id, today);
    await audit(trx, deps, caller, schoolId, row.id, 'team.pulse_closed', { closesOn: row.closes_on });
  });
  return periodOf({ ...row, closed_on: today });
}

/** Removes a planned pulse that has not opened yet (one with answers is never removed). */
export async function removePulse(deps: Deps, caller: StaffCaller, schoolId: string, pulseId: string): Promise<void> {
  const row = await requirePulse(deps, schoolId, pulseId);
  if (stateOf(row, schoolDateOf(deps.clock.now())) !== 'planned') throw new AppError('pulse_already_started');
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repository.deletePulse(trx, schoolId, row.id);
    await audit(trx, deps, caller, schoolId, row.id, 'team.pulse_removed', { opensOn: row.opens_on });
  });
}

/** Sets where staff find help; an empty text brings back the default. */
export async function setHelp(deps: Deps, caller: StaffCaller, schoolId: string, help: PulseHelp): Promise<PulseHelp> {
  const ownText = (text: string | null) => (text !== null && text.trim() !== '' ? text : null);
  const stored = { contacts: ownText(help.contacts), companyDoctor: ownText(help.companyDoctor), confidant: ownText(help.confidant) };
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repository.saveSettings(trx, {
      school_id: schoolId,
      help_contacts: stored.contacts,
      help_company_doctor: stored.companyDoctor,
      help_confidant: stored.confidant,
      updated_by: caller.userId,
      updated_at: isoInstant(deps.clock.now()),
    });
    await recordAudit(trx, deps.clock, {
      actorUserId: caller.userId,
      action: 'team.pulse_help_changed',
      targetType: 'school',
      targetId: schoolId,
      schoolId,
      boardId: caller.schoolBoardId ?? null,
      detail: { ownTexts: Object.values(stored).filter((text) => text !== null).length },
    });
  });
  return stored;
}

// ---------- answering ----------

/**
 * Counts the caller's answers to the open pulse, once. The vote row and the counters are written in one transaction
 * and share nothing but the pulse: a second answer breaks the vote's primary key and rolls both back.
 */
export async function answerPulse(deps: Deps, caller: StaffCaller, schoolId: string, pulseId: string, given: Record<string, number>): Promise<PulseAnswered> {
  const row = await requirePulse(deps, schoolId, pulseId);
  if (stateOf(row, schoolDateOf(deps.clock.now())) !== 'open') throw new AppError('pulse_not_open');
  const answers = new Map(Object.entries(given));
  const problems = answerProblems(teamInstrumentOf(row.instrument_id, row.instrument_version), answers);
  if (Object.keys(problems).length > 0) {
    throw new AppError('validation_failed', { fields: Object.fromEntries(Object.keys(problems).map((itemId) => [`body.answers.${itemId}`, ['not_an_answer']])) });
  }
  if (await repository.hasVoted(deps.db.kysely, row.id, caller.userId)) throw new AppError('pulse_already_answered');
  try {
    await deps.db.kysely.transaction().execute(async (trx) => {
      await repository.insertVote(trx, row.id, caller.userId);
      await repository.countAnswers(trx, row.id, answers);
    });
  } catch (error) {
    // Two requests of one person at the same moment: the second breaks the primary key.
    if (isUniqueViolation(error)) throw new AppError('pulse_already_answered');
    throw error;
  }
  return { hasAnswered: true };
}

// ---------- rules and shapes ----------

function stateOf(row: Pick<PulseRow, 'opens_on' | 'closes_on' | 'closed_on'>, today: string): PulseState {
  if (row.closed_on !== null || today > row.closes_on) return 'closed';
  return today < row.opens_on ? 'planned' : 'open';
}

// The last day a pulse could be answered: its closing day, or the day it was closed early.
function lastDayOf(row: Pick<PulseRow, 'closes_on' | 'closed_on'>): string {
  return row.closed_on ?? row.closes_on;
}

function periodOf(row: Pick<PulseRow, 'id' | 'opens_on' | 'closes_on' | 'closed_on'>): PulsePeriod {
  return { id: row.id, opensOn: row.opens_on, closesOn: row.closes_on, closedOn: row.closed_on };
}

// Six weeks after the last pulse opened (never before today, never inside another pulse), two weeks long.
function suggestedPeriod(rows: readonly PulseRow[], today: string): { opensOn: string; closesOn: string } {
  const last = rows.at(-1);
  let opensOn = last ? addDays(last.opens_on, RHYTHM_DAYS) : today;
  if (opensOn < today) opensOn = today;
  for (const row of rows) if (opensOn <= lastDayOf(row)) opensOn = addDays(lastDayOf(row), 1);
  return { opensOn, closesOn: addDays(opensOn, SUGGESTED_OPEN_DAYS - 1) };
}

// Every item × answer value at 0: made with the pulse, so answering only ever updates existing rows.
function countersOf(instrument: Instrument, pulseId: string) {
  return instrument.items.flatMap((item) => {
    const scale = instrument.responseScales.find((candidate) => candidate.id === item.responseScale)!;
    return scale.options.map((option) => ({ pulse_id: pulseId, item_id: item.id, value: option.value, count: 0 }));
  });
}

function instrumentView(instrument: Instrument): PulseInstrument {
  return {
    version: instrument.version,
    name: instrument.name,
    description: instrument.description,
    options: instrument.responseScales[0]!.options.map((option) => ({ value: option.value, label: option.label })),
    items: instrument.items.map((item) => ({ id: item.id, text: item.text })),
    scales: instrument.scales.map((scale) => ({ id: scale.id, name: scale.name, description: scale.description ?? null, items: scale.items })),
  };
}

async function requirePulse(deps: Deps, schoolId: string, pulseId: string): Promise<PulseRow> {
  const row = await repository.findPulse(deps.db.kysely, schoolId, pulseId);
  if (!row) throw new AppError('not_found');
  return row;
}

// One audit event about a pulse, inside the write's transaction: dates only, never an answer.
async function audit(trx: Kysely<Database>, deps: Deps, caller: StaffCaller, schoolId: string, pulseId: string, action: AuditAction, detail: Record<string, unknown>) {
  await recordAudit(trx, deps.clock, { actorUserId: caller.userId, action, targetType: 'team_pulse', targetId: pulseId, schoolId, boardId: caller.schoolBoardId ?? null, detail });
}
