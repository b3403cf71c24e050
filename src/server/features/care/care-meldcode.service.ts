import type { MeldcodeOutcome } from '../../../shared/meldcode';
import { schoolDateOf } from '../../../shared/school-time';
import type { StaffCaller } from '../../access/caller';
import { encryptedFieldRef } from '../../crypto/encrypted-columns';
import { type Deps, isoInstant, newId } from '../../deps';
import { AppError } from '../../errors';
import * as careRepository from './care.repository';
import * as repository from './care-meldcode.repository';
import type {
  AttentionOfficer,
  CloseMeldcodeCaseBody,
  MeldcodeCase,
  MeldcodeCases,
  MeldcodeCaseSummaries,
  MeldcodeCaseSummary,
  MeldcodeStepFields,
  OpenMeldcodeCaseBody,
} from './care-meldcode.schemas';
import { auditRead, auditWrite, requirePupil } from './care.service';

// The meldcode (reporting code for domestic violence and child abuse, issue 14). A case per worry about a pupil
// follows five steps (shared/meldcode.ts). Need-to-know, narrower than the rest of the care file:
// - never a teacher: the route policy (`school.care.meldcode`) lets the care team in and nobody else;
// - the school's attention officer (aandachtsfunctionaris, named by its administrator or leadership) sees every
//   case of the school;
// - any other member of the care team sees the cases they opened or recorded a step in, and nothing of the others:
//   a case they may not see answers 404 and is left out of every list.
// Every read and change writes one audit event; the detail never holds the notes or the outcome.

const collator = new Intl.Collator('nl', { sensitivity: 'base' });

type CaseRow = Awaited<ReturnType<typeof repository.listCases>>[number];
type StepRow = Awaited<ReturnType<typeof repository.listSteps>>[number];
type View = { via: 'attention_officer' } | { via: 'involved'; userId: string };

/** The pupil's cases the caller may see, each with the newest recording of its steps. */
export async function listPupilCases(deps: Deps, caller: StaffCaller, schoolId: string, pupilId: string): Promise<MeldcodeCases> {
  await requirePupil(deps, schoolId, pupilId);
  const view = await viewOf(deps, caller, schoolId);
  const cases = await casesWithSteps(deps, schoolId, view, await repository.listCases(deps.db.kysely, schoolId, { pupilId, ...filterOf(view) }));
  await auditRead(deps, caller, schoolId, pupilId, 'care.meldcode_read', { via: view.via, cases: cases.length });
  return cases;
}

/** The school's open cases the caller may see (without the steps' notes). */
export async function listOpenCases(deps: Deps, caller: StaffCaller, schoolId: string): Promise<MeldcodeCaseSummaries> {
  const view = await viewOf(deps, caller, schoolId);
  const rows = await repository.listCases(deps.db.kysely, schoolId, { isOpen: true, ...filterOf(view) });
  const steps = await repository.listSteps(deps.db.kysely, schoolId, rows.map((row) => row.id));
  const cases = rows.map((row) => summaryOf(row, newestPerStep(steps.filter((step) => step.case_id === row.id)), view));
  await auditRead(deps, caller, schoolId, null, 'care.meldcode_read', { via: view.via, cases: cases.length });
  return cases;
}

/** Opens a case for the pupil; the caller opened it, so they see it from now on. */
export async function openCase(deps: Deps, caller: StaffCaller, schoolId: string, pupilId: string, body: OpenMeldcodeCaseBody): Promise<MeldcodeCase> {
  await requirePupil(deps, schoolId, pupilId);
  refuseFutureDate(deps, body.openedOn, 'body.openedOn');
  const id = newId();
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repository.insertCase(trx, {
      id,
      school_id: schoolId,
      pupil_id: pupilId,
      opened_on: body.openedOn,
      created_by: caller.userId,
      created_at: isoInstant(deps.clock.now()),
      closed_on: null,
      outcome: null,
      closed_by: null,
    });
    await auditWrite(trx, deps, caller, schoolId, pupilId, 'care.meldcode_case_opened', { caseId: id });
  });
  return caseAfterWrite(deps, caller, schoolId, pupilId, id);
}

