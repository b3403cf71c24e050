import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, apiPath } from '../../api/api-client';
import type { Pupil } from '../../api/api-types';
import type { ResearchOverview, Study } from '../../api/questionnaire-types';
import { useApiData } from '../../api/use-api-data';
import { ErrorSummary, FormActions, SelectField, TextField } from '../../components/form-fields';
import { useFormErrors } from '../../components/form-errors';
import { LoadState, SuccessMessage } from '../../components/load-state';
import { Page } from '../../components/page';
import { TableWrap } from '../../components/table-wrap';
import { useFormat } from '../../i18n/format';
import { useSchool } from '../school/school-layout';
import { useModelText } from '../selfscan/selfscan-model';

// The research export for the school's data steward (issue 13): the studies the school joins, per study the
// pseudonymised answers and a codebook per questionnaire, and the pupils whose answers stay out of every study.

/** Studies, their downloads and the objections. */
export function ResearchPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const text = useModelText();
  const { school } = useSchool();
  const path = apiPath('/api/schools/:schoolId/research', { schoolId: school.id });
  const { data, error, isLoading, reload } = useApiData<ResearchOverview>(path);
  const [saved, setSaved] = useState<string | null>(null);
  const [withdrawError, setWithdrawError] = useState<string | null>(null);

  const withdraw = async (pupilId: string, name: string) => {
    setWithdrawError(null);
    try {
      await api.delete(apiPath('/api/schools/:schoolId/research/objections/:pupilId', { schoolId: school.id, pupilId }));
      setSaved(t('Het bezwaar van {{name}} is ingetrokken: de antwoorden tellen weer mee.', { name }));
      reload();
    } catch (failure) {
      setWithdrawError(failure instanceof ApiError ? failure.message : String(failure));
    }
  };

  return (
    <Page
      title={t('Onderzoek')}
      intro={
        <p>
          {t(
            'Doet de school mee aan een onderzoek, dan download je hier per vragenlijst de antwoorden van alle afgesloten metingen. Iedereen staat erin onder een schuilnaam die alleen binnen dit onderzoek gelijk blijft; de sleutel daarvoor verlaat de server nooit. Er staan geen namen, geboortedata of klassen in, alleen het geboortejaar en de soort school. Leerlingen met bezwaar blijven erbuiten. Elke download komt in het logboek.',
          )}
        </p>
      }
    >
      <SuccessMessage message={saved} />
      <LoadState error={error} isLoading={isLoading && !data} />
      {data ? (
        <>
          <section aria-labelledby="onderzoeken-kop">
            <h2 id="onderzoeken-kop">{t('Onderzoeken')}</h2>
            {data.studies.length === 0 ? <p>{t('De school doet nog niet mee aan een onderzoek.')}</p> : null}
            {data.studies.map((study) => (
              <StudyDownloads key={study.id} study={study} instruments={data.instruments} />
            ))}
            {data.studies.length > 0 && data.instruments.length === 0 ? <p>{t('Er is nog geen afgesloten meting om te downloaden.')}</p> : null}
            <StudyForm
              onAdded={(study) => {
                setSaved(t('Onderzoek ‘{{name}}’ is toegevoegd.', { name: study.name }));
                reload();
              }}
            />
          </section>

          <section aria-labelledby="bezwaar-kop">
            <h2 id="bezwaar-kop">{t('Bezwaar tegen onderzoek')}</h2>
            <p>{t('Hebben een leerling of de ouders bezwaar gemaakt, leg dat hier vast. Hun antwoorden blijven dan buiten elk onderzoek, ook buiten downloads die nog komen.')}</p>
            {withdrawError ? (
              <p className="form-error" role="alert">
                {withdrawError}
              </p>
            ) : null}
            {data.objections.length === 0 ? (
              <p>{t('Er is geen bezwaar vastgelegd.')}</p>
            ) : (
              <TableWrap label={t('Leerlingen met bezwaar')}>
                <table>
                  <caption>{t('Leerlingen met bezwaar')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('Leerling')}</th>
                      <th scope="col">{t('Vastgelegd op')}</th>
                      <th scope="col">{t('Acties')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.objections.map((objection) => (
                      <tr key={objection.pupilId}>
                        <th scope="row">{objection.name}</th>
                        <td>{format.date(objection.recordedOn)}</td>
                        <td>
                          <button type="button" className="button button-secondary" onClick={() => void withdraw(objection.pupilId, objection.name)}>
                            {t('Bezwaar van {{name}} intrekken', { name: objection.name })}
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            )}
            <ObjectionForm
              objecting={new Set(data.objections.map((objection) => objection.pupilId))}
              onRecorded={(name) => {
                setSaved(t('Het bezwaar van {{name}} is vastgelegd.', { name }));
                reload();
              }}
            />
          </section>
          <p className="muted">{t('Vragenlijsten in een download: {{names}}.', { names: data.instruments.map((instrument) => text(instrument.name)).join(', ') || '–' })}</p>
        </>
      ) : null}
    </Page>
  );
}

function StudyDownloads({ study, instruments }: { study: Study; instruments: ResearchOverview['instruments'] }) {
  const { t, i18n } = useTranslation();
  const text = useModelText();
  const format = useFormat();
  const { school } = useSchool();
  const headingId = `onderzoek-${study.id}`;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>{study.name}</h3>
      <p className="muted">{t('Toegevoegd op {{date}}', { date: format.date(study.createdAt.slice(0, 10)) })}</p>
      {instruments.length > 0 ? (
        <ul className="research-downloads">
          {instruments.map((instrument) => {
            const params = { schoolId: school.id, studyId: study.id, instrumentId: instrument.id };
            const name = text(instrument.name);
            return (
              <li key={instrument.id}>
                <span>{t('{{name}} (metingen: {{waves}})', { name, waves: instrument.waves })}</span>{' '}
                <a className="button button-secondary" href={apiPath('/api/schools/:schoolId/research/studies/:studyId/:instrumentId/answers.csv', params)} download>
                  {t('Antwoorden van {{name}} (csv)', { name })}
                </a>{' '}
                <a className="button button-secondary" href={apiPath('/api/schools/:schoolId/research/studies/:studyId/:instrumentId/codebook.csv', params, { lang: i18n.language === 'en' ? 'en' : 'nl' })} download>
                  {t('Codeboek van {{name}} (csv)', { name })}
                </a>
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}

function StudyForm({ onAdded }: { onAdded: (study: Study) => void }) {
  const { t } = useTranslation();
  const { school } = useSchool();
  const [name, setName] = useState('');
  const { errors, check, fromError } = useFormErrors('onderzoek-');
  const labels = { 'onderzoek-name': t('Naam van het onderzoek') };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!check({ 'onderzoek-name': name.trim() === '' && t('Vul een naam in.') }, t('Niet alle velden zijn goed ingevuld.'))) return;
    try {
      const study = await api.post<Study>(apiPath('/api/schools/:schoolId/research/studies', { schoolId: school.id }), { name: name.trim() });
      setName('');
      onAdded(study);
    } catch (failure) {
      fromError(failure, { name: t('Vul een naam in van hoogstens 120 tekens, zonder regeleinden.') });
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="onderzoek-toevoegen">
      <h3 id="onderzoek-toevoegen">{t('Onderzoek toevoegen')}</h3>
      <ErrorSummary errors={errors} labels={labels} />
      <TextField id="onderzoek-name" label={labels['onderzoek-name']} hint={t('Bijvoorbeeld de naam van de universiteit of de studie.')} value={name} onChange={setName} error={errors.fields['onderzoek-name']} required maxLength={120} />
      <FormActions>
        <button type="submit" className="button">
          {t('Onderzoek toevoegen')}
        </button>
      </FormActions>
    </form>
  );
}

function ObjectionForm({ objecting, onRecorded }: { objecting: ReadonlySet<string>; onRecorded: (name: string) => void }) {
  const { t } = useTranslation();
  const { school } = useSchool();
  const { data: pupils } = useApiData<Pupil[]>(apiPath('/api/schools/:schoolId/pupils', { schoolId: school.id }, { schoolYear: school.currentSchoolYear }));
  const [pupilId, setPupilId] = useState('');
  const { errors, check, fromError } = useFormErrors('bezwaar-');
  const labels = { 'bezwaar-pupil': t('Leerling') };
  const choices = (pupils ?? []).filter((pupil) => !objecting.has(pupil.id));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!check({ 'bezwaar-pupil': pupilId === '' && t('Kies een leerling.') }, t('Niet alle velden zijn goed ingevuld.'))) return;
    const pupil = choices.find((candidate) => candidate.id === pupilId);
    try {
      await api.put(apiPath('/api/schools/:schoolId/research/objections/:pupilId', { schoolId: school.id, pupilId }));
      setPupilId('');
      onRecorded(pupil ? `${pupil.firstName} ${pupil.lastName}` : '');
    } catch (failure) {
      fromError(failure);
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="bezwaar-vastleggen">
      <h3 id="bezwaar-vastleggen">{t('Bezwaar vastleggen')}</h3>
      <ErrorSummary errors={errors} labels={labels} />
      <SelectField
        id="bezwaar-pupil"
        label={labels['bezwaar-pupil']}
        value={pupilId}
        onChange={setPupilId}
        options={[{ value: '', label: t('Kies een leerling') }, ...choices.map((pupil) => ({ value: pupil.id, label: `${pupil.lastName}, ${pupil.firstName}` }))]}
        error={errors.fields['bezwaar-pupil']}
        required
      />
      <FormActions>
        <button type="submit" className="button">
          {t('Bezwaar vastleggen')}
        </button>
      </FormActions>
    </form>
  );
}
