import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ApiError, apiPath } from '../../api/api-client';
import type { ClassTeachers, Location, SchoolClass, StaffMember } from '../../api/api-types';
import { useApiData } from '../../api/use-api-data';
import { ConfirmDialog, Dialog } from '../../components/confirm-dialog';
import { ErrorSummary, FormActions, SelectField, TextField } from '../../components/form-fields';
import { useFormErrors } from '../../components/form-errors';
import { LoadState, SuccessMessage } from '../../components/load-state';
import { Page } from '../../components/page';
import { TableWrap } from '../../components/table-wrap';
import { useFormat } from '../../i18n/format';
import { useSchool } from './school-layout';
import { schoolYearChoices } from './school-years';

/** Classes (groepen/klassen) per school year: add, rename or move, delete, and link their teachers. */
export function ClassesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { school, can } = useSchool();
  const canLinkTeachers = can('school.staff.manage');
  const { data: staff, reload: reloadStaff } = useApiData<StaffMember[]>(canLinkTeachers ? apiPath('/api/schools/:schoolId/staff', { schoolId: school.id }) : null);
  const [teachersOf, setTeachersOf] = useState<SchoolClass | null>(null);
  const teacherNames = (classId: string) =>
    (staff ?? [])
      .filter((member) => member.classIds.includes(classId))
      .map((member) => member.name)
      .join(', ');
  const [schoolYear, setSchoolYear] = useState(school.currentSchoolYear);
  const classesPath = apiPath('/api/schools/:schoolId/classes', { schoolId: school.id }, { schoolYear });
  const { data: classes, error, isLoading, reload } = useApiData<SchoolClass[]>(classesPath);
  const { data: locations } = useApiData<Location[]>(apiPath('/api/schools/:schoolId/locations', { schoolId: school.id }));
  const [name, setName] = useState('');
  const [locationId, setLocationId] = useState('');
  const [isBusy, setIsBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [editing, setEditing] = useState<SchoolClass | null>(null);
  const [deleting, setDeleting] = useState<SchoolClass | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const addErrors = useFormErrors('nieuwe-klas-');
  const nameMessage = t('Vul een naam in.');
  const addLabels = { 'nieuwe-klas-name': t('Naam van de klas'), 'nieuwe-klas-locationId': t('Locatie') };
  const locationName = (id: string | null) => locations?.find((location) => location.id === id)?.name ?? '';
  const locationOptions = [{ value: '', label: t('Geen locatie') }, ...(locations ?? []).map((location) => ({ value: location.id, label: location.name }))];

  const add = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    if (!addErrors.check({ 'nieuwe-klas-name': name.trim() === '' && nameMessage }, t('Niet alle velden zijn goed ingevuld.'))) return;
    setIsBusy(true);
    try {
      const created = await api.post<SchoolClass>(apiPath('/api/schools/:schoolId/classes', { schoolId: school.id }), {
        name,
        schoolYear,
        locationId: locationId === '' ? null : locationId,
      });
      setName('');
      setSaved(t('Klas {{name}} is toegevoegd aan {{year}}.', { name: created.name, year: created.schoolYear }));
      reload();
    } catch (failure) {
      addErrors.fromError(failure, { name: nameMessage, locationId: t('Kies een bestaande locatie.') });
    } finally {
      setIsBusy(false);
    }
  };

  const remove = async () => {
    if (!deleting) return;
    try {
      await api.delete(apiPath('/api/schools/:schoolId/classes/:classId', { schoolId: school.id, classId: deleting.id }));
      setSaved(t('Klas {{name}} is verwijderd.', { name: deleting.name }));
      setDeleting(null);
      reload();
    } catch (failure) {
      setDeleteError(failure instanceof ApiError ? failure.message : String(failure));
    }
  };

  return (
    <Page title={t('Klassen')} intro={<p>{t('Klassen horen bij één schooljaar. Maak voor een nieuw schooljaar nieuwe klassen aan; de oude blijven bewaard.')}</p>}>
      {can('school.year.prepare') ? (
        <p>
          <Link to={`/scholen/${school.id}/nieuw-schooljaar`} className="button button-secondary">
            {t('Nieuw schooljaar voorbereiden')}
          </Link>
        </p>
      ) : null}
      <div className="toolbar">
        <SelectField
          id="schooljaar"
          label={t('Schooljaar')}
          value={schoolYear}
          onChange={setSchoolYear}
          options={schoolYearChoices(school).map((year) => ({ value: year, label: year }))}
        />
      </div>
      <SuccessMessage message={saved} />
      <LoadState error={error} isLoading={isLoading && !classes} />
      {classes ? (
        classes.length === 0 ? (
          <p className="notice">{t('Er zijn nog geen klassen in {{year}}.', { year: schoolYear })}</p>
        ) : (
          <TableWrap label={t('Klassen in {{year}}', { year: schoolYear })}>
            <table>
              <caption>{t('Klassen in {{year}}', { year: schoolYear })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('Naam')}</th>
                  <th scope="col">{t('Locatie')}</th>
                  <th scope="col" className="number">
                    {t('Leerlingen')}
                  </th>
                  {canLinkTeachers ? <th scope="col">{t('Leerkrachten')}</th> : null}
                  <th scope="col">
                    <span className="visually-hidden">{t('Acties')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {classes.map((schoolClass) => (
                  <tr key={schoolClass.id}>
                    <th scope="row">{schoolClass.name}</th>
                    <td>{locationName(schoolClass.locationId)}</td>
                    <td className="number">{format.number(schoolClass.pupilCount)}</td>
                    {canLinkTeachers ? <td>{teacherNames(schoolClass.id) || <span className="muted">{t('Nog geen leerkracht')}</span>}</td> : null}
                    <td className="actions">
                      <div className="action-buttons">
                        {canLinkTeachers ? (
                          <button type="button" className="button button-small button-secondary" aria-label={t('Leerkrachten van {{name}}', { name: schoolClass.name })} onClick={() => setTeachersOf(schoolClass)}>
                            {t('Leerkrachten')}
                          </button>
                        ) : null}
                        <button type="button" className="button button-small button-secondary" aria-label={t('{{name}} wijzigen', { name: schoolClass.name })} onClick={() => setEditing(schoolClass)}>
                          {t('Wijzigen')}
                        </button>
                        <button
                          type="button"
                          className="button button-small button-danger-quiet"
                          aria-label={t('{{name}} verwijderen', { name: schoolClass.name })}
                          onClick={() => {
                            setDeleteError(null);
                            setDeleting(schoolClass);
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

        <section aria-labelledby="klas-toevoegen-kop" className="card">
          <h2 id="klas-toevoegen-kop">{t('Klas toevoegen aan {{year}}', { year: schoolYear })}</h2>
          <ErrorSummary errors={addErrors.errors} labels={addLabels} />
          <form onSubmit={(event) => void add(event)} noValidate className="inline-form">
            <TextField id="nieuwe-klas-name" label={addLabels['nieuwe-klas-name']} value={name} onChange={setName} error={addErrors.errors.fields['nieuwe-klas-name']} required maxLength={120} />
            <SelectField id="nieuwe-klas-locationId" label={addLabels['nieuwe-klas-locationId']} value={locationId} onChange={setLocationId} options={locationOptions} error={addErrors.errors.fields['nieuwe-klas-locationId']} />
            <FormActions>
              <button type="submit" className="button" disabled={isBusy}>
                {t('Klas toevoegen')}
              </button>
            </FormActions>
          </form>
        </section>

        <EditClassDialog
          schoolId={school.id}
          schoolClass={editing}
          locationOptions={locationOptions}
          onClose={() => setEditing(null)}
          onSaved={(updated) => {
            setEditing(null);
            setSaved(t('Klas {{name}} is opgeslagen.', { name: updated.name }));
            reload();
          }}
        />
        <ClassTeachersDialog schoolId={school.id} schoolClass={teachersOf} staff={staff ?? []} onClose={() => setTeachersOf(null)} onChanged={reloadStaff} />
        <ConfirmDialog
          isOpen={deleting !== null}
          title={t('Klas verwijderen?')}
          message={<p>{t('Weet je zeker dat je klas {{name}} wilt verwijderen? De leerlingen blijven in de school, maar staan dan niet meer in deze klas.', { name: deleting?.name ?? '' })}</p>}
          confirmLabel={t('Verwijderen')}
          isDangerous
          error={deleteError}
          onConfirm={remove}
          onCancel={() => setDeleting(null)}
        />
      </Page>
    );
  }

  interface EditClassDialogProps {
    schoolId: string;
    schoolClass: SchoolClass | null;
    locationOptions: { value: string; label: string }[];
    onClose: () => void;
    onSaved: (schoolClass: SchoolClass) => void;
  }

  function EditClassDialog({ schoolId, schoolClass, locationOptions, onClose, onSaved }: EditClassDialogProps) {
    const { t } = useTranslation();
    const [name, setName] = useState('');
    const [locationId, setLocationId] = useState('');
    const [shownFor, setShownFor] = useState<string | null>(null);
    const { errors, check, fromError, clear } = useFormErrors('klas-wijzigen-');
    // Start from the class's current values each time the dialog opens.
    if (schoolClass && shownFor !== schoolClass.id) {
      setShownFor(schoolClass.id);
      setName(schoolClass.name);
      setLocationId(schoolClass.locationId ?? '');
      clear();
    }
    if (!schoolClass && shownFor !== null) setShownFor(null);
    const nameMessage = t('Vul een naam in.');
    const labels = { 'klas-wijzigen-name': t('Nieuwe naam'), 'klas-wijzigen-locationId': t('Locatie van de klas') };

    const save = async (event: FormEvent) => {
      event.preventDefault();
      if (!schoolClass) return;
      if (!check({ 'klas-wijzigen-name': name.trim() === '' && nameMessage }, t('Niet alle velden zijn goed ingevuld.'))) return;
      try {
        const updated = await api.patch<SchoolClass>(apiPath('/api/schools/:schoolId/classes/:classId', { schoolId, classId: schoolClass.id }), {
          name,
          locationId: locationId === '' ? null : locationId,
        });
        onSaved(updated);
      } catch (failure) {
        fromError(failure, { name: nameMessage, locationId: t('Kies een bestaande locatie.') });
      }
    };

    return (
      <Dialog isOpen={schoolClass !== null} title={t('Klas {{name}} wijzigen', { name: schoolClass?.name ?? '' })} onClose={onClose}>
        <ErrorSummary errors={errors} labels={labels} />
        <form onSubmit={(event) => void save(event)} noValidate>
          <TextField id="klas-wijzigen-name" label={labels['klas-wijzigen-name']} value={name} onChange={setName} error={errors.fields['klas-wijzigen-name']} required maxLength={120} />
          <SelectField id="klas-wijzigen-locationId" label={labels['klas-wijzigen-locationId']} value={locationId} onChange={setLocationId} options={locationOptions} error={errors.fields['klas-wijzigen-locationId']} />
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

interface ClassTeachersDialogProps {
  schoolId: string;
  schoolClass: SchoolClass | null;
  staff: StaffMember[];
  onClose: () => void;
  onChanged: () => void;
}

// The teachers of one class: the same links as "Rollen wijzigen" on the staff page, seen from the class.
function ClassTeachersDialog({ schoolId, schoolClass, staff, onClose, onChanged }: ClassTeachersDialogProps) {
  const { t } = useTranslation();
  const [userId, setUserId] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [shownFor, setShownFor] = useState<string | null>(null);
  const { errors, check, fromError, clear } = useFormErrors('klas-leerkracht-');
  if (schoolClass && shownFor !== schoolClass.id) {
    setShownFor(schoolClass.id);
    setUserId('');
    setMessage(null);
    clear();
  }
  if (!schoolClass && shownFor !== null) setShownFor(null);
  const linked = schoolClass ? staff.filter((member) => member.classIds.includes(schoolClass.id)) : [];
  const available = staff.filter((member) => member.roles.includes('teacher') && !linked.includes(member));
  const chooseMessage = t('Kies een leerkracht.');
  const labels = { 'klas-leerkracht-userId': t('Leerkracht toevoegen') };
  const teachersPath = apiPath('/api/schools/:schoolId/classes/:classId/teachers', { schoolId, classId: schoolClass?.id ?? '' });

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (!schoolClass) return;
    if (!check({ 'klas-leerkracht-userId': userId === '' && chooseMessage }, t('Niet alle velden zijn goed ingevuld.'))) return;
    try {
      await api.post<ClassTeachers>(teachersPath, { userId });
      setMessage(t('{{teacher}} is gekoppeld aan {{name}}.', { teacher: staff.find((member) => member.userId === userId)?.name ?? '', name: schoolClass.name }));
      setUserId('');
      onChanged();
    } catch (failure) {
      fromError(failure, { userId: chooseMessage });
    }
  };

  const remove = async (member: StaffMember) => {
    if (!schoolClass) return;
    clear();
    try {
      await api.delete<ClassTeachers>(apiPath('/api/schools/:schoolId/classes/:classId/teachers/:userId', { schoolId, classId: schoolClass.id, userId: member.userId }));
      setMessage(t('{{teacher}} is ontkoppeld van {{name}}.', { teacher: member.name, name: schoolClass.name }));
      onChanged();
    } catch (failure) {
      fromError(failure);
    }
  };

  return (
    <Dialog isOpen={schoolClass !== null} title={t('Leerkrachten van {{name}}', { name: schoolClass?.name ?? '' })} onClose={onClose}>
      <SuccessMessage message={message} />
      <ErrorSummary errors={errors} labels={labels} />
      {linked.length === 0 ? (
        <p>{t('Deze klas heeft nog geen leerkracht.')}</p>
      ) : (
        <ul>
          {linked.map((member) => (
            <li key={member.userId}>
              {member.name}{' '}
              <button
                type="button"
                className="button button-small button-danger-quiet"
                aria-label={t('{{teacher}} ontkoppelen van {{name}}', { teacher: member.name, name: schoolClass?.name ?? '' })}
                onClick={() => void remove(member)}
              >
                {t('Ontkoppelen')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {available.length === 0 ? (
        <p className="hint">{t('Er is geen andere leerkracht om te koppelen. Geef iemand eerst de rol leerkracht op de personeelspagina.')}</p>
      ) : (
        <form onSubmit={(event) => void add(event)} noValidate className="inline-form">
          <SelectField
            id="klas-leerkracht-userId"
            label={labels['klas-leerkracht-userId']}
            value={userId}
            onChange={setUserId}
            options={[{ value: '', label: t('Kies een leerkracht') }, ...available.map((member) => ({ value: member.userId, label: member.name }))]}
            error={errors.fields['klas-leerkracht-userId']}
          />
          <FormActions>
            <button type="submit" className="button">
              {t('Koppelen')}
            </button>
          </FormActions>
        </form>
      )}
      <FormActions>
        <button type="button" className="button button-secondary" onClick={onClose}>
          {t('Sluiten')}
        </button>
      </FormActions>
    </Dialog>
  );
}