/** Records a step of an open case (a new recording; the earlier ones stay as the case's history). */
export async function recordStep(
  deps: Deps,
  caller: StaffCaller,
  schoolId: string,
  pupilId: string,
  caseId: string,
  step: number,
  fields: MeldcodeStepFields,
): Promise<MeldcodeCase> {
  await requireVisibleCase(deps, caller, schoolId, pupilId, caseId);
  if (fields.doneOn !== null) refuseFutureDate(deps, fields.doneOn, 'body.doneOn');
  const id = newId();
  const sealed = await deps.fieldCrypto.encrypt(encryptedFieldRef('care_meldcode_steps', 'notes_encrypted', [id]), fields.notes);
  await deps.db.kysely.transaction().execute(async (trx) => {
    if (!(await repository.isCaseOpen(trx, schoolId, caseId))) throw new AppError('meldcode_case_closed');
    await repository.insertStep(trx, {
      id,
      school_id: schoolId,
      case_id: caseId,
      step,
      recording: await repository.nextRecordingOf(trx, caseId),
      done_on: fields.doneOn,
      notes_encrypted: sealed,
      recorded_by: caller.userId,
      recorded_at: isoInstant(deps.clock.now()),
    });
    await auditWrite(trx, deps, caller, schoolId, pupilId, 'care.meldcode_step_recorded', { caseId, step, isDone: fields.doneOn !== null });
  });
  return caseAfterWrite(deps, caller, schoolId, pupilId, caseId);
}

/** Closes an open case with its outcome. */
export async function closeCase(deps: Deps, caller: StaffCaller, schoolId: string, pupilId: string, caseId: string, body: CloseMeldcodeCaseBody): Promise<MeldcodeCase> {
  const row = await requireVisibleCase(deps, caller, schoolId, pupilId, caseId);
  refuseFutureDate(deps, body.closedOn, 'body.closedOn');
  if (body.closedOn < row.opened_on) throw new AppError('validation_failed', { fields: { 'body.closedOn': ['before_opened'] } });
  await deps.db.kysely.transaction().execute(async (trx) => {
    if (!(await repository.closeCase(trx, schoolId, caseId, { closed_on: body.closedOn, outcome: body.outcome, closed_by: caller.userId }))) {
      throw new AppError('meldcode_case_closed');
    }
    await auditWrite(trx, deps, caller, schoolId, pupilId, 'care.meldcode_case_closed', { caseId });
  });
  return caseAfterWrite(deps, caller, schoolId, pupilId, caseId);
}

// ---------- the attention officer ----------

/** Who the school's attention officer is, and the care team they can be chosen from. */
export async function getAttentionOfficer(deps: Deps, schoolId: string): Promise<AttentionOfficer> {
  const db = deps.db.kysely;
  const [officer, careTeam] = await Promise.all([repository.findAttentionOfficer(db, schoolId), careRepository.listCareTeam(db, schoolId)]);
  return {
    officer: officer ? { userId: officer.user_id, name: officer.name } : null,
    setAt: officer?.set_at ?? null,
    careTeam: careTeam.map((member) => ({ userId: member.id, name: member.name })).sort((left, right) => collator.compare(left.name, right.name)),
  };
}

/** Names the school's attention officer — a member of its care team — or nobody (null). */
export async function setAttentionOfficer(deps: Deps, caller: StaffCaller, schoolId: string, userId: string | null): Promise<AttentionOfficer> {
  const db = deps.db.kysely;
  if (userId !== null && !(await careRepository.listCareTeam(db, schoolId)).some((member) => member.id === userId)) {
    throw new AppError('validation_failed', { fields: { 'body.userId': ['not_care_team'] } });
  }
  await db.transaction().execute(async (trx) => {
    if (userId === null) await repository.deleteAttentionOfficer(trx, schoolId);
    else await repository.saveAttentionOfficer(trx, { school_id: schoolId, user_id: userId, set_by: caller.userId, set_at: isoInstant(deps.clock.now()) });
    await auditWrite(trx, deps, caller, schoolId, null, 'care.attention_officer_changed', { userId });
  });
  return getAttentionOfficer(deps, schoolId);
}

