import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiError, apiPath } from '../../api/api-client';
import type { Choices, SociogramDetail, SociogramResults } from '../../api/sociogram-types';
import { useApiData } from '../../api/use-api-data';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useFormErrors } from '../../components/form-errors';
import { ErrorSummary, SelectField } from '../../components/form-fields';
import { ErrorMessage, LoadState, SuccessMessage } from '../../components/load-state';
import { Page } from '../../components/page';
import { TableWrap } from '../../components/table-wrap';
import { useFormat } from '../../i18n/format';
import { useSession } from '../../session/session-context';
import { useSchool } from '../school/school-layout';
import { classGroupPath } from './group-paths';
import { questionText } from './sociogram-labels';
import { SociogramResultsView } from './sociogram-results';

/**
 * One sociogram. While it runs: who answered (never what), typing in a paper round, closing it. Once closed: its
 * results (loading them is audited), opening it again, and removing it with every answer after a confirmation.
 */
export function SociogramPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { school } = useSchool();
  const { sociogramId = '' } = useParams();
  const navigate = useNavigate();
  const base = apiPath('/api/schools/:schoolId/sociograms/:sociogramId', { schoolId: school.id, sociogramId });
  const sociogram = useApiData<SociogramDetail>(base);
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [isRemoving, setIsRemoving] = useState(false);

  if (!sociogram.data) {
    return (
      <Page title={t('Sociogram')}>
        {sociogram.error?.code === 'not_found' ? (
          <p className="notice notice-error" role="alert">
            {t('Dit sociogram bestaat niet of hoort niet bij een van jouw klassen.')}
          </p>
        ) : (
          <LoadState error={sociogram.error} isLoading={sociogram.isLoading} />
        )}
      </Page>
    );
  }
  const data = sociogram.data;
  const isOpen = data.closedOn === null;
  const act = async (path: string, done: string) => {
    setFailure(null);
    try {
      sociogram.setData(await api.post<SociogramDetail>(`${base}/${path}`));
      setMessage(done);
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : String(error));
    }
  };
  const remove = async () => {
    try {
      await api.delete(base);
      void navigate(classGroupPath(school.id, data.classId));
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : String(error));
      setIsRemoving(false);
    }
  };

  return (
    <Page title={t('Sociogram van {{name}}, {{date}}', { name: data.className, date: format.date(data.openedOn) })}>
      <p>
        <Link to={classGroupPath(school.id, data.classId)}>{t('Terug naar de groep')}</Link>
      </p>
      <SuccessMessage message={message} />
      <ErrorMessage message={failure} />
      <p>
        {isOpen
          ? t('Dit sociogram loopt: {{answered}} van de {{pupils}} leerlingen hebben gekozen.', { answered: data.answered, pupils: data.pupils })
          : t('Afgesloten op {{date}}: {{answered}} van de {{pupils}} leerlingen hebben gekozen.', { date: format.date(data.closedOn ?? ''), answered: data.answered, pupils: data.pupils })}
      </p>
      <h2>{t('De vragen')}</h2>
      <ol>
        {data.questions.map((question) => (
          <li key={question.position}>
            <QuestionWording question={question} />
          </li>
        ))}
      </ol>
      {isOpen ? (
        <>
          <p className="muted">
            {t('Leerlingen kiezen op het klasapparaat (knop "Wie kies jij?" bij de namen) of op hun eigen apparaat met de klascode en hun inlogkaart. Ze kunnen hun keuzes veranderen tot je het sociogram afsluit. Stond het klasapparaat al open voordat je het sociogram startte? Laad de pagina daar dan opnieuw.')}
          </p>
          <Roster sociogram={data} />
          <PaperEntry sociogram={data} base={base} onSaved={sociogram.reload} />
          <div className="form-actions">
            <button type="button" className="button" onClick={() => void act('close', t('Het sociogram is afgesloten.'))}>
              {t('Sociogram afsluiten en uitkomsten bekijken')}
            </button>
          </div>
        </>
      ) : data.purged ? (
        <p className="notice">{t('De antwoorden van dit sociogram zijn na de bewaartermijn verwijderd. Alleen het aantal leerlingen dat koos is bewaard.')}</p>
      ) : (
        <>
          <Results base={base} />
          <div className="form-actions no-print">
            <button type="button" className="button button-secondary" onClick={() => void act('reopen', t('Het sociogram loopt weer.'))}>
              {t('Weer openzetten')}
            </button>
          </div>
        </>
      )}
      <div className="form-actions no-print">
        <button type="button" className="button button-danger" onClick={() => setIsRemoving(true)}>
          {t('Sociogram verwijderen')}
        </button>
      </div>
      <ConfirmDialog
        isOpen={isRemoving}
        title={t('Sociogram verwijderen?')}
        message={<p>{t('Alle keuzes van de leerlingen in dit sociogram worden verwijderd. Dat kan niet ongedaan worden gemaakt.')}</p>}
        confirmLabel={t('Verwijderen')}
        isDangerous
        onConfirm={remove}
        onCancel={() => setIsRemoving(false)}
      />
    </Page>
  );
}

function QuestionWording({ question }: { question: SociogramDetail['questions'][number] }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      {questionText(question, i18n.language)}{' '}
      <span className="muted">
        ({question.valence === 'negative' ? `${t('liever niet')}, ` : ''}
        {question.maxChoices === null ? t('zoveel als de leerling wil') : t('hoogstens {{number}}', { number: question.maxChoices })})
      </span>
    </>
  );
}

