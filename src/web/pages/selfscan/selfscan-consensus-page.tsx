import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, ApiError, apiPath } from '../../api/api-client';
import type { Consensus, DevelopmentModel, SelfscanGoal, TeamAspectCell } from '../../api/api-types';
import { useRefusalWords } from '../../components/form-errors';
import { FormActions } from '../../components/form-fields';
import { LoadState, SuccessMessage } from '../../components/load-state';
import { Page } from '../../components/page';
import { useFormat } from '../../i18n/format';
import { AddToPlan, usePlannedAspects } from '../plan/add-to-plan';
import { useSchool } from '../school/school-layout';
import { nextPhaseOf, PHASE_KEYS, phaseKey, type PlacedAspect, placedAspectsOf, tooFewAnswersText, useModelText } from './selfscan-model';
import { useRoundResults } from './selfscan-results-page';

/**
 * "Samen vaststellen", only once a round is closed (the results it reads exist only then): per aspect the four
 * phase descriptors with how many colleagues chose each (hidden below k), where the team records the agreed phase
 * and a short rationale; then the next goals.
 */
export function SelfscanConsensusPage() {
  const { t } = useTranslation();
  const modelText = useModelText();
  const { school } = useSchool();
  const { roundId = '' } = useParams();
  const { results, model, error, isReady } = useRoundResults(school.id, roundId);
  const [saved, setSaved] = useState<string | null>(null);

  if (!isReady || !results.data || !model.data) {
    return (
      <Page title={t('Samen vaststellen')}>
        <LoadState error={error} isLoading />
      </Page>
    );
  }
  const data = results.data;
  const definition = model.data.definition;
  const aspects = placedAspectsOf(definition);
  const stats = new Map(data.aggregate.aspects.map((entry) => [entry.aspect, entry]));
  // Discussion points first, the rest in model order.
  const isDiscussed = (aspectId: string) => {
    const cell = stats.get(aspectId);
    return cell !== undefined && !cell.hidden && cell.discuss;
  };
  const ordered = [...aspects].sort((a, b) => Number(isDiscussed(b.aspect.id)) - Number(isDiscussed(a.aspect.id)) || a.index - b.index);
  const consensus = new Map(data.consensus.map((entry) => [entry.aspectId, entry]));

  return (
    <Page
      title={t('Samen vaststellen: {{name}}', { name: data.round.name })}
      intro={
        <p>
          {t('Bespreek per accent in het team welke groeifase nu bij de school past en leg die vast met een korte onderbouwing. Bij elke groeifase staat de beschrijving en hoeveel collega’s die kozen. De bespreekpunten staan bovenaan.')}
        </p>
      }
    >
      <SuccessMessage message={saved} />
      <h2>{t('Groeifase per accent')}</h2>
      <ol className="consensus-list">
        {ordered.map((entry) => (
          <ConsensusItem
            key={entry.aspect.id}
            schoolId={school.id}
            roundId={roundId}
            entry={entry}
            definition={definition}
            stats={stats.get(entry.aspect.id)}
            minGroupSize={data.aggregate.minGroupSize}
            recorded={consensus.get(entry.aspect.id)}
            onSaved={(recorded) => {
              setSaved(t('Groeifase voor {{aspect}} vastgelegd.', { aspect: modelText(entry.aspect.name) }));
              results.setData((current) => (current ? { ...current, consensus: [...current.consensus.filter((item) => item.aspectId !== recorded.aspectId), recorded] } : current));
            }}
          />
        ))}
      </ol>
      <NextSteps
        schoolId={school.id}
        roundId={roundId}
        aspects={aspects}
        definition={definition}
        consensus={consensus}
        goals={data.goals}
        onSaved={(goals) => {
          setSaved(t('De gekozen doelen zijn opgeslagen.'));
          results.setData((current) => (current ? { ...current, goals } : current));
        }}
      />
      <p>
        <Link to={`/scholen/${school.id}/zelfscan/${roundId}/uitkomsten`}>{t('Naar de uitkomsten')}</Link>
      </p>
    </Page>
  );
}

interface ConsensusItemProps {
  schoolId: string;
  roundId: string;
  entry: PlacedAspect;
  definition: DevelopmentModel;
  stats: TeamAspectCell | undefined;
  minGroupSize: number;
  recorded: Consensus | undefined;
  onSaved: (consensus: Consensus) => void;
}

