import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SCREENING_INFORMANTS, type ScreeningInformant } from '../../../shared/care';
import { api, apiPath } from '../../api/api-client';
import type { AddScreeningBody, PupilScreenings, Screening } from '../../api/care-types';
import type { ApiData } from '../../api/use-api-data';
import { useRefusalWords } from '../../components/form-errors';
import { FormActions, SelectField, TextField } from '../../components/form-fields';
import { ErrorMessage, LoadState, SuccessMessage } from '../../components/load-state';
import { useFormat } from '../../i18n/format';
import { useModelText } from '../selfscan/selfscan-model';
import { useSchool } from '../school/school-layout';
import { screeningInformantLabel } from './care-labels';

/**
 * Trauma screenings of one pupil for the care team: entered from the paper form, scored exactly. The page reads them
 * (the referral form links to them too) and hands them in.
 */
export function CareScreeningsSection({ pupilId, screenings }: { pupilId: string; screenings: ApiData<PupilScreenings> }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="screenings-kop">
      <h2 id="screenings-kop">{t('Screenings')}</h2>
      {screenings.data ? (
        <>
          <p className="muted">{t('Alleen het zorgteam ziet dit. Een screening wijst op klachten; ze stelt geen diagnose.')}</p>
          {screenings.data.screenings.length === 0 ? <p className="notice">{t('Nog geen screenings.')}</p> : null}
          <ul className="care-stack">
            {screenings.data.screenings.map((screening) => (
              <li key={screening.id}>
                <ScreeningResult screening={screening} />
              </li>
            ))}
          </ul>
          <ScreeningForm
            data={screenings.data}
            pupilId={pupilId}
            onSaved={(screening) => screenings.setData({ ...screenings.data!, screenings: [screening, ...screenings.data!.screenings] })}
            onWordingSaved={(instrumentId, wording) =>
              screenings.setData({ ...screenings.data!, instruments: screenings.data!.instruments.map((entry) => (entry.id === instrumentId ? { ...entry, wording } : entry)) })
            }
          />
        </>
      ) : (
        <LoadState error={screenings.error} isLoading={screenings.isLoading} />
      )}
    </section>
  );
}

function ScreeningResult({ screening }: { screening: Screening }) {
  const { t } = useTranslation();
  const text = useModelText();
  const format = useFormat();
  return (
    <article className={screening.proposesReferral ? 'card notice-warning' : 'card card-quiet'} aria-label={`${text(screening.instrumentName)}, ${format.date(screening.takenOn)}`}>
      <h3>
        {text(screening.instrumentName)} · <time dateTime={screening.takenOn}>{format.date(screening.takenOn)}</time>
      </h3>
      <p className="muted">
        {screeningInformantLabel(t, screening.informant)}
        {screening.recordedByName ? ` · ${t('ingevoerd door {{name}}', { name: screening.recordedByName })}` : null}
      </p>
      {screening.total === null ? (
        <p>
          {t('Geen totaalscore: niet alle vragen zijn beantwoord (ontbreekt: {{items}}). Een score wordt nooit aangevuld of geschat.', { items: screening.missingItems.join(', ') })}
        </p>
      ) : (
        <p>
          <strong>{t('Totaal {{total}} van {{highest}}', { total: screening.total, highest: screening.highest })}</strong>
          {screening.band ? ` · ${text(screening.band.name)}` : null}
        </p>
      )}
      <ul>
        {screening.subscales.map((scale) => (
          <li key={scale.id}>
            {text(scale.name)}: {scale.score === null ? t('geen score (niet alle vragen beantwoord)') : t('{{score}} van {{highest}}', { score: scale.score, highest: scale.highest })}
          </li>
        ))}
      </ul>
      {screening.proposesReferral ? (
        <p role="note">
          <strong>{t('Voorstel: bespreek een verwijzing.')}</strong> {t('De uitkomst ligt boven het afkappunt. Dat is geen diagnose, maar wel een reden om in het zorgteam en met de ouders te bespreken of traumazorg nodig is — liever te vroeg dan te laat.')}
        </p>
      ) : null}
    </article>
  );
}

