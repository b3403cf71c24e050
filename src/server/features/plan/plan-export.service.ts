import type { Locale } from '../../../shared/roles';
import { recordAudit } from '../../audit/audit.service';
import type { Deps } from '../../deps';
import { AppError } from '../../errors';
import { toCsv } from '../../http/csv';
import { type ExportFile, slugOf } from '../selfscan/selfscan-report.service';
import { findSchool } from '../tenancy/tenancy.repository';
import { renderPlanPdf } from './plan-export.pdf';
import { type Caller, getPlan, type PlanOverview } from './plan.service';

// The plan's downloads: the PDF of a school year's plan and its actions as CSV. Both are built from the
// same overview the plan page reads (`getPlan`), so they apply its read rule (leadership, TSO leads and
// the working group always; other staff once the school shares the plan) and show nothing more.

/** The kinds of plan export, as written in the audit log. */
export type PlanExportFormat = 'pdf' | 'csv';

/** The columns of the actions CSV. */
export const ACTIONS_CSV_HEADER = ['goal', 'action', 'owner', 'dueOn', 'status', 'kotterStep', 'overdue'] as const;

/** The plan of a school year (default: the current one) as a PDF in the chosen language. */
export async function exportPlanPdf(deps: Deps, caller: Caller, schoolId: string, schoolYear: string | undefined, locale: Locale): Promise<ExportFile> {
  const { school, plan } = await readPlan(deps, caller, schoolId, schoolYear);
  const body = await renderPlanPdf({ schoolName: school.name, plan, generatedAt: deps.clock.now() }, locale);
  await auditExport(deps, caller, school, 'pdf', plan.schoolYear, { language: locale });
  return { body, contentType: 'application/pdf', fileName: `plan-${slugOf(school.name)}-${plan.schoolYear}.pdf` };
}

/**
 * The actions of a school year's plan as CSV, goal by goal: the goal's name (its own title, else its aspect's
 * name in the chosen language), the action, owner, due date, status and Kotter step as keys, and overdue.
 */
export async function exportActionsCsv(deps: Deps, caller: Caller, schoolId: string, schoolYear: string | undefined, locale: Locale): Promise<ExportFile> {
  const { school, plan } = await readPlan(deps, caller, schoolId, schoolYear);
  const rows = plan.goals.flatMap((goal) =>
    goal.actions.map((action) => [
      goal.title ?? goal.aspect?.name[locale] ?? '',
      action.title,
      action.owner?.name ?? null,
      action.dueOn,
      action.status,
      action.kotterStep,
      action.overdue,
    ]),
  );
  const body = toCsv(ACTIONS_CSV_HEADER, rows);
  await auditExport(deps, caller, school, 'csv', plan.schoolYear, { actions: rows.length });
  return { body, contentType: 'text/csv; charset=utf-8', fileName: `plan-${slugOf(school.name)}-${plan.schoolYear}-acties.csv` };
}

async function readPlan(deps: Deps, caller: Caller, schoolId: string, schoolYear: string | undefined): Promise<{ school: { id: string; name: string; board_id: string }; plan: PlanOverview }> {
  const school = await findSchool(deps.db.kysely, schoolId);
  if (!school) throw new AppError('not_found');
  return { school, plan: await getPlan(deps, caller, schoolId, schoolYear) };
}

async function auditExport(
  deps: Deps,
  caller: Caller,
  school: { id: string; board_id: string },
  format: PlanExportFormat,
  schoolYear: string,
  extra: Record<string, unknown>,
): Promise<void> {
  await recordAudit(deps.db.kysely, deps.clock, {
    actorUserId: caller.userId,
    action: 'plan.exported',
    targetType: 'school',
    targetId: school.id,
    schoolId: school.id,
    boardId: school.board_id,
    detail: { format, schoolYear, ...extra },
  });
}
