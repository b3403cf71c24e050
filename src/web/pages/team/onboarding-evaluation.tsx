import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api-client';
import type { Evaluation, EvaluationBody, EvaluationResults } from '../../api/team-onboarding-types';
import { useApiData } from '../../api/use-api-data';
import { useRefusalWords } from '../../components/form-errors';
import { FormActions } from '../../components/form-fields';
import { ErrorMessage, LoadState } from '../../components/load-state';
import { useFormat } from '../../i18n/format';

type Localised = { nl: string; en: string };

// The instrument's own texts come in Dutch and English; the page shows the one of the chosen language.
function useLocalised() {
  const { i18n } = useTranslation();
  return (text: Localised) => (i18n.language.startsWith('en') ? text.en : text.nl);
}

/** The newcomer's look back on the onboarding: the instrument's questions, saved on the way, handed in once. */
export function OnboardingEvaluation({ url, onChanged }: { url: string; onChanged: (message: string) => void }) {
  const { t } = useTranslation();
  const text = useLocalised();
  const format = useFormat();
  const refusal = useRefusalWords();
  const evaluation = useApiData<Evaluation>(url);
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const data = evaluation.data;
  useEffect(() => {
    if (data) setAnswers(data.answers);
  }, [data]);

  const save = async (submit: boolean) => {
    setFailure(null);
    try {
      const body: EvaluationBody = { answers, submit };
      evaluation.setData(await api.put<Evaluation>(url, body));
      onChanged(submit ? t('Je terugblik is ingeleverd. Dank je wel!') : t('Je antwoorden zijn bewaard. Je kunt later verder.'));
    } catch (error) {
      setFailure(refusal.failure(error));
    }
  };

  return (
    <div className="card">
      <h3>{t('Terugblik op het inwerken')}</h3>
      {!data ? (
        <LoadState error={evaluation.error} isLoading={evaluation.isLoading} />
      ) : data.submittedAt ? (
        <p>{t('Ingeleverd op {{date}}. Dank je wel voor je terugblik.', { date: format.date(data.submittedAt) })}</p>
      ) : !data.isOpen ? (
        <p>{t('Vanaf de derde week kijk je hier terug op je inwerken. De school ziet alleen cijfers over een groep nieuwe collega’s, nooit jouw antwoorden.')}</p>
      ) : (
        <>
          <p>{text(data.instrument.description)}</p>
          <ErrorMessage message={failure} />
          {data.instrument.items.map((item) => (
            <fieldset key={item.id} className="field">
              <legend>{text(item.text)}</legend>
              {data.instrument.options.map((option) => {
                const id = `evaluation-${item.id}-${option.value}`;
                return (
                  <div className="radio" key={option.value}>
                    <input type="radio" id={id} name={`evaluation-${item.id}`} checked={answers[item.id] === option.value} onChange={() => setAnswers({ ...answers, [item.id]: option.value })} />
                    <label htmlFor={id}>{text(option.label)}</label>
                  </div>
                );
              })}
            </fieldset>
          ))}
          <FormActions>
            <button type="button" className="button button-secondary" onClick={() => void save(false)}>
              {t('Bewaren en later verder')}
            </button>
            <button type="button" className="button" onClick={() => void save(true)}>
              {t('Terugblik inleveren')}
            </button>
          </FormActions>
        </>
      )}
    </div>
  );
}

/** The newcomers' evaluations as figures for the school: per scale, only with at least k handed in. */
export function EvaluationFigures({ url }: { url: string }) {
  const { t } = useTranslation();
  const text = useLocalised();
  const format = useFormat();
  const results = useApiData<EvaluationResults>(url);
  const data = results.data;
  return (
    <section aria-labelledby="onboarding-figures">
      <h2 id="onboarding-figures">{t('Hoe nieuwe collega’s het inwerken ervaren')}</h2>
      {!data ? (
        <LoadState error={results.error} isLoading={results.isLoading} />
      ) : data.scales.every((scale) => scale.figures.hidden) ? (
        <p>
          {t('Er zijn {{submitted}} terugblikken ingeleverd. Cijfers verschijnen vanaf {{k}} terugblikken, zodat niemand te herkennen is.', { submitted: data.submitted, k: data.k })}
        </p>
      ) : (
        <ul>
          {data.scales.map((scale) => (
            <li key={scale.id}>
              <strong>{text(scale.name)}</strong>:{' '}
              {scale.figures.hidden
                ? t('te weinig antwoorden om te tonen')
                : t('gemiddeld {{mean}} op 5, {{share}}% positief (n = {{n}})', {
                    mean: format.decimal(scale.figures.mean, 1),
                    share: Math.round(scale.figures.favourableShare * 100),
                    n: scale.figures.n,
                  })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