function ConsensusItem({ schoolId, roundId, entry, definition, stats, minGroupSize, recorded, onSaved }: ConsensusItemProps) {
  const { t } = useTranslation();
  const refusal = useRefusalWords();
  const format = useFormat();
  const modelText = useModelText();
  const [phase, setPhase] = useState(recorded ? String(recorded.phase) : '');
  const [rationale, setRationale] = useState(recorded?.rationale ?? '');
  const [fieldErrors, setFieldErrors] = useState<{ phase?: string; rationale?: string; form?: string }>({});
  const [isBusy, setIsBusy] = useState(false);
  const prefix = `consensus-${entry.index}`;
  const headingId = `${prefix}-kop`;
  const aspectName = modelText(entry.aspect.name);
  const shown = stats && !stats.hidden ? stats : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = {
      ...(phase === '' ? { phase: t('Kies een groeifase.') } : {}),
      ...(rationale.trim() === '' ? { rationale: t('Schrijf kort op waarom het team voor deze groeifase kiest.') } : {}),
    };
    setFieldErrors(found);
    if (Object.keys(found).length > 0) {
      document.getElementById(found.phase ? `${prefix}-fase-1` : `${prefix}-onderbouwing`)?.focus();
      return;
    }
    setIsBusy(true);
    try {
      const saved = await api.put<Consensus>(apiPath('/api/schools/:schoolId/selfscan/rounds/:roundId/consensus/:aspectId', { schoolId, roundId, aspectId: entry.aspect.id }), {
        phase: Number(phase),
        rationale,
      });
      onSaved(saved);
    } catch (failure) {
      setFieldErrors({ form: refusal.failure(failure) });
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <li className="card consensus-item">
      <section aria-labelledby={headingId}>
        <p className="aspect-layer">{modelText(entry.layer.name)}</p>
        <h3 id={headingId}>
          {aspectName} {shown?.discuss ? <span className="discuss-mark">{t('⚠ Bespreekpunt')}</span> : null}
        </h3>
        {shown ? (
          <p className="muted">
            {t('Mediaan {{median}} · overeenstemming {{rwg}} · {{n}} antwoorden, {{unknown}} keer “weet ik niet”', {
              median: format.decimal(shown.median, 1),
              rwg: format.decimal(shown.rwg),
              n: format.number(shown.n),
              unknown: format.number(shown.dontKnow),
            })}
          </p>
        ) : (
          <p className="muted">{tooFewAnswersText(t, minGroupSize)}</p>
        )}
        {recorded ? (
          <p className="notice notice-success consensus-recorded">
            {t('Vastgesteld: {{phase}}. {{rationale}}', { phase: modelText(definition.phases[phaseKey(recorded.phase)]), rationale: recorded.rationale })}
          </p>
        ) : (
          <p className="muted consensus-open">{t('Nog niet vastgesteld.')}</p>
        )}
        {fieldErrors.form ? (
          <p className="notice notice-error" role="alert">
            {fieldErrors.form}
          </p>
        ) : null}
        <form onSubmit={(event) => void submit(event)} noValidate className="consensus-form">
          <fieldset className={fieldErrors.phase ? 'field field-invalid' : 'field'} aria-describedby={fieldErrors.phase ? `${prefix}-fase-error` : undefined}>
            <legend>{t('Gezamenlijke groeifase voor {{aspect}}', { aspect: aspectName })}</legend>
            {fieldErrors.phase ? (
              <p className="field-error" id={`${prefix}-fase-error`}>
                {fieldErrors.phase}
              </p>
            ) : null}
            <div className="phase-options">
              {PHASE_KEYS.map((key) => {
                const id = `${prefix}-fase-${key}`;
                const count = shown ? shown.counts[key] : null;
                return (
                  <div key={key} className="phase-option">
                    <input type="radio" id={id} name={`${prefix}-fase`} value={key} checked={phase === key} onChange={() => setPhase(key)} />
                    <label htmlFor={id}>
                      <span className="phase-title">{modelText(definition.phases[key])}</span>
                      <span className="phase-text">{modelText(entry.aspect.descriptors[key])}</span>
                      {count === null || !shown ? null : (
                        <span className="phase-team">
                          <span className="phase-team-count">{t('{{chosen}} van {{n}} gekozen', { chosen: format.number(count), n: format.number(shown.n) })}</span>
                          <span className="bar-track" aria-hidden="true">
                            <span className="bar" style={{ width: `${shown.n === 0 ? 0 : (count / shown.n) * 100}%` }} />
                          </span>
                        </span>
                      )}
                    </label>
                  </div>
                );
              })}
            </div>
          </fieldset>
          <div className={fieldErrors.rationale ? 'field field-invalid' : 'field'}>
            <label htmlFor={`${prefix}-onderbouwing`}>{t('Onderbouwing')}</label>
            {fieldErrors.rationale ? (
              <p className="field-error" id={`${prefix}-onderbouwing-error`}>
                {fieldErrors.rationale}
              </p>
            ) : null}
            <textarea
              id={`${prefix}-onderbouwing`}
              rows={2}
              maxLength={2000}
              value={rationale}
              onChange={(event) => setRationale(event.target.value)}
              aria-invalid={fieldErrors.rationale ? true : undefined}
              aria-describedby={fieldErrors.rationale ? `${prefix}-onderbouwing-error` : undefined}
            />
          </div>
          <FormActions>
            <button type="submit" className="button button-small" disabled={isBusy} aria-label={t('Groeifase voor {{aspect}} vastleggen', { aspect: aspectName })}>
              {t('Vastleggen')}
            </button>
          </FormActions>
        </form>
      </section>
    </li>
  );
}

