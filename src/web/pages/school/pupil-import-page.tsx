import { type ChangeEvent, type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { IMPORT_BATCH_SIZE, MAX_IMPORT_BODY_BYTES } from '../../../shared/limits';
import { api, ApiError, apiPath } from '../../api/api-client';
import {
  type ClassChoice,
  IMPORT_FIELDS,
  type ImportBatchResult,
  type ImportComparison,
  type ImportField,
  type ImportMapping,
  REQUIRED_IMPORT_FIELDS,
  type SchoolClass,
  type StagedImport,
} from '../../api/api-types';
import { useApiData } from '../../api/use-api-data';
import { ErrorSummary, FormActions, SelectField } from '../../components/form-fields';
import { useFormErrors } from '../../components/form-errors';
import { LoadState } from '../../components/load-state';
import { Page } from '../../components/page';
import { TableWrap } from '../../components/table-wrap';
import { useFormat } from '../../i18n/format';
import { importErrorLabel, importFieldLabel } from '../../i18n/labels';
import { useSchool } from './school-layout';
import { readTextFile } from './read-text-file';
import { schoolYearChoices } from './school-years';

type Columns = Record<ImportField, string>;

const NO_COLUMNS: Columns = { pupilNumber: '', firstName: '', lastName: '', prefix: '', birthDate: '', className: '' };

// Room for the JSON around the file text: a file this big still fits in one request.
const MAX_FILE_BYTES = MAX_IMPORT_BODY_BYTES - 64 * 1024;

function columnsOf(mapping: ImportMapping | null): Columns {
  if (!mapping) return NO_COLUMNS;
  return {
    pupilNumber: mapping.pupilNumber,
    firstName: mapping.firstName,
    lastName: mapping.lastName,
    prefix: mapping.prefix ?? '',
    birthDate: mapping.birthDate ?? '',
    className: mapping.className ?? '',
  };
}

function mappingOf(columns: Columns): ImportMapping | null {
  if (REQUIRED_IMPORT_FIELDS.some((field) => columns[field] === '')) return null;
  return {
    pupilNumber: columns.pupilNumber,
    firstName: columns.firstName,
    lastName: columns.lastName,
    prefix: columns.prefix || null,
    birthDate: columns.birthDate || null,
    className: columns.className || null,
  };
}

// The value of a class's select that means "create it"; any other non-empty value is the id of an existing class.
const CREATE_CLASS = 'create';

/** The id of the select for the n-th unknown class. */
function classChoiceId(index: number): string {
  return `klaskeuze-${index}`;
}

interface Totals {
  created: number;
  updated: number;
  unchanged: number;
}

/**
 * The pupil import wizard: choose a CSV file, check how its columns are read, look at the complete
 * error report, answer for each class the school year does not have whether to create it or which
 * existing class it is (never created silently), see which pupils of the school the file does not
 * name, then import in batches with a progress bar. The file goes to the server once per
 * mapping; the server keeps its checked rows as a staged import, and the batches name only that
 * import and where to go on. Nothing is imported from a file with errors unless the admin chooses to
 * import only the valid rows.
 */
export function PupilImportPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { school } = useSchool();
  const [fileName, setFileName] = useState<string | null>(null);
  const [csv, setCsv] = useState<string | null>(null);
  const [preview, setPreview] = useState<StagedImport | null>(null);
  const [columns, setColumns] = useState<Columns>(NO_COLUMNS);
  const [schoolYear, setSchoolYear] = useState(school.currentSchoolYear);
  const [onlyValidRows, setOnlyValidRows] = useState(false);
  const [isChecking, setIsChecking] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);
  const [importError, setImportError] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ processed: number; total: number } | null>(null);
  const [totals, setTotals] = useState<Totals | null>(null);
  const [isImporting, setIsImporting] = useState(false);
  // Per unknown class name of the file: '' (not chosen yet), CREATE_CLASS, or the id of an existing class.
  const [classChoices, setClassChoices] = useState<Record<string, string>>({});
  const choiceErrors = useFormErrors();
  // Each upload gets a number, so an older answer never replaces a newer one.
  const previewRun = useRef(0);
  const uploadPath = apiPath('/api/schools/:schoolId/pupil-imports', { schoolId: school.id });

  // Sends the file (again, for a new mapping): the server checks it once and answers the staged import.
  const runPreview = async (text: string, mapping: ImportMapping | null) => {
    const run = ++previewRun.current;
    setIsChecking(true);
    setFileError(null);
    try {
      const result = await api.post<StagedImport>(uploadPath, mapping ? { csv: text, mapping } : { csv: text });
      if (run !== previewRun.current) return;
      setPreview(result);
      if (!mapping) setColumns(columnsOf(result.mapping));
    } catch (failure) {
      if (run !== previewRun.current) return;
      setFileError(failure instanceof ApiError ? failure.message : String(failure));
    } finally {
      if (run === previewRun.current) setIsChecking(false);
    }
  };

  const chooseFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    setPreview(null);
    setColumns(NO_COLUMNS);
    setOnlyValidRows(false);
    setClassChoices({});
    choiceErrors.clear();
    setTotals(null);
    setProgress(null);
    setImportError(null);
    setFileError(null);
    setCsv(null);
    setFileName(file?.name ?? null);
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setFileError(t('Dit bestand is te groot. Splits het op in kleinere bestanden van hoogstens {{mb}} MB.', { mb: format.number(Math.floor(MAX_FILE_BYTES / 1024 / 1024)) }));
      return;
    }
    const text = await readTextFile(file);
    if (text.trim() === '') {
      setFileError(t('Dit bestand is leeg.'));
      return;
    }
    setCsv(text);
    await runPreview(text, null);
  };

  const changeColumn = (field: ImportField, header: string) => {
    const next = { ...columns, [field]: header };
    setColumns(next);
    setOnlyValidRows(false);
    setTotals(null);
    const mapping = mappingOf(next);
    if (csv && mapping) void runPreview(csv, mapping);
  };

  const mapping = mappingOf(columns);
  // The summary belongs to the preview only when the preview was made with a complete mapping.
  const hasSummary = preview !== null && preview.mapping !== null && mapping !== null;
  const hasErrors = hasSummary && preview.errorCount > 0;
  // What the staged rows meet in the chosen school year: classes it does not have, pupils not in the file.
  const comparisonPath =
    hasSummary && preview.id !== null && !isChecking
      ? apiPath('/api/schools/:schoolId/pupil-imports/:importId/comparison', { schoolId: school.id, importId: preview.id }, { schoolYear })
      : null;
  const comparisonState = useApiData<ImportComparison>(comparisonPath);
  const comparison = comparisonPath !== null && !comparisonState.isLoading && !comparisonState.error ? comparisonState.data : undefined;
  const { data: classesOfYear, reload: reloadClasses } = useApiData<SchoolClass[]>(apiPath('/api/schools/:schoolId/classes', { schoolId: school.id }, { schoolYear }));
  const unknownClasses = comparison?.unknownClasses ?? [];
  const canImport =
    hasSummary && preview.id !== null && preview.validCount > 0 && (!hasErrors || onlyValidRows) && comparison !== undefined && !isChecking && !isImporting;

  const choiceLabel = (name: string, rows: number) =>
    rows === 1 ? t('Klas „{{name}}” (1 leerling in het bestand)', { name }) : t('Klas „{{name}}” ({{n}} leerlingen in het bestand)', { name, n: format.number(rows) });
  const choiceLabels = Object.fromEntries(unknownClasses.map((entry, index) => [classChoiceId(index), choiceLabel(entry.name, entry.rows)]));
  const choiceMessage = t('Kies of Groeiwijzer deze klas aanmaakt of bij welke bestaande klas hij hoort.');
  const chosenClasses = (): ClassChoice[] =>
    unknownClasses.map((entry) => {
      const choice = classChoices[entry.name] ?? '';
      return choice === CREATE_CLASS ? { name: entry.name, action: 'create' } : { name: entry.name, action: 'map', classId: choice };
    });

  const startImport = async (event: FormEvent) => {
    event.preventDefault();
    if (!canImport || preview.id === null) return;
    // Nothing starts while a class of the file has no answer: the server would refuse it too.
    const open = Object.fromEntries(unknownClasses.map((entry, index) => [classChoiceId(index), (classChoices[entry.name] ?? '') === '' && choiceMessage]));
    if (!choiceErrors.check(open, t('Kies eerst bij elke klas die nog niet bestaat wat ermee gebeurt. Er is nog niets geïmporteerd.'))) return;
    const batchPath = apiPath('/api/schools/:schoolId/pupil-imports/:importId/batches', { schoolId: school.id, importId: preview.id });
    setIsImporting(true);
    setImportError(null);
    setTotals(null);
    const sum: Totals = { created: 0, updated: 0, unchanged: 0 };
    let offset = 0;
    setProgress({ processed: 0, total: preview.validCount });
    try {
      // Batches keep each request short; the server reports how far it got and where to go on.
      for (let batch = 0; batch <= Math.ceil(preview.validCount / IMPORT_BATCH_SIZE) + 1; batch += 1) {
        const result = await api.post<ImportBatchResult>(batchPath, { schoolYear, classChoices: chosenClasses(), onlyValidRows: hasErrors, offset, limit: IMPORT_BATCH_SIZE });
        sum.created += result.created;
        sum.updated += result.updated;
        sum.unchanged += result.unchanged;
        setProgress({ processed: result.processed, total: result.total });
        if (result.done || result.processed <= offset) break;
        offset = result.processed;
      }
      setTotals(sum);
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'not_found') {
        setImportError(t('Deze import is verlopen of vervangen door een nieuwere. Kies het bestand opnieuw.'));
      } else {
        setImportError(failure instanceof ApiError ? failure.message : String(failure));
      }
      if (sum.created + sum.updated + sum.unchanged > 0) setTotals(sum);
    } finally {
      setIsImporting(false);
      // Classes made and pupils placed: the comparison of the same file says something else now.
      comparisonState.reload();
      reloadClasses();
    }
  };

  const headerOptions = (field: ImportField) => [
    { value: '', label: REQUIRED_IMPORT_FIELDS.includes(field) ? t('Kies een kolom') : t('Niet gebruiken') },
    ...(preview?.headers ?? []).map((header) => ({ value: header, label: header })),
  ];

  return (
    <Page
      title={t('Leerlingen importeren')}
      intro={
        <p>
          {t('Lees leerlingen in uit een CSV-export van je leerlingadministratie, zoals ParnasSys, Magister of Somtoday. Een leerling die al bestaat (zelfde leerlingnummer) wordt bijgewerkt; hetzelfde bestand nog eens importeren verandert niets.')}
        </p>
      }
    >
      <section aria-labelledby="stap-bestand" className="card step">
        <h2 id="stap-bestand">{t('Stap 1: bestand kiezen')}</h2>
        <div className="field">
          <label htmlFor="csv-bestand">{t('CSV-bestand')}</label>
          <p className="hint" id="csv-bestand-hint">
            {t('Een bestand met een kopregel en per regel één leerling. Scheidingsteken puntkomma, komma of tab.')}
          </p>
          {fileError ? (
            <p className="field-error" id="csv-bestand-error" role="alert">
              {fileError}
            </p>
          ) : null}
          <input
            id="csv-bestand"
            type="file"
            accept=".csv,.txt,text/csv,text/plain"
            onChange={(event) => void chooseFile(event)}
            aria-describedby={fileError ? 'csv-bestand-hint csv-bestand-error' : 'csv-bestand-hint'}
            aria-invalid={fileError ? true : undefined}
            disabled={isImporting}
          />
        </div>
        {isChecking ? (
          <p role="status" className="notice">
            {t('Het bestand wordt gecontroleerd…')}
          </p>
        ) : null}
      </section>

      {preview && csv ? (
        <section aria-labelledby="stap-kolommen" className="card step">
          <h2 id="stap-kolommen">{t('Stap 2: kolommen koppelen')}</h2>
          <p>
            {preview.mapping || mapping
              ? t('Groeiwijzer heeft de kolommen van {{file}} zo gelezen. Klopt iets niet, kies dan een andere kolom; de controle loopt dan opnieuw.', { file: fileName ?? '' })
              : t('Groeiwijzer herkende niet alle kolommen van {{file}}. Kies bij elk veld de kolom uit je bestand.', { file: fileName ?? '' })}
          </p>
          <div className="mapping-grid">
            {IMPORT_FIELDS.map((field) => (
              <SelectField
                key={field}
                id={`kolom-${field}`}
                label={REQUIRED_IMPORT_FIELDS.includes(field) ? importFieldLabel(t, field) : t('{{field}} (niet verplicht)', { field: importFieldLabel(t, field) })}
                value={columns[field]}
                onChange={(header) => changeColumn(field, header)}
                options={headerOptions(field)}
                required={REQUIRED_IMPORT_FIELDS.includes(field)}
                disabled={isImporting}
              />
            ))}
          </div>
        </section>
      ) : null}

      {hasSummary ? (
        <section aria-labelledby="stap-controle" className="card step">
          <h2 id="stap-controle">{t('Stap 3: controleren')}</h2>
          <SelectField
            id="import-schooljaar"
            label={t('Schooljaar voor de klassen')}
            hint={t('Leerlingen worden in dit schooljaar in hun groep of klas gezet.')}
            value={schoolYear}
            onChange={(year) => {
              setSchoolYear(year);
              setClassChoices({});
              choiceErrors.clear();
            }}
            options={schoolYearChoices(school).map((year) => ({ value: year, label: year }))}
            disabled={isImporting}
          />
          <p className={hasErrors ? 'summary-line summary-warning' : 'summary-line summary-ok'} role="status">
            {t('{{total}} rijen, {{errors}} met fouten', { total: format.number(preview.totalRows), errors: format.number(preview.errorCount) })}
          </p>
          {preview.sample.length > 0 ? (
            <TableWrap label={t('Zo worden de eerste rijen gelezen')}>
              <table>
                <caption>{t('Zo worden de eerste rijen gelezen')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('Regel')}</th>
                    <th scope="col">{t('Leerlingnummer')}</th>
                    <th scope="col">{t('Roepnaam')}</th>
                    <th scope="col">{t('Achternaam')}</th>
                    <th scope="col">{t('Geboortedatum')}</th>
                    <th scope="col">{t('Groep of klas')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.sample.map((row) => (
                    <tr key={row.line}>
                      <th scope="row">{format.number(row.line)}</th>
                      <td>{row.pupilNumber}</td>
                      <td>{row.firstName}</td>
                      <td>{row.lastName}</td>
                      <td>{format.date(row.birthDate)}</td>
                      <td>{row.className ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          ) : null}
          {hasErrors ? (
            <TableWrap label={t('Foutenrapport: elk probleem per regel')}>
              <table className="error-report">
                <caption>{t('Foutenrapport: elk probleem per regel')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('Regel')}</th>
                    <th scope="col">{t('Veld')}</th>
                    <th scope="col">{t('Probleem')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.errors.map((problem, index) => (
                    <tr key={`${problem.line}-${problem.field}-${index}`}>
                      <th scope="row">{format.number(problem.line)}</th>
                      <td>{importFieldLabel(t, problem.field)}</td>
                      <td>{importErrorLabel(t, problem.code)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          ) : null}
        </section>
      ) : null}

      {hasSummary && comparisonState.error ? <LoadState error={comparisonState.error} isLoading={false} /> : null}

      {hasSummary && comparison && unknownClasses.length > 0 ? (
        <section aria-labelledby="onbekende-klassen" className="card step">
          <h2 id="onbekende-klassen">{t('Klassen die nog niet bestaan in {{year}}', { year: comparison.schoolYear })}</h2>
          <p>
            {t('Het bestand noemt klassen die dit schooljaar nog niet heeft. Groeiwijzer maakt geen klas aan zonder dat je het vraagt: kies per klas of hij nieuw is, of dat het een klas is die al bestaat onder een andere naam.')}
          </p>
          {unknownClasses.map((entry, index) => (
            <SelectField
              key={entry.name}
              id={classChoiceId(index)}
              label={choiceLabel(entry.name, entry.rows)}
              value={classChoices[entry.name] ?? ''}
              onChange={(value) => setClassChoices((current) => ({ ...current, [entry.name]: value }))}
              options={[
                { value: '', label: t('Maak een keuze') },
                { value: CREATE_CLASS, label: t('Nieuwe klas „{{name}}” aanmaken', { name: entry.name }) },
                ...(classesOfYear ?? []).map((item) => ({ value: item.id, label: t('Hoort bij de bestaande klas {{name}}', { name: item.name }) })),
              ]}
              error={choiceErrors.errors.fields[classChoiceId(index)]}
              required
              disabled={isImporting}
            />
          ))}
        </section>
      ) : null}

      {hasSummary && comparison && comparison.pupilsNotInFile.length > 0 ? (
        <section aria-labelledby="niet-in-bestand" className="card step">
          <h2 id="niet-in-bestand">
            {comparison.pupilsNotInFile.length === 1
              ? t('1 leerling van de school staat niet in het bestand')
              : t('{{n}} leerlingen van de school staan niet in het bestand', { n: format.number(comparison.pupilsNotInFile.length) })}
          </h2>
          <p>
            {t('Ter informatie: de import verandert niets aan deze leerlingen. Zijn ze van school gegaan, markeer ze dan op de leerlingenpagina als vertrokken.')}
          </p>
          <TableWrap label={t('Leerlingen die niet in het bestand staan')}>
            <table>
              <caption>{t('Leerlingen die niet in het bestand staan')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('Leerlingnummer')}</th>
                  <th scope="col">{t('Roepnaam')}</th>
                  <th scope="col">{t('Achternaam')}</th>
                  <th scope="col">{t('Klas in {{year}}', { year: comparison.schoolYear })}</th>
                </tr>
              </thead>
              <tbody>
                {comparison.pupilsNotInFile.map((pupil) => (
                  <tr key={pupil.id}>
                    <td>{pupil.pupilNumber}</td>
                    <th scope="row">{pupil.firstName}</th>
                    <td>{pupil.lastName}</td>
                    <td>{pupil.className ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </section>
      ) : null}

      {hasSummary ? (
        <section aria-labelledby="stap-importeren" className="card step">
          <h2 id="stap-importeren">{t('Stap 4: importeren')}</h2>
          <form onSubmit={(event) => void startImport(event)} noValidate>
            <ErrorSummary errors={choiceErrors.errors} labels={choiceLabels} />
            {hasErrors ? (
              <div className="checkbox field">
                <input id="alleen-geldige-rijen" type="checkbox" checked={onlyValidRows} onChange={(event) => setOnlyValidRows(event.target.checked)} aria-describedby="alleen-geldige-rijen-hint" disabled={isImporting} />
                <label htmlFor="alleen-geldige-rijen">{t('Alleen de geldige rijen importeren')}</label>
                <p className="hint" id="alleen-geldige-rijen-hint">
                  {t('Het bestand heeft fouten. Zonder dit vinkje wordt er niets geïmporteerd. Met dit vinkje worden {{n}} geldige rijen geïmporteerd en de rijen met fouten overgeslagen.', { n: format.number(preview.validCount) })}
                </p>
              </div>
            ) : null}
            {preview.validCount === 0 ? <p className="notice notice-warning">{t('Er zijn geen geldige rijen om te importeren.')}</p> : null}
            <FormActions>
              <button type="submit" className="button" disabled={!canImport}>
                {t('Importeren')}
              </button>
            </FormActions>
          </form>
          {progress ? (
            <div className="progress">
              <label htmlFor="import-voortgang">{t('Voortgang van de import')}</label>
              <progress id="import-voortgang" max={Math.max(progress.total, 1)} value={progress.processed}>
                {t('{{processed}} van {{total}}', { processed: format.number(progress.processed), total: format.number(progress.total) })}
              </progress>
              <p aria-live="polite">{t('{{processed}} van {{total}} leerlingen verwerkt', { processed: format.number(progress.processed), total: format.number(progress.total) })}</p>
            </div>
          ) : null}
          {importError ? (
            <p className="notice notice-error" role="alert">
              {importError}
            </p>
          ) : null}
        </section>
      ) : null}

      {totals && !isImporting ? (
        <section aria-labelledby="stap-klaar" className="card step step-done">
          <h2 id="stap-klaar">{importError ? t('Import onderbroken') : t('Import klaar')}</h2>
          <dl className="facts">
            <div>
              <dt>{t('Nieuw')}</dt>
              <dd>{format.number(totals.created)}</dd>
            </div>
            <div>
              <dt>{t('Bijgewerkt')}</dt>
              <dd>{format.number(totals.updated)}</dd>
            </div>
            <div>
              <dt>{t('Ongewijzigd')}</dt>
              <dd>{format.number(totals.unchanged)}</dd>
            </div>
          </dl>
          <p>
            <Link to={`/scholen/${school.id}/leerlingen`}>{t('Naar de leerlingen')}</Link>
          </p>
        </section>
      ) : null}
    </Page>
  );
}
