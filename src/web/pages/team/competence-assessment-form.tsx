import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COMPETENCE_LIMITS } from '../../../shared/competence-profile';
import { api } from '../../api/api-client';
import type { AssessmentBody, AssessmentDetail } from '../../api/team-competence-types';
import { useFormErrors } from '../../components/form-errors';
import { ErrorSummary, FormActions, TextAreaField } from '../../components/form-fields';
import { useModelText } from '../selfscan/selfscan-model';

const STEP_KEYS = ['1', '2', '3', '4'] as const;

/** One indicator's answer in the form: the chosen step (null: still open) and the evidence. */
interface Answer {
  step: number | null;
  evidence: string;
}

/**
 * The self-assessment form: per competence (folded, so the page stays short) each indicator with the four steps and
 * "not yet applicable", and a short evidence text; the personal goals at the end. "Opslaan" keeps the draft;
 * "Afronden" saves and completes it — from then on it is kept, dated, as a point of growth.
 */
export function CompetenceAssessmentForm({ schoolId, assessment, onDone }: { schoolId: string; assessment: AssessmentDetail; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const text = useModelText();
  const { errors, fromError, clear } = useFormErrors('competentie-');
  const profile = assessment.profile.definition;
  const [answers, setAnswers] = useState<Record<string, Answer>>(() =>
    Object.fromEntries(assessment.ratings.map((rating) => [rating.indicatorId, { step: rating.step, evidence: rating.evidence }])),
  );
  const [goals, setGoals] = useState(assessment.goals);
  const [isBusy, setIsBusy] = useState(false);
  const url = `/api/schools/${encodeURIComponent(schoolId)}/team/competence/assessments/${encodeURIComponent(assessment.id)}`;
  const answerOf = (indicatorId: string): Answer => answers[indicatorId] ?? { step: null, evidence: '' };
  const setAnswer = (indicatorId: string, change: Partial<Answer>) => setAnswers((current) => ({ ...current, [indicatorId]: { ...answerOf(indicatorId), ...current[indicatorId], ...change } }));

  const save = async (complete: boolean) => {
    setIsBusy(true);
    clear();
    try {
      const body: AssessmentBody = {
        ratings: Object.entries(answers)
          .filter(([, answer]) => answer.step !== null)
          .map(([indicatorId, answer]) => ({ indicatorId, step: answer.step as 0 | 1 | 2 | 3 | 4, evidence: answer.evidence })),
        goals,
      };
      await api.put<AssessmentDetail>(url, body);
      if (complete) await api.post<AssessmentDetail>(`${url}/completion`);
      onDone(complete ? t('Je zelfbeoordeling is afgerond en bewaard. Je ziet je groei hieronder.') : t('Je zelfbeoordeling is opgeslagen. Je kunt later verder.'));
    } catch (error) {
      fromError(error, { ratings: t('Kies bij minstens één indicator een stap.') }, t('Controleer wat je hebt ingevuld.'));
    } finally {
      setIsBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save(true);
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="competentie-formulier">
      <h2 id="competentie-formulier">{t('Je zelfbeoordeling')}</h2>
      <p className="hint">
        {t('Kies per uitspraak de stap die nu het beste bij je past. Past een uitspraak (nog) niet bij je werk, kies dan "nog niet van toepassing". Alleen jij ziet dit, tot je het zelf deelt.')}
      </p>
      <ErrorSummary errors={errors} labels={{ 'competentie-ratings': t('Stappen'), 'competentie-goals': t('Mijn doelen') }} />
      {profile.competences.map((competence) => {
        const rated = competence.indicators.filter((indicator) => answerOf(indicator.id).step !== null).length;
        return (
          <details key={competence.id} className="competence-block">
            <summary>
              <h3>{text(competence.name)}</h3> <span className="muted">{t('{{rated}} van {{total}} ingevuld', { rated, total: competence.indicators.length })}</span>
            </summary>
            <p>{text(competence.description)}</p>
            {competence.indicators.map((indicator) => {
              const answer = answerOf(indicator.id);
              const name = `stap-${indicator.id}`;
              return (
                <fieldset key={indicator.id} className="field competence-indicator">
                  <legend>{text(indicator.text)}</legend>
                  <div className="competence-steps">
                    {STEP_KEYS.map((key) => (
                      <div className="radio" key={key}>
                        <input type="radio" id={`${name}-${key}`} name={name} checked={answer.step === Number(key)} onChange={() => setAnswer(indicator.id, { step: Number(key) })} />
                        <label htmlFor={`${name}-${key}`}>
                          {key} – {text(profile.steps[key])}
                        </label>
                      </div>
                    ))}
                    <div className="radio">
                      <input type="radio" id={`${name}-0`} name={name} checked={answer.step === 0} onChange={() => setAnswer(indicator.id, { step: 0 })} />
                      <label htmlFor={`${name}-0`}>{t('Nog niet van toepassing')}</label>
                    </div>
                  </div>
                  <TextAreaField
                    id={`bewijs-${indicator.id}`}
                    label={t('Waaraan zie je dat? (mag leeg blijven)')}
                    value={answer.evidence}
                    onChange={(evidence) => setAnswer(indicator.id, { evidence })}
                    maxLength={COMPETENCE_LIMITS.evidence}
                    rows={2}
                  />
                </fieldset>
              );
            })}
          </details>
        );
      })}
      <TextAreaField
        id="competentie-goals"
        label={t('Mijn doelen')}
        hint={t('Waar wil je de komende tijd aan werken? Versleuteld bewaard; alleen jij en wie je het deelt lezen het.')}
        value={goals}
        onChange={setGoals}
        error={errors.fields['competentie-goals']}
        maxLength={COMPETENCE_LIMITS.goals}
        rows={4}
      />
      <FormActions>
        <button type="submit" className="button" disabled={isBusy}>
          {t('Afronden en bewaren')}
        </button>
        <button type="button" className="button button-secondary" disabled={isBusy} onClick={() => void save(false)}>
          {t('Opslaan en later verder')}
        </button>
      </FormActions>
    </form>
  );
}
