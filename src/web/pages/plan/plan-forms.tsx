import type { TFunction } from 'i18next';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTION_STATUSES, GOAL_STATUSES, KOTTER_STEPS, PLAN_LIMITS } from '../../../shared/plan';
import { api, apiPath } from '../../api/api-client';
import type { CreateActionBody, CreateGoalBody, PlanAction, PlanGoal, PlanOverview, UpdateActionBody, UpdateGoalBody } from '../../api/plan-types';
import { Dialog } from '../../components/confirm-dialog';
import { ErrorSummary, FormActions, SelectField, TextField } from '../../components/form-fields';
import { useFormErrors } from '../../components/form-errors';
import { actionStatusLabel, goalStatusLabel, kotterLabel, useGoalName } from './plan-labels';

// The dialogs that add and change goals and actions of the plan. Each starts from the item it edits
// every time it opens, and reports the saved item back to the page.

type Person = PlanOverview['people'][number];

function ownerOptions(t: TFunction, people: readonly Person[], current: Person | null) {
  // The current owner stays choosable even if they are no longer in the staff list.
  const list = current && !people.some((person) => person.id === current.id) ? [current, ...people] : people;
  return [{ value: '', label: t('Nog niemand') }, ...list.map((person) => ({ value: person.id, label: person.name }))];
}

interface GoalDialogProps {
  schoolId: string;
  schoolYears: readonly string[];
  defaultSchoolYear: string;
  people: readonly Person[];
  /** The goal to change; `'new'` for a new free goal; null when closed. */
  goal: PlanGoal | 'new' | null;
  onClose: () => void;
  onSaved: (goal: PlanGoal, isNew: boolean) => void;
}