// ---------- need-to-know ----------

async function viewOf(deps: Deps, caller: StaffCaller, schoolId: string): Promise<View> {
  const officer = await repository.findAttentionOfficer(deps.db.kysely, schoolId);
  return officer?.user_id === caller.userId ? { via: 'attention_officer' } : { via: 'involved', userId: caller.userId };
}

function filterOf(view: View): repository.MeldcodeCaseFilter {
  return view.via === 'involved' ? { involvedUserId: view.userId } : {};
}

/** The case if the caller may see it; 404 otherwise (its existence is not confirmed). */
async function requireVisibleCase(deps: Deps, caller: StaffCaller, schoolId: string, pupilId: string, caseId: string): Promise<CaseRow> {
  await requirePupil(deps, schoolId, pupilId);
  const [row] = await repository.listCases(deps.db.kysely, schoolId, { pupilId, caseId, ...filterOf(await viewOf(deps, caller, schoolId)) });
  if (!row) throw new AppError('not_found');
  return row;
}

// The answer shows what was just written: covered by this write's event, no read event of its own.
async function caseAfterWrite(deps: Deps, caller: StaffCaller, schoolId: string, pupilId: string, caseId: string): Promise<MeldcodeCase> {
  const view = await viewOf(deps, caller, schoolId);
  const [found] = await casesWithSteps(deps, schoolId, view, await repository.listCases(deps.db.kysely, schoolId, { pupilId, caseId }));
  if (!found) throw new AppError('not_found');
  return found;
}

function refuseFutureDate(deps: Deps, date: string, field: string): void {
  if (date > schoolDateOf(deps.clock.now())) throw new AppError('validation_failed', { fields: { [field]: ['in_the_future'] } });
}

async function casesWithSteps(deps: Deps, schoolId: string, view: View, rows: readonly CaseRow[]): Promise<MeldcodeCase[]> {
  const steps = await repository.listSteps(deps.db.kysely, schoolId, rows.map((row) => row.id));
  return Promise.all(
    rows.map(async (row) => {
      const newest = newestPerStep(steps.filter((step) => step.case_id === row.id));
      return {
        ...summaryOf(row, newest, view),
        steps: await Promise.all(
          newest.map(async (step) => ({
            step: step.step,
            doneOn: step.done_on,
            notes: await deps.fieldCrypto.decrypt(encryptedFieldRef('care_meldcode_steps', 'notes_encrypted', [step.id]), step.notes_encrypted),
            recordedByName: step.recorded_by_name,
            recordedAt: step.recorded_at,
          })),
        ),
      };
    }),
  );
}

// Recordings come oldest first: the last one per step holds.
function newestPerStep(steps: readonly StepRow[]): StepRow[] {
  const newest = new Map<number, StepRow>();
  for (const step of steps) newest.set(step.step, step);
  return [...newest.values()].sort((left, right) => left.step - right.step);
}

function summaryOf(row: CaseRow, newestSteps: readonly StepRow[], view: View): MeldcodeCaseSummary {
  return {
    id: row.id,
    pupilId: row.pupil_id,
    pupilName: `${row.first_name} ${row.last_name}`,
    openedOn: row.opened_on,
    openedByName: row.opened_by_name,
    closedOn: row.closed_on,
    outcome: row.outcome as MeldcodeOutcome | null,
    stepsDone: newestSteps.filter((step) => step.done_on !== null).map((step) => step.step),
    via: view.via,
  };
}
