import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ApiError, apiPath } from '../../api/api-client';
import type { CreateGoalBody, PlanGoal, PlanOverview } from '../../api/plan-types';
import { useApiData } from '../../api/use-api-data';
import { planPath } from './plan-paths';

/** The aspects that already have a goal in this school year's plan (null path: the person cannot edit the plan). */
export function usePlannedAspects(schoolId: string, canEditPlan: boolean) {
  const { data } = useApiData<PlanOverview>(canEditPlan ? apiPath('/api/schools/:schoolId/plan', { schoolId }) : null);
  return new Set((data?.goals ?? []).flatMap((goal) => (goal.aspect ? [goal.aspect.aspectId] : [])));
}

interface AddToPlanProps {
  schoolId: string;
  roundId: string;
  aspectId: string;
  aspectName: string;
  isPlanned: boolean;
}

/** One click from a self-scan round's next goal to a goal in the annual plan; says so when it is already there. */
export function AddToPlan({ schoolId, roundId, aspectId, aspectName, isPlanned }: AddToPlanProps) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'added' | 'already' | 'busy'>('idle');
  const [error, setError] = useState<string | null>(null);

  const add = async () => {
    setState('busy');
    setError(null);
    try {
      const body: CreateGoalBody = { kind: 'aspect', roundId, aspectId };
      await api.post<PlanGoal>(apiPath('/api/schools/:schoolId/plan/goals', { schoolId }), body);
      setState('added');
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'duplicate_aspect_goal') {
        setState('already');
        return;
      }
      setState('idle');
      setError(failure instanceof ApiError ? failure.message : String(failure));
    }
  };

  if (isPlanned || state === 'added' || state === 'already') {
    return (
      <p className="add-to-plan-done" role={state === 'idle' ? undefined : 'status'}>
        {state === 'already' ? t('Dit accent stond al in het implementatieplan.') : t('{{aspect}} staat in het implementatieplan.', { aspect: aspectName })}{' '}
        <Link to={planPath(schoolId)}>{t('Bekijk het implementatieplan')}</Link>
      </p>
    );
  }
  return (
    <div className="add-to-plan">
      {error ? (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="button" className="button button-small button-secondary" disabled={state === 'busy'} aria-label={t('{{aspect}}: zet in het implementatieplan', { aspect: aspectName })} onClick={() => void add()}>
        {t('Zet in het implementatieplan')}
      </button>
    </div>
  );
}
