import { type ChangeEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { StaffImportErrorCode, StaffImportField } from '../../../shared/staff-import';
import { api, ApiError, apiPath } from '../../api/api-client';
import type { StaffImportPreview, StaffImportResult } from '../../api/api-types';
import { FormActions } from '../../components/form-fields';
import { Page } from '../../components/page';
import { TableWrap } from '../../components/table-wrap';
import { useFormat } from '../../i18n/format';
import { roleLabel } from '../../i18n/labels';
import { readTextFile } from './read-text-file';
import { useSchool } from './school-layout';

/** Where the staff import lives, below the staff page. */
export const staffImportPath = (schoolId: string) => `/scholen/${schoolId}/personeel/importeren`;

/**
 * Importing staff from a CSV (name, e-mail, roles, start date): choose a file, see per row what will happen or
 * what is wrong, then confirm. Nothing is written before the confirmation; a file with errors is not imported.
 */
export function StaffImportPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { school } = useSchool();
  const [csv, setCsv] = useState<string | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [preview, setPreview] = useState<StaffImportPreview | null>(null);
  const [result, setResult] = useState<StaffImportResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  const chooseFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    setPreview(null);
    setResult(null);
    setFailure(null);
    if (!file) return;
    setIsBusy(true);
    try {
      const text = await readTextFile(file);
      setCsv(text);
      setFileName(file.name);
      setPreview(await api.post<StaffImportPreview>(apiPath('/api/schools/:schoolId/staff-import/preview', { schoolId: school.id }), { csv: text }));
    } catch (error) {
      setFailure(error instanceof ApiError && error.code === 'validation_failed' ? t('Dit bestand is niet als CSV te lezen. Sla het in je spreadsheet op als CSV (puntkomma of komma) en probeer het opnieuw.') : errorText(error));
    } finally {
      setIsBusy(false);
    }
  };

  const confirm = async () => {
    if (!csv) return;
    setIsBusy(true);
    setFailure(null);
    try {
      setResult(await api.post<StaffImportResult>(apiPath('/api/schools/:schoolId/staff-import', { schoolId: school.id }), { csv }));
      setPreview(null);
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setIsBusy(false);
    }
  };

  const fieldLabel = (field: StaffImportField | 'row'): string =>
    ({ name: t('Naam'), email: t('E-mailadres'), roles: t('Rollen'), startedOn: t('Startdatum'), row: t('Regel') })[field];
  const errorLabel = (code: StaffImportErrorCode): string =>
    ({
      missing: t('ontbreekt'),
      too_long: t('is te lang'),
      invalid_email: t('is geen geldig e-mailadres'),
      unknown_role: t('bevat een rol die Groeiwijzer niet kent'),
      invalid_date: t('is geen geldige datum (dd-mm-jjjj of jjjj-mm-dd)'),
      duplicate_email: t('staat al eerder in het bestand'),
      own_address: t('is je eigen adres: jezelf uitnodigen kan niet'),
      control_characters: t('bevat onzichtbare tekens'),
      column_count: t('heeft meer kolommen dan de kopregel'),
    })[code];
  const actionLabel = (action: StaffImportPreview['rows'][number]['action']): string =>
    action === 'invite' ? t('Wordt uitgenodigd') : action === 'set_start_date' ? t('Staat al in het team: alleen de startdatum wordt ingevuld') : action === 'unchanged' ? t('Staat al in het team: niets te doen') : t('Niet te importeren');
  const errorText = (error: unknown) => (error instanceof ApiError ? error.message : String(error));
  const canImport = preview !== null && preview.missingColumns.length === 0 && !preview.tooManyRows && preview.rows.length > 0 && preview.errorRowCount === 0;

  return (
    <Page
      title={t('Personeel importeren')}
      intro={
        <p>
          {t('Nodig in één keer je hele team uit met een CSV-bestand. Elke regel wordt een uitnodiging, precies zoals met het formulier op de pagina Personeel. Voor wie al in het team staat, neemt Groeiwijzer alleen de startdatum over.')}
        </p>
      }
    >
      <section aria-labelledby="stap-bestand" className="card step">
        <h2 id="stap-bestand">{t('Stap 1: bestand kiezen')}</h2>
        <p>{t('Het bestand heeft een kopregel met de kolommen Naam, E-mailadres, Rollen en (niet verplicht) Startdatum, gescheiden door puntkomma of komma. Meerdere rollen scheid je met een komma of schuine streep, bijvoorbeeld "Leerkracht / Kartrekker". Datums als 01-08-2015 of 2015-08-01.')}</p>
        <div className="field">
          <label htmlFor="personeel-csv">{t('CSV-bestand')}</label>
          {failure ? (
            <p className="field-error" id="personeel-csv-error" role="alert">
              {failure}
            </p>
          ) : null}
          <input
            id="personeel-csv"
            type="file"
            accept=".csv,.txt,text/csv,text/plain"
            onChange={(event) => void chooseFile(event)}
            aria-describedby={failure ? 'personeel-csv-error' : undefined}
            aria-invalid={failure ? true : undefined}
            disabled={isBusy}
          />
        </div>
        {isBusy ? (
          <p role="status" className="notice">
            {t('Even geduld…')}
          </p>
        ) : null}
      </section>

      {preview ? (
        <section aria-labelledby="stap-controle" className="card step">
          <h2 id="stap-controle">{t('Stap 2: controleren')}</h2>
          {preview.missingColumns.length > 0 ? (
            <p className="notice notice-error" role="alert">
              {t('In {{file}} ontbreken deze kolommen: {{columns}}.', { file: fileName ?? '', columns: preview.missingColumns.map(fieldLabel).join(', ') })}
            </p>
          ) : (
            <p className={preview.errorRowCount > 0 ? 'summary-line summary-warning' : 'summary-line summary-ok'} role="status">
              {t('{{total}} regels, {{errors}} met fouten', { total: format.number(preview.rows.length), errors: format.number(preview.errorRowCount) })}
            </p>
          )}
          {preview.tooManyRows ? <p className="notice notice-error">{t('Dit bestand heeft te veel regels voor één import. Splits het in delen van hooguit 500 regels.')}</p> : null}
          {preview.rows.length > 0 ? (
            <TableWrap label={t('Zo wordt het bestand gelezen')}>
              <table>
                <caption>{t('Zo wordt het bestand gelezen')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('Regel')}</th>
                    <th scope="col">{t('Naam')}</th>
                    <th scope="col">{t('E-mailadres')}</th>
                    <th scope="col">{t('Rollen')}</th>
                    <th scope="col">{t('Startdatum')}</th>
                    <th scope="col">{t('Wat er gebeurt')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.map((row) => (
                    <tr key={row.line}>
                      <th scope="row">{format.number(row.line)}</th>
                      <td>{row.name}</td>
                      <td>{row.email}</td>
                      <td>{row.roles.map((role) => roleLabel(t, role)).join(', ')}</td>
                      <td>{row.startedOn ? format.date(row.startedOn) : '—'}</td>
                      <td>
                        {row.errors.length > 0 ? (
                          <ul>
                            {row.errors.map((error) => (
                              <li key={`${error.field}-${error.code}`}>
                                <strong>{fieldLabel(error.field)}</strong> {errorLabel(error.code)}
                              </li>
                            ))}
                          </ul>
                        ) : (
                          actionLabel(row.action)
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          ) : null}
          {preview.errorRowCount > 0 ? <p>{t('Verbeter de regels met fouten in je bestand en kies het daarna opnieuw. Er is nog niets opgeslagen.')}</p> : null}
          {canImport ? (
            <FormActions>
              <button type="button" className="button" onClick={() => void confirm()} disabled={isBusy}>
                {t('Importeren')}
              </button>
            </FormActions>
          ) : null}
        </section>
      ) : null}

      {result ? (
        <section aria-labelledby="stap-klaar" className="card step">
          <h2 id="stap-klaar">{t('Klaar')}</h2>
          <p role="status" className="notice notice-success">
            {result.mailDelivery === 'sent'
              ? t('{{invited}} uitnodigingen verstuurd, {{dates}} startdatums ingevuld, {{unchanged}} regels ongewijzigd.', { invited: result.invited, dates: result.startDatesSet, unchanged: result.unchanged })
              : t('{{invited}} uitnodigingen klaargezet in het postvak, {{dates}} startdatums ingevuld, {{unchanged}} regels ongewijzigd. Er is geen mailserver ingesteld: geef de links uit het postvak zelf door.', {
                  invited: result.invited,
                  dates: result.startDatesSet,
                  unchanged: result.unchanged,
                })}
          </p>
        </section>
      ) : null}
      <p>
        <Link to={`/scholen/${school.id}/personeel`}>{t('Terug naar Personeel')}</Link>
      </p>
    </Page>
  );
}
