import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { KOTTER_STEPS, kotterCoverage } from '../../../shared/plan';
import { CARE_COVERAGE_ASPECT_ID } from '../../../shared/care';
import { CareCoverageEvidence } from '../care/care-coverage-evidence';
import { api, ApiError, apiPath } from '../../api/api-client';
import type { PlanAction, PlanGoal, PlanOverview } from '../../api/plan-types';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { FormActions, SelectField } from '../../components/form-fields';
import { LoadState, SuccessMessage } from '../../components/load-state';
import { Page } from '../../components/page';
import { TableWrap } from '../../components/table-wrap';
import { useFormat } from '../../i18n/format';
import { useSchool } from '../school/school-layout';
import { followingSchoolYear } from '../../../shared/school-time';
import { ActionDialog, GoalDialog } from './plan-forms';
import { actionStatusLabel, goalStatusLabel, kotterExplanation, kotterLabel, OverdueMark, PlanLoadError, PlanNav, usePlanOverview, useGoalName } from './plan-labels';

/** The annual plan: the school year's goals, each with its actions; editors add, change and remove them. */
export function PlanPage() {
  const { t } = useTranslation();
  const { school } = useSchool();
  const { data: plan, error, isLoading, reload, chooseSchoolYear } = usePlanOverview(school.id);
  const goalName = useGoalName();
  const [saved, setSaved] = useState<string | null>(null);
  const [isLensOn, setIsLensOn] = useState(false);
  const [editingGoal, setEditingGoal] = useState<PlanGoal | 'new' | null>(null);
  const [actionTarget, setActionTarget] = useState<{ action: PlanAction } | { goal: PlanGoal } | null>(null);
  const [deleting, setDeleting] = useState<{ goal: PlanGoal } | { action: PlanAction } | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);

  if (!plan) {
    return (
      <Page title={t('Implementatieplan')}>
        <PlanNav schoolId={school.id} />
        {error ? <PlanLoadError code={error.code} message={error.message} /> : <LoadState error={null} isLoading={isLoading} />}
      </Page>
    );
  }
  const years = [...new Set([...plan.schoolYears, plan.schoolYear, followingSchoolYear(school.currentSchoolYear)])].sort((a, b) => b.localeCompare(a));
  const remove = async () => {
    if (!deleting) return;
    try {
      if ('goal' in deleting) {
        await api.delete(apiPath('/api/schools/:schoolId/plan/goals/:goalId', { schoolId: school.id, goalId: deleting.goal.id }));
        setSaved(t('Doel {{name}} is verwijderd.', { name: goalName(deleting.goal) }));
      } else {
        await api.delete(apiPath('/api/schools/:schoolId/plan/actions/:actionId', { schoolId: school.id, actionId: deleting.action.id }));
        setSaved(t('Actie {{title}} is verwijderd.', { title: deleting.action.title }));
      }
      setDeleting(null);
      reload();
    } catch (failure) {
      setDeleteError(failure instanceof ApiError ? failure.message : String(failure));
    }
  };

  return (
    <Page
      title={t('Implementatieplan {{year}}', { year: plan.schoolYear })}
      intro={<p>{t('De doelen waar de school dit schooljaar aan werkt, met per doel de acties die ervoor nodig zijn: wie doet wat, en wanneer.')}</p>}
    >
      <PlanNav schoolId={school.id} />
      <SuccessMessage message={saved} />
      {error ? <LoadState error={error} isLoading={false} /> : null}
      <div className="plan-toolbar">
        <SchoolYearPicker years={years} current={plan.schoolYear} onChoose={chooseSchoolYear} />
        <div className="plan-toolbar-buttons">
          <button type="button" className="button button-secondary" aria-pressed={isLensOn} onClick={() => setIsLensOn((value) => !value)}>
            {t('Bril van Kotter')}
          </button>
          {plan.canEdit ? (
            <button type="button" className="button" onClick={() => setEditingGoal('new')}>
              {t('Doel toevoegen')}
            </button>
          ) : null}
        </div>
      </div>
      {!plan.canEdit ? <p className="muted">{t('Je kunt het plan lezen. De directie, de kartrekkers en de werkgroep kunnen het aanpassen.')}</p> : null}
      {isLensOn ? <KotterLens goals={plan.goals} /> : null}
      {plan.goals.length === 0 ? (
        <div className="notice">
          <p>{t('Voor schooljaar {{year}} staan er nog geen doelen in het plan.', { year: plan.schoolYear })}</p>
          {plan.canEdit ? (
            <p className="plan-notice-last">
              {t('Voeg een eigen doel toe, of kies doelen bij de volgende stappen van een')} <Link to={`/scholen/${school.id}/zelfscan`}>{t('zelfscanronde')}</Link>.
            </p>
          ) : null}
        </div>
      ) : (
        <ol className="plan-goals">
          {plan.goals.map((goal) => (
            <GoalCard
              key={goal.id}
              goal={goal}
              canEdit={plan.canEdit}
              onEdit={() => setEditingGoal(goal)}
              onDelete={() => {
                setDeleteError(null);
                setDeleting({ goal });
              }}
              onAddAction={() => setActionTarget({ goal })}
              onEditAction={(action) => setActionTarget({ action })}
              onDeleteAction={(action) => {
                setDeleteError(null);
                setDeleting({ action });
              }}
            />
          ))}
        </ol>
      )}

      {plan.canEdit ? (
        <>
          <GoalDialog
            schoolId={school.id}
            schoolYears={years}
            defaultSchoolYear={plan.schoolYear}
            people={plan.people}
            goal={editingGoal}
            onClose={() => setEditingGoal(null)}
            onSaved={(goal, isNew) => {
              setEditingGoal(null);
              setSaved(isNew ? t('Doel {{name}} is toegevoegd.', { name: goalName(goal) }) : t('Doel {{name}} is opgeslagen.', { name: goalName(goal) }));
              if (goal.schoolYear !== plan.schoolYear) chooseSchoolYear(goal.schoolYear);
              reload();
            }}
          />
          <ActionDialog
            schoolId={school.id}
            people={plan.people}
            target={actionTarget}
            onClose={() => setActionTarget(null)}
            onSaved={(action, isNew) => {
              setActionTarget(null);
              setSaved(isNew ? t('Actie {{title}} is toegevoegd.', { title: action.title }) : t('Actie {{title}} is opgeslagen.', { title: action.title }));
              reload();
            }}
          />
          <ConfirmDialog
            isOpen={deleting !== null}
            title={deleting && 'goal' in deleting ? t('Doel verwijderen?') : t('Actie verwijderen?')}
            message={
              <p>
                {deleting && 'goal' in deleting
                  ? t('Weet je zeker dat je het doel {{name}} wilt verwijderen? De acties bij dit doel verdwijnen ook.', { name: goalName(deleting.goal) })
                  : t('Weet je zeker dat je de actie {{title}} wilt verwijderen?', { title: deleting && 'action' in deleting ? deleting.action.title : '' })}
              </p>
            }
            confirmLabel={t('Verwijderen')}
            isDangerous
            error={deleteError}
            onConfirm={remove}
            onCancel={() => setDeleting(null)}
          />
        </>
      ) : null}
    </Page>
  );
}