/** Adds a goal in the school's own words, or changes any goal: title, owner, year, status, evidence, target. */
export function GoalDialog({ schoolId, schoolYears, defaultSchoolYear, people, goal, onClose, onSaved }: GoalDialogProps) {
  const { t } = useTranslation();
  const goalName = useGoalName();
  const [shownFor, setShownFor] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState('');
  const [schoolYear, setSchoolYear] = useState(defaultSchoolYear);
  const [status, setStatus] = useState<PlanGoal['status']>('planned');
  const [evidence, setEvidence] = useState('');
  const [targetPhase, setTargetPhase] = useState('1');
  const [isBusy, setIsBusy] = useState(false);
  const { errors, check, fromError, clear } = useFormErrors('doel-');
  const key = goal === null ? null : goal === 'new' ? 'new' : goal.id;
  if (key !== shownFor) {
    setShownFor(key);
    clear();
    const existing = goal !== null && goal !== 'new' ? goal : null;
    setTitle(existing?.title ?? '');
    setOwner(existing?.owner?.id ?? '');
    setSchoolYear(existing?.schoolYear ?? defaultSchoolYear);
    setStatus(existing?.status ?? 'planned');
    setEvidence(existing?.evidence ?? '');
    setTargetPhase(String(existing?.aspect?.targetPhase ?? 1));
  }
  const existing = goal !== null && goal !== 'new' ? goal : null;
  const isAspect = existing?.kind === 'aspect';
  const labels = {
    'doel-title': isAspect ? t('Eigen omschrijving (mag leeg)') : t('Omschrijving van het doel'),
    'doel-ownerUserId': t('Eigenaar'),
    'doel-schoolYear': t('Schooljaar'),
    'doel-status': t('Status'),
    'doel-evidence': t('Onderbouwing en bewijs'),
    'doel-targetPhase': t('Doel: groeifase'),
  };
  const titleMessage = t('Beschrijf het doel in een paar woorden.');

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!check({ 'doel-title': !isAspect && title.trim() === '' && titleMessage }, t('Niet alle velden zijn goed ingevuld.'))) return;
    setIsBusy(true);
    try {
      if (existing) {
        // Only what changed is sent: an owner who has since left the school stays until someone picks another.
        const newTitle = title.trim() === '' ? null : title.trim();
        const newOwner = owner === '' ? null : owner;
        const body: UpdateGoalBody = {
          ...(newTitle !== existing.title ? { title: newTitle } : {}),
          ...(newOwner !== (existing.owner?.id ?? null) ? { ownerUserId: newOwner } : {}),
          ...(schoolYear !== existing.schoolYear ? { schoolYear } : {}),
          ...(status !== existing.status ? { status } : {}),
          ...(evidence.trim() !== existing.evidence ? { evidence } : {}),
          ...(isAspect && Number(targetPhase) !== existing.aspect?.targetPhase ? { targetPhase: Number(targetPhase) } : {}),
        };
        if (Object.keys(body).length === 0) {
          onSaved(existing, false);
          return;
        }
        onSaved(await api.patch<PlanGoal>(apiPath('/api/schools/:schoolId/plan/goals/:goalId', { schoolId, goalId: existing.id }), body), false);
      } else {
        const body: CreateGoalBody = { kind: 'free', title, schoolYear, ownerUserId: owner === '' ? null : owner };
        onSaved(await api.post<PlanGoal>(apiPath('/api/schools/:schoolId/plan/goals', { schoolId }), body), true);
      }
    } catch (failure) {
      fromError(failure, { title: titleMessage }, t('Kijk dit veld na.'));
    } finally {
      setIsBusy(false);
    }
  };

  const dialogTitle = existing ? t('Doel wijzigen: {{name}}', { name: goalName(existing) }) : t('Doel toevoegen');
  return (
    <Dialog isOpen={goal !== null} title={dialogTitle} onClose={onClose}>
      <ErrorSummary errors={errors} labels={labels} />
      <form onSubmit={(event) => void save(event)} noValidate>
        {!existing ? <p className="hint">{t('Een doel bij een accent van het ontwikkelmodel zet je in het implementatieplan vanuit de volgende stappen van een zelfscanronde.')}</p> : null}
        <TextField id="doel-title" label={labels['doel-title']} value={title} onChange={setTitle} error={errors.fields['doel-title']} required={!isAspect} maxLength={PLAN_LIMITS.titleMax} />
        {isAspect ? (
          <SelectField
            id="doel-targetPhase"
            label={labels['doel-targetPhase']}
            value={targetPhase}
            onChange={setTargetPhase}
            options={['1', '2', '3', '4'].map((phase) => ({ value: phase, label: t('Groeifase {{phase}}', { phase }) }))}
            error={errors.fields['doel-targetPhase']}
          />
        ) : null}
        <SelectField id="doel-ownerUserId" label={labels['doel-ownerUserId']} value={owner} onChange={setOwner} options={ownerOptions(t, people, existing?.owner ?? null)} error={errors.fields['doel-ownerUserId']} />
        <SelectField id="doel-schoolYear" label={labels['doel-schoolYear']} value={schoolYear} onChange={setSchoolYear} options={schoolYears.map((year) => ({ value: year, label: year }))} error={errors.fields['doel-schoolYear']} />
        {existing ? (
          <>
            <SelectField
              id="doel-status"
              label={labels['doel-status']}
              value={status}
              onChange={(value) => setStatus(value as PlanGoal['status'])}
              options={GOAL_STATUSES.map((value) => ({ value, label: goalStatusLabel(t, value) }))}
              error={errors.fields['doel-status']}
            />
            <div className={errors.fields['doel-evidence'] ? 'field field-invalid' : 'field'}>
              <label htmlFor="doel-evidence">{labels['doel-evidence']}</label>
              <p className="hint" id="doel-evidence-hint">
                {t('Waaraan zie je dat het doel (bijna) bereikt is? Denk aan observaties, uitkomsten van een zelfscan of afspraken die nu gewoon zijn.')}
              </p>
              <textarea
                id="doel-evidence"
                rows={4}
                maxLength={PLAN_LIMITS.evidenceMax}
                value={evidence}
                onChange={(event) => setEvidence(event.target.value)}
                aria-describedby="doel-evidence-hint"
              />
            </div>
          </>
        ) : null}
        <FormActions>
          <button type="submit" className="button" disabled={isBusy}>
            {existing ? t('Opslaan') : t('Doel toevoegen')}
          </button>
          <button type="button" className="button button-secondary" onClick={onClose}>
            {t('Annuleren')}
          </button>
        </FormActions>
      </form>
    </Dialog>
  );
}

interface ActionDialogProps {
  schoolId: string;
  people: readonly Person[];
  /** The action to change, or the goal to add one to; null when closed. */
  target: { action: PlanAction } | { goal: PlanGoal } | null;
  onClose: () => void;
  onSaved: (action: PlanAction, isNew: boolean) => void;
}