function ScreeningForm({
  data,
  pupilId,
  onSaved,
  onWordingSaved,
}: {
  data: PupilScreenings;
  pupilId: string;
  onSaved: (screening: Screening) => void;
  onWordingSaved: (instrumentId: string, wording: Record<string, string>) => void;
}) {
  const { t } = useTranslation();
  const { school } = useSchool();
  const text = useModelText();
  const refusal = useRefusalWords();
  const [instrumentId, setInstrumentId] = useState(data.instruments[0]?.id ?? '');
  const [informant, setInformant] = useState<ScreeningInformant>('pupil');
  const [takenOn, setTakenOn] = useState(new Date().toISOString().slice(0, 10));
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const instrument = data.instruments.find((candidate) => candidate.id === instrumentId);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    if (!instrument) return;
    const given = Object.fromEntries(Object.entries(answers).filter(([item, value]) => value !== '' && instrument.items.includes(item)).map(([item, value]) => [item, Number(value)]));
    if (Object.keys(given).length === 0) {
      setError(t('Vul de antwoorden van het formulier in.'));
      return;
    }
    setError(null);
    const body: AddScreeningBody = { instrumentId, informant, takenOn, answers: given };
    try {
      const screening = await api.post<Screening>(apiPath('/api/schools/:schoolId/pupils/:pupilId/care/screenings', { schoolId: school.id, pupilId }), body);
      onSaved(screening);
      setAnswers({});
      setSaved(t('De screening is opgeslagen; de uitkomst staat hierboven.'));
    } catch (failure) {
      setError(refusal.failure(failure));
    }
  };

  return (
    <>
      <form onSubmit={(event) => void submit(event)} noValidate className="card">
        <h3>{t('Screening van papier invoeren')}</h3>
        <p className="hint">{t('Neem per vraagnummer het antwoord over van het formulier waarvoor de school een licentie heeft. Laat een vraag zonder antwoord leeg.')}</p>
        <SuccessMessage message={saved} />
        <ErrorMessage message={error} />
        <SelectField
          id="screening-lijst"
          label={t('Vragenlijst')}
          value={instrumentId}
          onChange={(value) => {
            setInstrumentId(value);
            setAnswers({});
          }}
          options={data.instruments.map((entry) => ({ value: entry.id, label: text(entry.name) }))}
          hint={instrument ? text(instrument.description) : undefined}
        />
        <SelectField id="screening-invuller" label={t('Ingevuld door')} value={informant} onChange={(value) => setInformant(value as ScreeningInformant)} options={SCREENING_INFORMANTS.map((value) => ({ value, label: screeningInformantLabel(t, value) }))} />
        <TextField id="screening-datum" type="date" label={t('Datum van het formulier')} value={takenOn} onChange={setTakenOn} />
        {instrument ? (
          <fieldset className="field">
            <legend>{t('Antwoorden per vraag')}</legend>
            <div className="care-item-grid">
              {instrument.items.map((item) => (
                <SelectField
                  key={item}
                  id={`screening-vraag-${item}`}
                  label={instrument.wording[item] ? `${t('Vraag {{number}}', { number: item })}: ${instrument.wording[item]}` : t('Vraag {{number}}', { number: item })}
                  value={answers[item] ?? ''}
                  onChange={(value) => setAnswers((current) => ({ ...current, [item]: value }))}
                  options={[{ value: '', label: t('Leeg') }, ...instrument.options.map((option) => ({ value: String(option.value), label: `${option.value} · ${text(option.label)}` }))]}
                />
              ))}
            </div>
          </fieldset>
        ) : null}
        <FormActions>
          <button type="submit" className="button">
            {t('Screening opslaan')}
          </button>
        </FormActions>
      </form>
      {instrument ? <WordingEditor key={instrument.id} instrument={instrument} onSaved={(wording) => onWordingSaved(instrument.id, wording)} /> : null}
    </>
  );
}

/**
 * The question texts of the school's licensed form, typed in once by the care team: Groeiwijzer ships none (the
 * publishers' licences forbid changing them). Shown beside each question number in the form above.
 */
function WordingEditor({ instrument, onSaved }: { instrument: PupilScreenings['instruments'][number]; onSaved: (wording: Record<string, string>) => void }) {
  const { t } = useTranslation();
  const { school } = useSchool();
  const text = useModelText();
  const refusal = useRefusalWords();
  const [items, setItems] = useState<Record<string, string>>(instrument.wording);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const save = async () => {
    setSaved(null);
    setError(null);
    try {
      const result = await api.put<{ items: Record<string, string> }>(apiPath('/api/schools/:schoolId/care/screening-wordings/:instrumentId', { schoolId: school.id, instrumentId: instrument.id }), { items });
      onSaved(result.items);
      setSaved(t('De vraagteksten zijn opgeslagen.'));
    } catch (failure) {
      setError(refusal.failure(failure));
    }
  };
  return (
    <details className="care-versions">
      <summary>{t('Vraagteksten van jullie formulier ({{name}})', { name: text(instrument.name) })}</summary>
      <p className="hint">{t('Typ de vragen over zoals ze op het formulier staan waarvoor de school een licentie heeft; verander er niets aan. Ze staan dan naast elk vraagnummer. Leeg laten mag.')}</p>
      <SuccessMessage message={saved} />
      <ErrorMessage message={error} />
      {instrument.items.map((item) => (
        <TextField key={item} id={`screening-tekst-${item}`} label={t('Tekst van vraag {{number}}', { number: item })} value={items[item] ?? ''} onChange={(value) => setItems((current) => ({ ...current, [item]: value }))} maxLength={500} />
      ))}
      <button type="button" className="button button-secondary" onClick={() => void save()}>
        {t('Vraagteksten opslaan')}
      </button>
    </details>
  );
}