function Roster({ sociogram }: { sociogram: SociogramDetail }) {
  const { t } = useTranslation();
  return (
    <TableWrap label={t('Wie heeft gekozen')}>
      <table>
        <caption>{t('Wie heeft gekozen')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('Leerling')}</th>
            <th scope="col">{t('Gekozen')}</th>
          </tr>
        </thead>
        <tbody>
          {sociogram.roster.map((pupil) => (
            <tr key={pupil.pupilId}>
              <th scope="row">{pupil.name}</th>
              <td>{pupil.answered ? (pupil.fromPaper ? t('ja, op papier') : t('ja')) : t('nog niet')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

// A paper round: the teacher picks a pupil and ticks the classmates that pupil wrote down, per question.
function PaperEntry({ sociogram, base, onSaved }: { sociogram: SociogramDetail; base: string; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const [pupilId, setPupilId] = useState('');
  const [choices, setChoices] = useState<Record<number, string[]>>({});
  const [saved, setSaved] = useState<string | null>(null);
  const errors = useFormErrors('papier-');
  const answersPath = pupilId ? `${base}/pupils/${pupilId}/answers` : null;
  const current = useApiData<{ answered: boolean; choices: Choices }>(answersPath);
  useEffect(() => {
    if (current.data) setChoices(Object.fromEntries(current.data.choices.map((entry) => [entry.position, entry.chosen])));
  }, [current.data]);
  const pupilName = sociogram.roster.find((pupil) => pupil.pupilId === pupilId)?.name ?? '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const tooMany = sociogram.questions.find((question) => question.maxChoices !== null && (choices[question.position]?.length ?? 0) > question.maxChoices);
    if (!errors.check({ [`papier-vraag-${tooMany?.position ?? 0}`]: tooMany ? t('Kies hoogstens {{number}} klasgenoten.', { number: tooMany.maxChoices }) : null }, t('De keuzes zijn nog niet opgeslagen.'))) return;
    try {
      await api.put(answersPath!, { choices: sociogram.questions.map((question) => ({ position: question.position, chosen: choices[question.position] ?? [] })) });
      setSaved(t('De keuzes van {{name}} zijn opgeslagen.', { name: pupilName }));
      setPupilId('');
      setChoices({});
      onSaved();
    } catch (error) {
      errors.fromError(error);
    }
  };

  return (
    <section aria-labelledby="papier-kop">
      <h2 id="papier-kop">{t('Keuzes van papier invoeren')}</h2>
      <p className="muted">{t('Voor jonge leerlingen die op papier kozen. Kies de leerling en vink aan wie die leerling bij elke vraag koos; niemand aanvinken betekent "niemand".')}</p>
      <SuccessMessage message={saved} />
      <SelectField
        id="papier-leerling"
        label={t('Leerling')}
        value={pupilId}
        onChange={(value) => {
          setSaved(null);
          setChoices({});
          setPupilId(value);
        }}
        options={[{ value: '', label: t('Kies een leerling') }, ...sociogram.roster.map((pupil) => ({ value: pupil.pupilId, label: pupil.name }))]}
      />
      {pupilId && current.data ? (
        <form onSubmit={(event) => void submit(event)} noValidate>
          <ErrorSummary errors={errors.errors} labels={Object.fromEntries(sociogram.questions.map((question) => [`papier-vraag-${question.position}`, questionText(question, i18n.language)]))} />
          {sociogram.questions.map((question) => (
            <fieldset key={question.position} className="field checkbox-group sociogram-paper-question" id={`papier-vraag-${question.position}`}>
              <legend>{questionText(question, i18n.language)}</legend>
              {errors.errors.fields[`papier-vraag-${question.position}`] ? <p className="field-error">{errors.errors.fields[`papier-vraag-${question.position}`]}</p> : null}
              {sociogram.roster
                .filter((pupil) => pupil.pupilId !== pupilId)
                .map((pupil) => {
                  const id = `papier-${question.position}-${pupil.pupilId}`;
                  const picked = choices[question.position] ?? [];
                  return (
                    <div className="checkbox" key={pupil.pupilId}>
                      <input
                        id={id}
                        type="checkbox"
                        checked={picked.includes(pupil.pupilId)}
                        onChange={(event) =>
                          setChoices((now) => ({
                            ...now,
                            [question.position]: event.target.checked ? [...picked, pupil.pupilId] : picked.filter((chosen) => chosen !== pupil.pupilId),
                          }))
                        }
                      />
                      <label htmlFor={id}>{pupil.name}</label>
                    </div>
                  );
                })}
            </fieldset>
          ))}
          <div className="form-actions">
            <button type="submit" className="button">
              {t('Keuzes van {{name}} opslaan', { name: pupilName })}
            </button>
          </div>
        </form>
      ) : (
        <LoadState error={current.error} isLoading={current.isLoading} />
      )}
    </section>
  );
}

function Results({ base }: { base: string }) {
  const { school } = useSchool();
  const { session } = useSession();
  const results = useApiData<SociogramResults>(`${base}/results`);
  // The PDF with status labels is the care team's own (the server refuses anyone else).
  const isCareTeam = session.schools.find((entry) => entry.id === school.id)?.roles.includes('care_team') ?? false;
  return results.data ? (
    <SociogramResultsView results={results.data} pdfPath={isCareTeam ? `${base}/results.pdf` : null} />
  ) : (
    <LoadState error={results.error} isLoading={results.isLoading} />
  );
}
