import type { Locale } from '../../../shared/roles';
import type { ExportTable } from '../../http/export-table';
import { planCodeLabelsOf } from './plan-export.pdf';
import type { PlanAction, PlanGoal, PlanOverview } from './plan.schemas';

// The plan's actions as one table, described once for its CSV (status and Kotter step as codes, ISO dates) and
// its workbook (headers, statuses and Kotter steps in words, the due date as a date).

interface SheetTexts {
  sheet: string;
  goal: string;
  action: string;
  owner: string;
  dueOn: string;
  status: string;
  kotterStep: string;
  overdue: string;
}

const TEXTS: Record<Locale, SheetTexts> = {
  nl: { sheet: 'Acties', goal: 'Doel', action: 'Actie', owner: 'Eigenaar', dueOn: 'Einddatum', status: 'Status', kotterStep: 'Kotter-stap', overdue: 'Te laat' },
  en: { sheet: 'Actions', goal: 'Goal', action: 'Action', owner: 'Owner', dueOn: 'Due', status: 'Status', kotterStep: 'Kotter step', overdue: 'Overdue' },
};

/** One row of the actions table: an action with the goal it belongs to. */
export interface ActionsRow {
  goal: PlanGoal;
  action: PlanAction;
}

/**
 * The actions of a school year's plan, goal by goal: the goal's name (its own title, else its aspect's name in the
 * chosen language), the action, owner, due date, status, Kotter step and whether it is overdue.
 */
export function actionsTableOf(plan: PlanOverview, locale: Locale): ExportTable<ActionsRow> {
  const text = TEXTS[locale];
  const labels = planCodeLabelsOf(locale);
  return {
    sheet: text.sheet,
    rows: plan.goals.flatMap((goal) => goal.actions.map((action) => ({ goal, action }))),
    columns: [
      { key: 'goal', header: text.goal, kind: 'text', value: ({ goal }) => goal.title ?? goal.aspect?.name[locale] ?? '' },
      { key: 'action', header: text.action, kind: 'text', value: ({ action }) => action.title },
      { key: 'owner', header: text.owner, kind: 'text', value: ({ action }) => action.owner?.name ?? null },
      { key: 'dueOn', header: text.dueOn, kind: 'date', value: ({ action }) => action.dueOn },
      { key: 'status', header: text.status, kind: 'text', value: ({ action }) => action.status, shown: ({ action }) => labels.actionStatus[action.status] },
      {
        key: 'kotterStep',
        header: text.kotterStep,
        kind: 'text',
        value: ({ action }) => action.kotterStep,
        shown: ({ action }) => (action.kotterStep ? labels.kotterStep[action.kotterStep] : null),
      },
      { key: 'overdue', header: text.overdue, kind: 'yesNo', value: ({ action }) => action.overdue },
    ],
  };
}