/** Chooses the school year shown; a form with a button, so moving through the list does not reload the page. */
export function SchoolYearPicker({ years, current, onChoose }: { years: readonly string[]; current: string; onChoose: (year: string) => void }) {
  const { t } = useTranslation();
  const [year, setYear] = useState(current);
  const [shownFor, setShownFor] = useState(current);
  if (shownFor !== current) {
    setShownFor(current);
    setYear(current);
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChoose(year);
  };
  return (
    <form className="inline-form plan-year-form" onSubmit={submit}>
      <SelectField id="plan-schooljaar" label={t('Schooljaar')} value={year} onChange={setYear} options={years.map((value) => ({ value, label: value }))} />
      <FormActions>
        <button type="submit" className="button button-secondary">
          {t('Tonen')}
        </button>
      </FormActions>
    </form>
  );
}

interface GoalCardProps {
  goal: PlanGoal;
  canEdit: boolean;
  onEdit: () => void;
  onDelete: () => void;
  onAddAction: () => void;
  onEditAction: (action: PlanAction) => void;
  onDeleteAction: (action: PlanAction) => void;
}

function GoalCard({ goal, canEdit, onEdit, onDelete, onAddAction, onEditAction, onDeleteAction }: GoalCardProps) {
  const { t } = useTranslation();
  const goalName = useGoalName();
  const { school, can } = useSchool();
  const headingId = useId();
  const name = goalName(goal);
  return (
    <li className="card plan-goal">
      <section aria-labelledby={headingId}>
        <div className="plan-goal-head">
          <h2 id={headingId}>{name}</h2>
          <span className={`badge plan-status plan-status--${goal.status}`}>{goalStatusLabel(t, goal.status)}</span>
        </div>
        <GoalFacts goal={goal} />
        {goal.evidence ? (
          <div className="plan-evidence">
            <h3>{t('Onderbouwing en bewijs')}</h3>
            <p>{goal.evidence}</p>
          </div>
        ) : null}
        {goal.aspect?.aspectId === CARE_COVERAGE_ASPECT_ID && can('school.care.coverage') ? <CareCoverageEvidence schoolId={school.id} /> : null}
        {canEdit ? (
          <div className="action-buttons plan-goal-buttons">
            <button type="button" className="button button-small button-secondary" aria-label={t('Doel {{name}} wijzigen', { name })} onClick={onEdit}>
              {t('Wijzigen')}
            </button>
            <button type="button" className="button button-small button-danger-quiet" aria-label={t('Doel {{name}} verwijderen', { name })} onClick={onDelete}>
              {t('Verwijderen')}
            </button>
          </div>
        ) : null}
        <h3>{t('Acties')}</h3>
        {goal.actions.length === 0 ? <p className="muted">{t('Nog geen acties bij dit doel.')}</p> : <ActionsTable goalName={name} actions={goal.actions} canEdit={canEdit} onEdit={onEditAction} onDelete={onDeleteAction} />}
        {canEdit ? (
          <button type="button" className="button button-small" aria-label={t('Actie toevoegen bij {{goal}}', { goal: name })} onClick={onAddAction}>
            {t('Actie toevoegen')}
          </button>
        ) : null}
      </section>
    </li>
  );
}

