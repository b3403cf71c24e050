import { type ChangeEvent, type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ApiError, apiPath } from '../../api/api-client';
import type { NextSchoolYearState, PreparationPreview, StagedImport, YearClassChoice } from '../../api/api-types';
import { useApiData } from '../../api/use-api-data';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { FormActions, SelectField } from '../../components/form-fields';
import { LoadState, SuccessMessage } from '../../components/load-state';
import { Page } from '../../components/page';
import { TableWrap } from '../../components/table-wrap';
import { useFormat } from '../../i18n/format';
import { readTextFile } from './read-text-file';
import { useSchool } from './school-layout';

// The value of an unknown class's select that means "create it"; any other non-empty value is a class name of next year.
const CREATE_CLASS = '\u0000create';

/**
 * Preparing the next school year (the August rollover): step 1 the class names next year (a class without a
 * name does not carry over), step 2 an optional re-import from the pupil administration with the question per
 * unknown class, step 3 the preview (who moves where, who is new, who leaves) and confirming it after a
 * confirmation dialog. Once prepared, the page shows what was done and offers undo until the year starts.
 */
export function SchoolYearPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { school, can } = useSchool();
  const statePath = apiPath('/api/schools/:schoolId/next-school-year', { schoolId: school.id });
  const { data: state, error, isLoading, reload } = useApiData<NextSchoolYearState>(statePath);
  const [names, setNames] = useState<Record<string, string>>({});
  const [importId, setImportId] = useState<string | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [choices, setChoices] = useState<Record<string, string>>({});
  // Every unknown class the previews of this file asked about: the question stays once answered.
  const [questions, setQuestions] = useState<PreparationPreview['unknownClasses']>([]);
  const [preview, setPreview] = useState<PreparationPreview | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [isConfirming, setIsConfirming] = useState(false);
  const [isUndoing, setIsUndoing] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  // The names start as the defaults the server proposes ("groep 5" → "groep 6"; group 8 empty: it leaves).
  useEffect(() => {
    if (!state) return;
    setNames(Object.fromEntries(state.currentClasses.map((schoolClass) => [schoolClass.id, schoolClass.defaultName ?? ''])));
  }, [state]);

  if (!state) return <LoadState error={error} isLoading={isLoading} />;

  const plan = () => ({
    classes: state.currentClasses.map((schoolClass) => ({ classId: schoolClass.id, name: (names[schoolClass.id] ?? '').trim() || null })),
    ...(importId ? { importId } : {}),
    classChoices: questions
      .filter((entry) => (choices[entry.name] ?? '') !== '')
      .map((entry): YearClassChoice => (choices[entry.name] === CREATE_CLASS ? { name: entry.name, action: 'create' } : { name: entry.name, action: 'map', className: choices[entry.name] ?? '' })),
  });
  const failureText = (failure: unknown) => (failure instanceof ApiError ? failure.message : String(failure));

  const chooseFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    setImportId(null);
    setPreview(null);
    setChoices({});
    setQuestions([]);
    setFileError(null);
    setFileName(file?.name ?? null);
    if (!file) return;
    try {
      const csv = await readTextFile(file);
      const staged = await api.post<StagedImport>(apiPath('/api/schools/:schoolId/pupil-imports', { schoolId: school.id }), { csv });
      if (staged.id === null) setFileError(t('Groeiwijzer herkende de kolommen van dit bestand niet. Lees het eerst in via Leerlingen importeren om de kolommen te koppelen.'));
      else setImportId(staged.id);
    } catch (failure) {
      setFileError(failureText(failure));
    }
  };

  const showPreview = async (event?: FormEvent) => {
    event?.preventDefault();
    setIsBusy(true);
    setActionError(null);
    try {
      const result = await api.post<PreparationPreview>(apiPath('/api/schools/:schoolId/next-school-year/preview', { schoolId: school.id }), plan());
      setPreview(result);
      setQuestions((asked) => [...asked, ...result.unknownClasses.filter((entry) => !asked.some((other) => other.name === entry.name))]);
    } catch (failure) {
      setActionError(failureText(failure));
    } finally {
      setIsBusy(false);
    }
  };

  const confirm = async () => {
    setActionError(null);
    try {
      await api.post<PreparationPreview>(apiPath('/api/schools/:schoolId/next-school-year/preparation', { schoolId: school.id }), plan());
      setIsConfirming(false);
      setPreview(null);
      setMessage(t('Schooljaar {{year}} is voorbereid.', { year: state.schoolYear }));
      reload();
    } catch (failure) {
      setActionError(failureText(failure));
    }
  };

  const undo = async () => {
    setActionError(null);
    try {
      await api.delete<null>(apiPath('/api/schools/:schoolId/school-years/:schoolYear/preparation', { schoolId: school.id, schoolYear: state.schoolYear }));
      setIsUndoing(false);
      setMessage(t('De voorbereiding van {{year}} is ongedaan gemaakt.', { year: state.schoolYear }));
      reload();
    } catch (failure) {
      setActionError(failureText(failure));
    }
  };

  const nextNames = preview ? preview.classes.map((schoolClass) => schoolClass.name) : [];
  const pupilTable = (caption: string, lines: PreparationPreview['moves'], columns: { from: boolean; to: boolean }) => (
    <TableWrap label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('Leerlingnummer')}</th>
            <th scope="col">{t('Naam')}</th>
            {columns.from ? <th scope="col">{t('Klas in {{year}}', { year: state.currentSchoolYear })}</th> : null}
            {columns.to ? <th scope="col">{t('Klas in {{year}}', { year: state.schoolYear })}</th> : null}
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.pupilNumber}>
              <td>{line.pupilNumber}</td>
              <th scope="row">{`${line.firstName} ${line.lastName}`}</th>
              {columns.from ? <td>{line.fromClassName ?? t('geen klas')}</td> : null}
              {columns.to ? <td>{line.toClassName ?? t('nog geen klas')}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );

  return (
    <Page
      title={t('Nieuw schooljaar voorbereiden')}
      intro={
        <p>
          {t('Maak de klassen van {{next}} klaar vanuit {{current}}: elke klas schuift door met haar leerlingen en leerkrachten, groep 8 verlaat de school. Je ziet eerst precies wat er gebeurt; pas na bevestigen verandert er iets. Tot {{start}} kun je het ongedaan maken.', {
            next: state.schoolYear,
            current: state.currentSchoolYear,
            start: format.date(state.startsOn),
          })}
        </p>
      }
    >
      <SuccessMessage message={message} />
      {actionError && !isConfirming && !isUndoing ? (
        <p className="notice notice-error" role="alert">
          {actionError}
        </p>
      ) : null}

      {state.preparation ? (
        <section aria-labelledby="voorbereid" className="card step step-done">
          <h2 id="voorbereid">{t('{{year}} is voorbereid', { year: state.schoolYear })}</h2>
          <dl className="facts">
            <div>
              <dt>{t('Klassen aangemaakt')}</dt>
              <dd>{format.number(state.preparation.classesCreated)}</dd>
            </div>
            <div>
              <dt>{t('Leerlingen geplaatst')}</dt>
              <dd>{format.number(state.preparation.pupilsPlaced)}</dd>
            </div>
            <div>
              <dt>{t('Nieuwe leerlingen')}</dt>
              <dd>{format.number(state.preparation.pupilsCreated)}</dd>
            </div>
            <div>
              <dt>{t('Vertrekkende leerlingen')}</dt>
              <dd>{format.number(state.preparation.pupilsLeft)}</dd>
            </div>
          </dl>
          <p>
            <Link to={`/scholen/${school.id}/leerlingen`}>{t('Naar de leerlingen')}</Link>
          </p>
          {state.preparation.canUndo ? (
            <FormActions>
              <button type="button" className="button button-danger" onClick={() => setIsUndoing(true)}>
                {t('Voorbereiding ongedaan maken')}
              </button>
            </FormActions>
          ) : null}
        </section>
      ) : (
        <>
          <section aria-labelledby="stap-klassen" className="card step">
            <h2 id="stap-klassen">{t('Stap 1: klassen in {{year}}', { year: state.schoolYear })}</h2>
            <p>{t('Pas de nieuwe namen aan waar nodig. Laat een naam leeg als die klas niet doorgaat; haar leerlingen verlaten dan de school.')}</p>
            <TableWrap label={t('Klassen en hun nieuwe naam')}>
              <table>
                <caption>{t('Klassen en hun nieuwe naam')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('Klas in {{year}}', { year: state.currentSchoolYear })}</th>
                    <th scope="col">{t('Leerlingen')}</th>
                    <th scope="col">{t('Leerkrachten (blijven gekoppeld)')}</th>
                    <th scope="col">{t('Naam in {{year}}', { year: state.schoolYear })}</th>
                  </tr>
                </thead>
                <tbody>
                  {state.currentClasses.map((schoolClass, index) => (
                    <tr key={schoolClass.id}>
                      <th scope="row">{schoolClass.name}</th>
                      <td>{format.number(schoolClass.pupilCount)}</td>
                      <td>{schoolClass.teachers.map((teacher) => teacher.name).join(', ') || t('geen')}</td>
                      <td>
                        <label className="visually-hidden" htmlFor={`nieuwe-naam-${index}`}>
                          {t('Naam in {{year}} van {{name}}', { year: state.schoolYear, name: schoolClass.name })}
                        </label>
                        <input
                          id={`nieuwe-naam-${index}`}
                          type="text"
                          maxLength={120}
                          value={names[schoolClass.id] ?? ''}
                          onChange={(event) => {
                            setNames((current) => ({ ...current, [schoolClass.id]: event.target.value }));
                            setPreview(null);
                          }}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          </section>

          {can('school.pupils.import') ? (
            <section aria-labelledby="stap-bestand" className="card step">
              <h2 id="stap-bestand">{t('Stap 2: nieuwe indeling uit de leerlingadministratie (niet verplicht)')}</h2>
              <p>{t('Kies een CSV-export met de klassen van {{year}}. Wie in het bestand staat, gaat naar de klas uit het bestand; nieuwe leerlingen worden toegevoegd; wie er niet in staat, verlaat de school.', { year: state.schoolYear })}</p>
              <div className="field">
                <label htmlFor="schooljaar-bestand">{t('CSV-bestand')}</label>
                {fileError ? (
                  <p className="field-error" id="schooljaar-bestand-error" role="alert">
                    {fileError}
                  </p>
                ) : null}
                <input
                  id="schooljaar-bestand"
                  type="file"
                  accept=".csv,.txt,text/csv,text/plain"
                  onChange={(event) => void chooseFile(event)}
                  aria-describedby={fileError ? 'schooljaar-bestand-error' : undefined}
                  aria-invalid={fileError ? true : undefined}
                />
              </div>
              {importId && fileName ? <p role="status">{t('{{file}} is ingelezen.', { file: fileName })}</p> : null}
            </section>
          ) : null}

          <section aria-labelledby="stap-voorbeeld" className="card step">
            <h2 id="stap-voorbeeld">{t('Stap 3: controleren en bevestigen')}</h2>
            <form onSubmit={(event) => void showPreview(event)} noValidate>
              {questions.length > 0 ? (
                <fieldset>
                  <legend>{t('Klassen uit het bestand die {{year}} nog niet heeft', { year: state.schoolYear })}</legend>
                  {questions.map((entry, index) => (
                    <SelectField
                      key={entry.name}
                      id={`schooljaar-klaskeuze-${index}`}
                      label={entry.rows === 1 ? t('Klas „{{name}}” (1 leerling in het bestand)', { name: entry.name }) : t('Klas „{{name}}” ({{n}} leerlingen in het bestand)', { name: entry.name, n: format.number(entry.rows) })}
                      value={choices[entry.name] ?? ''}
                      onChange={(value) => {
                        setChoices((current) => ({ ...current, [entry.name]: value }));
                        setPreview((current) => (current ? { ...current, ready: false } : current));
                      }}
                      options={[
                        { value: '', label: t('Maak een keuze') },
                        { value: CREATE_CLASS, label: t('Nieuwe klas „{{name}}” aanmaken', { name: entry.name }) },
                        ...nextNames.filter((name) => name !== entry.name).map((name) => ({ value: name, label: t('Hoort bij de klas {{name}}', { name }) })),
                      ]}
                      required
                    />
                  ))}
                </fieldset>
              ) : null}
              <FormActions>
                <button type="submit" className="button button-secondary" disabled={isBusy}>
                  {preview ? t('Voorbeeld bijwerken') : t('Voorbeeld bekijken')}
                </button>
                {preview ? (
                  <button type="button" className="button" disabled={!preview.ready || isBusy} onClick={() => setIsConfirming(true)}>
                    {t('Schooljaar voorbereiden')}
                  </button>
                ) : null}
              </FormActions>
            </form>
            {preview && !preview.ready ? <p className="notice notice-warning">{t('Kies eerst bij elke onbekende klas wat ermee gebeurt en werk het voorbeeld bij.')}</p> : null}
            {preview ? (
              <>
                <h3>{t('Klassen in {{year}}', { year: preview.schoolYear })}</h3>
                <ul>
                  {preview.classes.map((schoolClass) => (
                    <li key={schoolClass.name}>
                      {schoolClass.sourceName
                        ? t('{{name}} (was {{source}}): {{n}} leerlingen', { name: schoolClass.name, source: schoolClass.sourceName, n: format.number(schoolClass.pupilCount) })
                        : t('{{name}} (nieuw): {{n}} leerlingen', { name: schoolClass.name, n: format.number(schoolClass.pupilCount) })}
                    </li>
                  ))}
                </ul>
                <h3>{t('Doorschuiven ({{n}})', { n: format.number(preview.moves.length) })}</h3>
                {preview.moves.length > 0 ? pupilTable(t('Leerlingen die doorschuiven'), preview.moves, { from: true, to: true }) : <p>{t('Niemand.')}</p>}
                <h3>{t('Nieuwe leerlingen ({{n}})', { n: format.number(preview.newPupils.length) })}</h3>
                {preview.newPupils.length > 0 ? pupilTable(t('Nieuwe leerlingen'), preview.newPupils, { from: false, to: true }) : <p>{t('Niemand.')}</p>}
                <h3>{t('Verlaten de school op {{date}} ({{n}})', { date: format.date(preview.leftOn), n: format.number(preview.leaving.length) })}</h3>
                {preview.leaving.length > 0 ? pupilTable(t('Leerlingen die de school verlaten'), preview.leaving, { from: true, to: false }) : <p>{t('Niemand.')}</p>}
              </>
            ) : null}
          </section>
        </>
      )}

      <ConfirmDialog
        isOpen={isConfirming}
        title={t('{{year}} voorbereiden?', { year: state.schoolYear })}
        message={
          <p>
            {t('Groeiwijzer maakt de klassen aan. Doorschuiven: {{moves}}. Nieuwe leerlingen: {{new}}. Vertrekken op {{date}}: {{leaving}}. Tot {{start}} kun je dit ongedaan maken.', {
              moves: format.number(preview?.moves.length ?? 0),
              new: format.number(preview?.newPupils.length ?? 0),
              leaving: format.number(preview?.leaving.length ?? 0),
              date: format.date(preview?.leftOn ?? state.startsOn),
              start: format.date(state.startsOn),
            })}
          </p>
        }
        confirmLabel={t('Ja, voorbereiden')}
        onConfirm={confirm}
        onCancel={() => setIsConfirming(false)}
        error={isConfirming ? actionError : null}
      />
      <ConfirmDialog
        isOpen={isUndoing}
        title={t('Voorbereiding ongedaan maken?')}
        message={<p>{t('De klassen van {{year}} en de nieuwe leerlingen verdwijnen weer; de leerlingen die zouden vertrekken, zijn weer gewoon op school.', { year: state.schoolYear })}</p>}
        confirmLabel={t('Ja, ongedaan maken')}
        onConfirm={undo}
        onCancel={() => setIsUndoing(false)}
        isDangerous
        error={isUndoing ? actionError : null}
      />
    </Page>
  );
}
