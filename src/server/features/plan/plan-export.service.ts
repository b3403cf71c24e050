import type { Locale } from '../../../shared/roles';
import { recordAudit } from '../../audit/audit.service';
import type { Deps } from '../../deps';
import { AppError } from '../../errors';
import { type SpreadsheetFormat, spreadsheetFileOf } from '../../http/export-table';
import { type ExportFile, slugOf } from '../selfscan/selfscan-report.service';
import { findSchool } from '../tenancy/tenancy.repository';
import { renderPlanPdf } from './plan-export.pdf';
import { actionsTableOf } from './plan-export.sheets';
import type { PlanOverview } from './plan.schemas';
import { getPlan } from './plan.service';
import type { StaffCaller } from '../../access/caller';

// The plan's downloads: the PDF of a school year's plan and its actions as a workbook (.xlsx) and as CSV. Both are built from the
// same overview the plan page reads (`getPlan`), so they apply its read rule (leadership, TSO leads and
// the working group always; other staff once the school shares the plan) and show nothing more.

/** The kinds of plan export, as written in the audit log. */
export type PlanExportFormat = 'pdf' | SpreadsheetFormat;

/** The plan of a school year (default: the current one) as a PDF in the chosen language. */
export async function exportPlanPdf(deps: Deps, caller: StaffCaller, schoolId: string, schoolYear: string | undefined, locale: Locale): Promise<ExportFile> {
  const { school, plan } = await readPlan(deps, caller, schoolId, schoolYear);
  const body = await renderPlanPdf({ schoolName: school.name, plan, generatedAt: deps.clock.now() }, locale);
  await auditExport(deps, caller, school, 'pdf', plan.schoolYear, { language: locale });
  return { body, contentType: 'application/pdf', fileName: `plan-${slugOf(school.name)}-${plan.schoolYear}.pdf` };
}

/** The actions of a school year's plan as a workbook (for people, in the chosen language) or CSV (for machines). */
export async function exportActions(
  deps: Deps,
  caller: StaffCaller,
  schoolId: string,
  schoolYear: string | undefined,
  format: SpreadsheetFormat,
  locale: Locale,
): Promise<ExportFile> {
  const { school, plan } = await readPlan(deps, caller, schoolId, schoolYear);
  const table = actionsTableOf(plan, locale);
  const file = await spreadsheetFileOf(table, format, locale, `plan-${slugOf(school.name)}-${plan.schoolYear}-acties`);
  await auditExport(deps, caller, school, format, plan.schoolYear, { actions: table.rows.length, ...(format === 'xlsx' ? { language: locale } : {}) });
  return file;
}

async function readPlan(deps: Deps, caller: StaffCaller, schoolId: string, schoolYear: string | undefined): Promise<{ school: { id: string; name: string; board_id: string }; plan: PlanOverview }> {
  const school = await findSchool(deps.db.kysely, schoolId);
  if (!school) throw new AppError('not_found');
  return { school, plan: await getPlan(deps, caller, schoolId, schoolYear) };
}

async function auditExport(
  deps: Deps,
  caller: StaffCaller,
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