/** Kind, target, current placement, owner and school year of a goal. */
export function GoalFacts({ goal }: { goal: PlanGoal }) {
  const { t } = useTranslation();
  return (
    <dl className="plan-facts">
      <div>
        <dt>{t('Soort')}</dt>
        <dd>{goal.kind === 'aspect' ? t('Accent uit het ontwikkelmodel') : t('Eigen doel')}</dd>
      </div>
      {goal.aspect ? (
        <>
          <div>
            <dt>{t('Doel')}</dt>
            <dd>{t('Groeifase {{phase}}', { phase: goal.aspect.targetPhase })}</dd>
          </div>
          <div>
            <dt>{t('Nu')}</dt>
            <dd>
              {goal.aspect.latestConsensus
                ? t('Groeifase {{phase}}, vastgesteld in {{round}}', { phase: goal.aspect.latestConsensus.phase, round: goal.aspect.latestConsensus.roundName })
                : t('nog niet vastgesteld')}
            </dd>
          </div>
        </>
      ) : null}
      <div>
        <dt>{t('Eigenaar')}</dt>
        <dd>{goal.owner?.name ?? t('nog niemand')}</dd>
      </div>
    </dl>
  );
}

interface ActionsTableProps {
  goalName: string;
  actions: PlanAction[];
  canEdit: boolean;
  onEdit?: (action: PlanAction) => void;
  onDelete?: (action: PlanAction) => void;
}