/** Adds an action under a goal or changes one: title, owner, due date, status, Kotter step. */
export function ActionDialog({ schoolId, people, target, onClose, onSaved }: ActionDialogProps) {
  const { t } = useTranslation();
  const goalName = useGoalName();
  const [shownFor, setShownFor] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [status, setStatus] = useState<PlanAction['status']>('open');
  const [kotterStep, setKotterStep] = useState('');
  const [isBusy, setIsBusy] = useState(false);
  const { errors, check, fromError, clear } = useFormErrors('actie-');
  const action = target && 'action' in target ? target.action : null;
  const key = target === null ? null : action ? action.id : `new-${'goal' in target ? target.goal.id : ''}`;
  if (key !== shownFor) {
    setShownFor(key);
    clear();
    setTitle(action?.title ?? '');
    setOwner(action?.owner?.id ?? '');
    setDueOn(action?.dueOn ?? '');
    setStatus(action?.status ?? 'open');
    setKotterStep(action?.kotterStep ?? '');
  }
  const labels = {
    'actie-title': t('Wat gaat er gebeuren?'),
    'actie-ownerUserId': t('Eigenaar'),
    'actie-dueOn': t('Klaar op'),
    'actie-status': t('Status'),
    'actie-kotterStep': t('Stap van Kotter'),
  };
  const titleMessage = t('Beschrijf de actie in een paar woorden.');

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!target) return;
    const found = {
      'actie-title': title.trim() === '' && titleMessage,
      'actie-dueOn': dueOn !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(dueOn) && t('Kies een datum.'),
    };
    if (!check(found, t('Niet alle velden zijn goed ingevuld.'))) return;
    setIsBusy(true);
    const fields = {
      title,
      ownerUserId: owner === '' ? null : owner,
      dueOn: dueOn === '' ? null : dueOn,
      status,
      kotterStep: kotterStep === '' ? null : (kotterStep as PlanAction['kotterStep']),
    };
    try {
      if (action) {
        // Only what changed is sent (see the goal dialog).
        const body: UpdateActionBody = {
          ...(fields.title.trim() !== action.title ? { title: fields.title } : {}),
          ...(fields.ownerUserId !== (action.owner?.id ?? null) ? { ownerUserId: fields.ownerUserId } : {}),
          ...(fields.dueOn !== action.dueOn ? { dueOn: fields.dueOn } : {}),
          ...(fields.status !== action.status ? { status: fields.status } : {}),
          ...(fields.kotterStep !== action.kotterStep ? { kotterStep: fields.kotterStep } : {}),
        };
        if (Object.keys(body).length === 0) {
          onSaved(action, false);
          return;
        }
        onSaved(await api.patch<PlanAction>(apiPath('/api/schools/:schoolId/plan/actions/:actionId', { schoolId, actionId: action.id }), body), false);
      } else if ('goal' in target) {
        const body: CreateActionBody = fields;
        onSaved(await api.post<PlanAction>(apiPath('/api/schools/:schoolId/plan/goals/:goalId/actions', { schoolId, goalId: target.goal.id }), body), true);
      }
    } catch (failure) {
      fromError(failure, { title: titleMessage, dueOn: t('Kies een datum.') }, t('Kijk dit veld na.'));
    } finally {
      setIsBusy(false);
    }
  };

  const dialogTitle = action ? t('Actie wijzigen: {{title}}', { title: action.title }) : t('Actie toevoegen bij {{goal}}', { goal: target && 'goal' in target ? goalName(target.goal) : '' });
  return (
    <Dialog isOpen={target !== null} title={dialogTitle} onClose={onClose}>
      <ErrorSummary errors={errors} labels={labels} />
      <form onSubmit={(event) => void save(event)} noValidate>
        <TextField id="actie-title" label={labels['actie-title']} value={title} onChange={setTitle} error={errors.fields['actie-title']} required maxLength={PLAN_LIMITS.titleMax} />
        <SelectField id="actie-ownerUserId" label={labels['actie-ownerUserId']} value={owner} onChange={setOwner} options={ownerOptions(t, people, action?.owner ?? null)} error={errors.fields['actie-ownerUserId']} />
        <TextField id="actie-dueOn" type="date" label={labels['actie-dueOn']} value={dueOn} onChange={setDueOn} error={errors.fields['actie-dueOn']} hint={t('Mag leeg blijven.')} />
        <SelectField
          id="actie-status"
          label={labels['actie-status']}
          value={status}
          onChange={(value) => setStatus(value as PlanAction['status'])}
          options={ACTION_STATUSES.map((value) => ({ value, label: actionStatusLabel(t, value) }))}
          error={errors.fields['actie-status']}
        />
        <SelectField
          id="actie-kotterStep"
          label={labels['actie-kotterStep']}
          value={kotterStep}
          onChange={setKotterStep}
          hint={t('Optioneel: bij welke stap van verandering hoort deze actie?')}
          options={[{ value: '', label: t('Geen stap gekozen') }, ...KOTTER_STEPS.map((step, index) => ({ value: step, label: `${index + 1}. ${kotterLabel(t, step)}` }))]}
          error={errors.fields['actie-kotterStep']}
        />
        <FormActions>
          <button type="submit" className="button" disabled={isBusy}>
            {action ? t('Opslaan') : t('Actie toevoegen')}
          </button>
          <button type="button" className="button button-secondary" onClick={onClose}>
            {t('Annuleren')}
          </button>
        </FormActions>
      </form>
    </Dialog>
  );
}
