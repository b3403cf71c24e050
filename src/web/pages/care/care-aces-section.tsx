import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACE_ANSWERS, ACE_INFORMANTS, type AceAnswer, type AceInformant, MANY_ACES_THRESHOLD } from '../../../shared/aces';
import { api, apiPath } from '../../api/api-client';
import type { PupilAces, SaveAcesBody } from '../../api/care-types';
import { useApiData } from '../../api/use-api-data';
import { useRefusalWords } from '../../components/form-errors';
import { FormActions, SelectField, TextField } from '../../components/form-fields';
import { ErrorMessage, LoadState, SuccessMessage } from '../../components/load-state';
import { TableWrap } from '../../components/table-wrap';
import { useFormat } from '../../i18n/format';
import { useModelText } from '../selfscan/selfscan-model';
import { useSchool } from '../school/school-layout';
import { aceAnswerLabel, aceInformantLabel } from './care-labels';

/**
 * ACEs of one pupil for the care team: what each informant said per category, and the combined view — a category
 * counts when any informant said yes, with the sources that said so.
 */
export function CareAcesSection({ pupilId }: { pupilId: string }) {
  const { t } = useTranslation();
  const { school } = useSchool();
  const text = useModelText();
  const format = useFormat();
  const aces = useApiData<PupilAces>(apiPath('/api/schools/:schoolId/pupils/:pupilId/care/aces', { schoolId: school.id, pupilId }));
  if (!aces.data) {
    return (
      <section aria-labelledby="aces-kop">
        <h2 id="aces-kop">{t('Ingrijpende jeugdervaringen')}</h2>
        <LoadState error={aces.error} isLoading={aces.isLoading} />
      </section>
    );
  }
  const data = aces.data;
  const answerOf = (category: string, informant: AceInformant) => data.answers.find((answer) => answer.category === category && answer.informant === informant);
  const nameOf = (category: string) => text(data.categories.find((entry) => entry.id === category)?.name ?? { nl: category, en: category });
  return (
    <section aria-labelledby="aces-kop">
      <h2 id="aces-kop">{t('Ingrijpende jeugdervaringen')}</h2>
      <p className="muted">{t('Alleen het zorgteam ziet dit. Eén bron weet nooit alles: een ervaring telt mee zodra de leerling, de ouders of het dossier "ja" zegt; een "nee" van een andere bron haalt dat niet weg.')}</p>
      <div className={data.combined.fourOrMore ? 'card notice-warning' : 'card card-quiet'}>
        <h3>{t('Samen gezien')}</h3>
        <p>
          {t('Ervaringen volgens minstens één bron: {{number}}', { number: data.combined.count })}
          {data.combined.fourOrMore ? ` · ${t('{{threshold}} of meer: extra aandacht nodig', { threshold: MANY_ACES_THRESHOLD })}` : null}
        </p>
        {data.combined.categories.length > 0 ? (
          <ul>
            {data.combined.categories.map((entry) => (
              <li key={entry.category}>
                {nameOf(entry.category)} — {t('volgens')} {entry.sources.map((source) => aceInformantLabel(t, source).toLowerCase()).join(', ')}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <TableWrap label={t('Antwoorden per bron')}>
        <table>
          <caption>{t('Het laatste antwoord van elke bron per ervaring')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('Ervaring')}</th>
              {ACE_INFORMANTS.map((informant) => (
                <th scope="col" key={informant}>
                  {aceInformantLabel(t, informant)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.categories.map((category) => (
              <tr key={category.id}>
                <th scope="row">{text(category.name)}</th>
                {ACE_INFORMANTS.map((informant) => {
                  const answer = answerOf(category.id, informant);
                  return (
                    <td key={informant}>
                      {answer ? (
                        <>
                          {aceAnswerLabel(t, answer.answer)} <span className="muted">({format.date(answer.recordedOn)})</span>
                        </>
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <FirstAgeForm years={data.firstAgeYears} pupilId={pupilId} onSaved={aces.reload} />
      <AcesForm data={data} pupilId={pupilId} onSaved={(next) => aces.setData(next)} />
    </section>
  );
}

function AcesForm({ data, pupilId, onSaved }: { data: PupilAces; pupilId: string; onSaved: (aces: PupilAces) => void }) {
  const { t } = useTranslation();
  const { school } = useSchool();
  const text = useModelText();
  const refusal = useRefusalWords();
  const [informant, setInformant] = useState<AceInformant>('pupil');
  const [recordedOn, setRecordedOn] = useState(new Date().toISOString().slice(0, 10));
  const [answers, setAnswers] = useState<Record<string, AceAnswer | ''>>({});
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const given = Object.entries(answers).filter((entry): entry is [string, AceAnswer] => entry[1] !== '');
    if (given.length === 0) {
      setError(t('Kies bij minstens één ervaring een antwoord.'));
      return;
    }
    setError(null);
    const body: SaveAcesBody = { informant, recordedOn, answers: given.map(([category, answer]) => ({ category, answer })) };
    try {
      onSaved(await api.put<PupilAces>(apiPath('/api/schools/:schoolId/pupils/:pupilId/care/aces', { schoolId: school.id, pupilId }), body));
      setAnswers({});
      setSaved(t('De antwoorden van {{informant}} zijn opgeslagen.', { informant: aceInformantLabel(t, informant).toLowerCase() }));
    } catch (failure) {
      setError(refusal.failure(failure));
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="card">
      <h3>{t('Antwoorden vastleggen')}</h3>
      <p className="hint">{t('Kies de bron en vul alleen in wat die bron zei; een nieuw antwoord vervangt het vorige van dezelfde bron.')}</p>
      <SuccessMessage message={saved} />
      <ErrorMessage message={error} />
      <SelectField id="aces-bron" label={t('Bron')} value={informant} onChange={(value) => setInformant(value as AceInformant)} options={ACE_INFORMANTS.map((value) => ({ value, label: aceInformantLabel(t, value) }))} />
      <TextField id="aces-datum" type="date" label={t('Wanneer gezegd of gelezen')} value={recordedOn} onChange={setRecordedOn} />
      <div className="care-ace-grid">
        {data.categories.map((category) => (
          <SelectField
            key={category.id}
            id={`aces-${category.id}`}
            label={text(category.name)}
            value={answers[category.id] ?? ''}
            onChange={(value) => setAnswers((current) => ({ ...current, [category.id]: value as AceAnswer | '' }))}
            options={[{ value: '', label: t('Niet gevraagd') }, ...ACE_ANSWERS.map((answer) => ({ value: answer, label: aceAnswerLabel(t, answer) }))]}
          />
        ))}
      </div>
      <FormActions>
        <button type="submit" className="button">
          {t('Antwoorden opslaan')}
        </button>
      </FormActions>
    </form>
  );
}

/** The age at the pupil's first ACE, when the care team knows it (empty: not known). */
function FirstAgeForm({ years, pupilId, onSaved }: { years: number | null; pupilId: string; onSaved: () => void }) {
  const { t } = useTranslation();
  const { school } = useSchool();
  const refusal = useRefusalWords();
  const [value, setValue] = useState(years === null ? '' : String(years));
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const trimmed = value.trim();
    if (trimmed !== '' && !/^\d{1,2}$/.test(trimmed)) {
      setError(t('Vul een leeftijd in hele jaren in (0 tot en met 20), of laat het leeg als die niet bekend is.'));
      return;
    }
    setError(null);
    try {
      await api.put(apiPath('/api/schools/:schoolId/pupils/:pupilId/care/aces/first-age', { schoolId: school.id, pupilId }), { years: trimmed === '' ? null : Number(trimmed) });
      setSaved(t('De leeftijd is opgeslagen.'));
      onSaved();
    } catch (failure) {
      setError(refusal.failure(failure));
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="card card-quiet">
      <SuccessMessage message={saved} />
      <TextField
        id="aces-eerste-leeftijd"
        label={t('Leeftijd bij de eerste ingrijpende ervaring (jaren)')}
        hint={t('Alleen als het bekend is; leeg betekent onbekend.')}
        value={value}
        onChange={setValue}
        error={error ?? undefined}
        maxLength={2}
      />
      <FormActions>
        <button type="submit" className="button button-secondary">
          {t('Leeftijd opslaan')}
        </button>
      </FormActions>
    </form>
  );
}
