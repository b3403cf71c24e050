import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, apiPath } from '../../api/api-client';
import type { ClosedWave, OpenWave, SavedAnswers } from '../../api/questionnaire-types';
import { useApiData } from '../../api/use-api-data';
import { ErrorSummary, FormActions } from '../../components/form-fields';
import { useFormErrors } from '../../components/form-errors';
import { LoadState, SuccessMessage } from '../../components/load-state';
import { Page } from '../../components/page';
import { useFormat } from '../../i18n/format';
import { useSchool } from '../school/school-layout';
import { useModelText } from '../selfscan/selfscan-model';

type Instrument = OpenWave['instruments'][number];

/** A teacher's open measurement waves: each questionnaire on one page, saved as often as they like. */
export function MyQuestionnairesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { school } = useSchool();
  const { data: waves, error, isLoading } = useApiData<OpenWave[]>(apiPath('/api/schools/:schoolId/my-questionnaires', { schoolId: school.id }));

  return (
    <Page
      title={t('Vragenlijsten')}
      intro={
        <p>
          {t(
            'Je antwoorden zijn alleen voor jou zichtbaar. De school ziet ze nooit los: alleen samengevoegd met die van minstens een aantal collega\'s, en pas als de meting gesloten is. Je kunt tussendoor opslaan en later verder gaan.',
          )}
        </p>
      }
    >
      <LoadState error={error} isLoading={isLoading && !waves} />
      {waves && waves.length === 0 ? <p className="notice">{t('Er staat nu geen vragenlijst voor je klaar.')}</p> : null}
      {(waves ?? []).map((wave) => (
        <section key={wave.id} aria-labelledby={`meting-${wave.id}`}>
          <h2 id={`meting-${wave.id}`}>{wave.name}</h2>
          <p className="muted">{t('Invullen kan tot en met {{date}}.', { date: format.date(wave.closesOn) })}</p>
          {wave.instruments.map((instrument) => (
            <InstrumentForm key={instrument.id} schoolId={school.id} waveId={wave.id} instrument={instrument} />
          ))}
        </section>
      ))}
      <ClosedWaves schoolId={school.id} />
    </Page>
  );
}

/** Links to the results of closed waves: teacher waves (with your own scores) and pupil waves of your classes. */
function ClosedWaves({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data: waves } = useApiData<ClosedWave[]>(apiPath('/api/schools/:schoolId/my-questionnaires/closed', { schoolId }));
  if (!waves || waves.length === 0) return null;
  return (
    <section aria-labelledby="gesloten-metingen">
      <h2 id="gesloten-metingen">{t('Uitkomsten van gesloten metingen')}</h2>
      <ul>
        {waves.map((wave) => (
          <li key={wave.id}>
            <Link to={`/scholen/${schoolId}/metingen/${wave.id}/uitkomsten`}>{wave.name}</Link>{' '}
            <span className="muted">
              {wave.audience === 'teachers' ? t('(leerkrachten, gesloten op {{date}})', { date: format.date(wave.closesOn) }) : t('(leerlingen van jouw klas, gesloten op {{date}})', { date: format.date(wave.closesOn) })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function InstrumentForm({ schoolId, waveId, instrument }: { schoolId: string; waveId: string; instrument: Instrument }) {
  const { t } = useTranslation();
  const text = useModelText();
  const [answers, setAnswers] = useState<Record<string, number>>(instrument.myAnswers);
  const [saved, setSaved] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const { errors, fromError, clear } = useFormErrors(`${instrument.id}-`);
  const answered = instrument.items.filter((item) => answers[item.id] !== undefined).length;
  const headingId = `vragenlijst-${waveId}-${instrument.id}`;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    setIsBusy(true);
    try {
      const result = await api.put<SavedAnswers>(
        apiPath('/api/schools/:schoolId/my-questionnaires/:waveId/:instrumentId', { schoolId, waveId, instrumentId: instrument.id }),
        { answers },
      );
      clear();
      setSaved(
        result.isComplete
          ? t('Opgeslagen: je hebt alle {{items}} vragen beantwoord. Dank je wel!', { items: result.items })
          : t('Opgeslagen: {{answered}} van de {{items}} vragen beantwoord. Je kunt later verder gaan.', { answered: result.answered, items: result.items }),
      );
    } catch (failure) {
      fromError(failure);
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <section aria-labelledby={headingId} className="card">
      <h3 id={headingId}>{text(instrument.name)}</h3>
      <p>{text(instrument.description)}</p>
      <p className="muted" aria-live="polite">
        {t('{{answered}} van de {{items}} vragen beantwoord', { answered, items: instrument.items.length })}
      </p>
      <ErrorSummary errors={errors} labels={{}} />
      <form onSubmit={(event) => void save(event)} noValidate>
        {instrument.items.map((item, index) => {
          const scale = instrument.responseScales.find((candidate) => candidate.id === item.responseScale);
          const name = `${waveId}-${item.id}`;
          return (
            <fieldset key={item.id} className="field question">
              <legend>
                <span className="question-number">{t('Vraag {{number}}', { number: index + 1 })}</span> {text(item.text)}
              </legend>
              <div className="answer-options">
                {(scale?.options ?? []).map((option) => {
                  const id = `${name}-${option.value}`;
                  return (
                    <div key={option.value} className="radio">
                      <input type="radio" id={id} name={name} checked={answers[item.id] === option.value} onChange={() => setAnswers({ ...answers, [item.id]: option.value })} />
                      <label htmlFor={id}>{text(option.label)}</label>
                    </div>
                  );
                })}
              </div>
            </fieldset>
          );
        })}
        <FormActions>
          <button type="submit" className="button" disabled={isBusy}>
            {t('Antwoorden opslaan')}
          </button>
        </FormActions>
      </form>
      <SuccessMessage message={saved} />
    </section>
  );
}