interface NextStepsProps {
  schoolId: string;
  roundId: string;
  aspects: PlacedAspect[];
  definition: DevelopmentModel;
  consensus: ReadonlyMap<string, Consensus>;
  goals: SelfscanGoal[];
  onSaved: (goals: SelfscanGoal[]) => void;
}

function NextSteps({ schoolId, roundId, aspects, definition, consensus, goals, onSaved }: NextStepsProps) {
  const { t } = useTranslation();
  const modelText = useModelText();
  const { can } = useSchool();
  const canEditPlan = can('school.plan.edit');
  const plannedAspects = usePlannedAspects(schoolId, canEditPlan);
  const [chosen, setChosen] = useState<string[]>(() => goals.map((goal) => goal.aspectId));
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const nameOf = (aspectId: string) => modelText(aspects.find((entry) => entry.aspect.id === aspectId)?.aspect.name ?? { nl: aspectId, en: aspectId });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setIsBusy(true);
    setError(null);
    try {
      const saved = await api.put<SelfscanGoal[]>(apiPath('/api/schools/:schoolId/selfscan/rounds/:roundId/goals', { schoolId, roundId }), {
        aspectIds: aspects.map((entry) => entry.aspect.id).filter((id) => chosen.includes(id)),
      });
      onSaved(saved);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <section aria-labelledby="volgende-stappen-kop" className="card">
      <h2 id="volgende-stappen-kop">{t('Volgende stappen')}</h2>
      <p className="muted">{t('Bij elk vastgesteld accent staat de beschrijving van de volgende groeifase: dat is het concrete volgende doel. Kies de doelen waar de school mee verder gaat.')}</p>
      {error ? (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      ) : null}
      <form onSubmit={(event) => void submit(event)} noValidate>
        <fieldset className="checkbox-group">
          <legend>{t('Doelen kiezen')}</legend>
          {aspects.map((entry) => {
            const agreed = consensus.get(entry.aspect.id);
            const id = `doel-${entry.index}`;
            if (!agreed) {
              return (
                <div className="checkbox goal-option" key={entry.aspect.id}>
                  <input type="checkbox" id={id} disabled aria-describedby={`${id}-hint`} />
                  <label htmlFor={id}>{modelText(entry.aspect.name)}</label>
                  <p className="hint" id={`${id}-hint`}>
                    {t('Leg eerst samen de groeifase vast.')}
                  </p>
                </div>
              );
            }
            const next = nextPhaseOf(agreed.phase);
            return (
              <div className="checkbox goal-option" key={entry.aspect.id}>
                <input
                  type="checkbox"
                  id={id}
                  checked={chosen.includes(entry.aspect.id)}
                  onChange={(event) => setChosen((list) => (event.target.checked ? [...list, entry.aspect.id] : list.filter((item) => item !== entry.aspect.id)))}
                  aria-describedby={`${id}-hint`}
                />
                <label htmlFor={id}>
                  {agreed.phase === 4
                    ? t('{{aspect}}: {{phase}} vasthouden', { aspect: modelText(entry.aspect.name), phase: modelText(definition.phases[next]) })
                    : t('{{aspect}}: op weg naar {{phase}}', { aspect: modelText(entry.aspect.name), phase: modelText(definition.phases[next]) })}
                </label>
                <p className="hint" id={`${id}-hint`}>
                  {modelText(entry.aspect.descriptors[next])}
                </p>
              </div>
            );
          })}
        </fieldset>
        <FormActions>
          <button type="submit" className="button" disabled={isBusy}>
            {t('Doelen opslaan')}
          </button>
        </FormActions>
      </form>
      <h3>{t('Gekozen doelen')}</h3>
      {goals.length === 0 ? (
        <p className="muted">{t('Nog geen doelen gekozen.')}</p>
      ) : (
        <ul className="goal-list">
          {goals.map((goal) => (
            <li key={goal.aspectId}>
              <strong>{t('{{aspect}}: {{phase}}', { aspect: nameOf(goal.aspectId), phase: modelText(definition.phases[phaseKey(goal.targetPhase)]) })}</strong>
              <br />
              {modelText(aspects.find((entry) => entry.aspect.id === goal.aspectId)?.aspect.descriptors[phaseKey(goal.targetPhase)] ?? { nl: '', en: '' })}
              {canEditPlan ? <AddToPlan schoolId={schoolId} roundId={roundId} aspectId={goal.aspectId} aspectName={nameOf(goal.aspectId)} isPlanned={plannedAspects.has(goal.aspectId)} /> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
