import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, apiPath } from '../../api/api-client';
import type { Location } from '../../api/api-types';
import { useApiData } from '../../api/use-api-data';
import { ConfirmDialog, Dialog } from '../../components/confirm-dialog';
import { ErrorSummary, FormActions, TextField } from '../../components/form-fields';
import { useFormErrors } from '../../components/form-errors';
import { LoadState, SuccessMessage } from '../../components/load-state';
import { Page } from '../../components/page';
import { TableWrap } from '../../components/table-wrap';
import { useSchool } from './school-layout';

/** The locations (buildings) of a school: add, rename, delete. */
export function LocationsPage() {
  const { t } = useTranslation();
  const { school } = useSchool();
  const listPath = apiPath('/api/schools/:schoolId/locations', { schoolId: school.id });
  const { data: locations, error, isLoading, reload } = useApiData<Location[]>(listPath);
  const [name, setName] = useState('');
  const [isBusy, setIsBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [editing, setEditing] = useState<Location | null>(null);
  const [deleting, setDeleting] = useState<Location | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const addErrors = useFormErrors('nieuwe-locatie-');
  const nameMessage = t('Vul een naam in.');
  const addLabels = { 'nieuwe-locatie-name': t('Naam van de locatie') };

  const add = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    if (!addErrors.check({ 'nieuwe-locatie-name': name.trim() === '' && nameMessage }, t('Niet alle velden zijn goed ingevuld.'))) return;
    setIsBusy(true);
    try {
      const location = await api.post<Location>(listPath, { name });
      setName('');
      setSaved(t('Locatie {{name}} is toegevoegd.', { name: location.name }));
      reload();
    } catch (failure) {
      addErrors.fromError(failure, { name: nameMessage });
    } finally {
      setIsBusy(false);
    }
  };

  const remove = async () => {
    if (!deleting) return;
    try {
      await api.delete(apiPath('/api/schools/:schoolId/locations/:locationId', { schoolId: school.id, locationId: deleting.id }));
      setSaved(t('Locatie {{name}} is verwijderd.', { name: deleting.name }));
      setDeleting(null);
      reload();
    } catch (failure) {
      setDeleteError(failure instanceof ApiError ? failure.message : String(failure));
    }
  };

  return (
    <Page title={t('Locaties')} intro={<p>{t('Een school kan op meer plekken les geven. Klassen koppel je aan een locatie.')}</p>}>
      <SuccessMessage message={saved} />
      <LoadState error={error} isLoading={isLoading && !locations} />
      {locations ? (
        locations.length === 0 ? (
          <p className="notice">{t('Deze school heeft nog geen locaties.')}</p>
        ) : (
          <TableWrap label={t('Locaties van {{name}}', { name: school.name })}>
            <table>
              <caption className="visually-hidden">{t('Locaties van {{name}}', { name: school.name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('Naam')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('Acties')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {locations.map((location) => (
                  <tr key={location.id}>
                    <th scope="row">{location.name}</th>
                    <td className="actions">
                      <div className="action-buttons">
                        <button type="button" className="button button-small button-secondary" aria-label={t('{{name}} wijzigen', { name: location.name })} onClick={() => setEditing(location)}>
                          {t('Wijzigen')}
                        </button>
                        <button
                          type="button"
                          className="button button-small button-danger-quiet"
                          aria-label={t('{{name}} verwijderen', { name: location.name })}
                          onClick={() => {
                            setDeleteError(null);
                            setDeleting(location);
                          }}
                        >
                          {t('Verwijderen')}
                        </button>
                      </div>
                    </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )
        ) : null}

        <section aria-labelledby="locatie-toevoegen-kop" className="card">
          <h2 id="locatie-toevoegen-kop">{t('Locatie toevoegen')}</h2>
          <ErrorSummary errors={addErrors.errors} labels={addLabels} />
          <form onSubmit={(event) => void add(event)} noValidate className="inline-form">
            <TextField id="nieuwe-locatie-name" label={addLabels['nieuwe-locatie-name']} value={name} onChange={setName} error={addErrors.errors.fields['nieuwe-locatie-name']} required maxLength={120} />
            <FormActions>
              <button type="submit" className="button" disabled={isBusy}>
                {t('Locatie toevoegen')}
              </button>
            </FormActions>
          </form>
        </section>

        <RenameLocationDialog
          schoolId={school.id}
          location={editing}
          onClose={() => setEditing(null)}
          onSaved={(location) => {
            setEditing(null);
            setSaved(t('Locatie {{name}} is opgeslagen.', { name: location.name }));
            reload();
          }}
        />
        <ConfirmDialog
          isOpen={deleting !== null}
          title={t('Locatie verwijderen?')}
          message={<p>{t('Weet je zeker dat je locatie {{name}} wilt verwijderen? Klassen op deze locatie blijven bestaan, maar zonder locatie.', { name: deleting?.name ?? '' })}</p>}
          confirmLabel={t('Verwijderen')}
          isDangerous
          error={deleteError}
          onConfirm={remove}
          onCancel={() => setDeleting(null)}
        />
      </Page>
    );
  }

  function RenameLocationDialog({ schoolId, location, onClose, onSaved }: { schoolId: string; location: Location | null; onClose: () => void; onSaved: (location: Location) => void }) {
    const { t } = useTranslation();
    const [name, setName] = useState('');
    const [shownFor, setShownFor] = useState<string | null>(null);
    const { errors, check, fromError, clear } = useFormErrors('locatie-wijzigen-');
    // Start from the current name each time the dialog opens for a location.
    if (location && shownFor !== location.id) {
      setShownFor(location.id);
      setName(location.name);
      clear();
    }
    if (!location && shownFor !== null) setShownFor(null);
    const nameMessage = t('Vul een naam in.');

    const save = async (event: FormEvent) => {
      event.preventDefault();
      if (!location) return;
      if (!check({ 'locatie-wijzigen-name': name.trim() === '' && nameMessage }, t('Niet alle velden zijn goed ingevuld.'))) return;
      try {
        onSaved(await api.patch<Location>(apiPath('/api/schools/:schoolId/locations/:locationId', { schoolId, locationId: location.id }), { name }));
      } catch (failure) {
        fromError(failure, { name: nameMessage });
      }
    };

    return (
      <Dialog isOpen={location !== null} title={t('Locatie {{name}} wijzigen', { name: location?.name ?? '' })} onClose={onClose}>
        <ErrorSummary errors={errors} labels={{ 'locatie-wijzigen-name': t('Nieuwe naam') }} />
        <form onSubmit={(event) => void save(event)} noValidate>
          <TextField id="locatie-wijzigen-name" label={t('Nieuwe naam')} value={name} onChange={setName} error={errors.fields['locatie-wijzigen-name']} required maxLength={120} />
          <FormActions>
            <button type="submit" className="button">
              {t('Opslaan')}
            </button>
            <button type="button" className="button button-secondary" onClick={onClose}>
              {t('Annuleren')}
            </button>
          </FormActions>
        </form>
      </Dialog>
    );
  }