/** The actions of one goal, overdue ones marked with an icon and the words "te laat". */
export function ActionsTable({ goalName, actions, canEdit, onEdit, onDelete }: ActionsTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const label = t('Acties bij {{goal}}', { goal: goalName });
  return (
    <TableWrap label={label}>
      <table className="plan-actions">
        <caption className="visually-hidden">{label}</caption>
        <thead>
          <tr>
            <th scope="col">{t('Actie')}</th>
            <th scope="col">{t('Eigenaar')}</th>
            <th scope="col">{t('Klaar op')}</th>
            <th scope="col">{t('Status')}</th>
            <th scope="col">{t('Stap van Kotter')}</th>
            {canEdit ? (
              <th scope="col">
                <span className="visually-hidden">{t('Wijzigen of verwijderen')}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {actions.map((action) => (
            <tr key={action.id} className={action.overdue ? 'plan-row-overdue' : undefined}>
              <th scope="row">{action.title}</th>
              <td>{action.owner?.name ?? <span className="muted">{t('nog niemand')}</span>}</td>
              <td>
                {action.dueOn ? <time dateTime={action.dueOn}>{format.date(action.dueOn)}</time> : <span className="muted">{t('geen datum')}</span>}
                {action.overdue ? (
                  <>
                    {' '}
                    <OverdueMark />
                  </>
                ) : null}
              </td>
              <td>{actionStatusLabel(t, action.status)}</td>
              <td>{action.kotterStep ? kotterLabel(t, action.kotterStep) : <span className="muted">–</span>}</td>
              {canEdit ? (
                <td className="actions">
                  <div className="action-buttons">
                    <button type="button" className="button button-small button-secondary" aria-label={t('Actie {{title}} wijzigen', { title: action.title })} onClick={() => onEdit?.(action)}>
                      {t('Wijzigen')}
                    </button>
                    <button type="button" className="button button-small button-danger-quiet" aria-label={t('Actie {{title}} verwijderen', { title: action.title })} onClick={() => onDelete?.(action)}>
                      {t('Verwijderen')}
                    </button>
                  </div>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** The Kotter lens: how many actions the plan has per step of change, and which steps it leaves empty. */
function KotterLens({ goals }: { goals: PlanOverview['goals'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const coverage = kotterCoverage(goals.flatMap((goal) => goal.actions));
  const counts = new Map(coverage.counts.map((entry) => [entry.step, entry.actions]));
  return (
    <section aria-labelledby="kotter-kop" className="card card-quiet plan-kotter">
      <h2 id="kotter-kop">{t('Bril van Kotter: de acht stappen van verandering')}</h2>
      <p>{t('Een verandering beklijft beter als geen van de acht stappen wordt overgeslagen. Zo zie je welke stappen het plan dit schooljaar nog weinig aandacht geeft. Vervallen acties tellen niet mee.')}</p>
      {coverage.neglected.length > 0 ? (
        <p className="notice notice-warning">
          {t('Nog geen acties bij: {{steps}}.', { steps: coverage.neglected.map((step) => kotterLabel(t, step)).join(', ') })}
        </p>
      ) : (
        <p className="notice notice-success">{t('Bij elke stap staat minstens één actie.')}</p>
      )}
      <ol className="plan-kotter-steps">
        {KOTTER_STEPS.map((step) => {
          const count = counts.get(step) ?? 0;
          return (
            <li key={step} className={count === 0 ? 'plan-kotter-step plan-kotter-step--empty' : 'plan-kotter-step'}>
              <strong>{kotterLabel(t, step)}</strong>
              {' · '}
              <span>{count === 1 ? t('1 actie') : t('{{number}} acties', { number: format.number(count) })}</span>
              {count === 0 ? <span className="plan-kotter-gap"> {t('(nog niets)')}</span> : null}
              <br />
              <span className="muted">{kotterExplanation(t, step)}</span>
            </li>
          );
        })}
      </ol>
      {coverage.withoutStep > 0 ? <p className="muted">{t('{{number}} acties zonder gekozen stap.', { number: format.number(coverage.withoutStep) })}</p> : null}
    </section>
  );
}
