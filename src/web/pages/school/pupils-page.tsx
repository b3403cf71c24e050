import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { pupilCarePath } from '../care/care-paths';
import { schoolDateOf } from '../../../shared/school-time';
import { api, ApiError, apiPath } from '../../api/api-client';
import type { Pupil, PupilDetails, PupilStatus, SchoolClass } from '../../api/api-types';
import { useApiData } from '../../api/use-api-data';
import { Dialog } from '../../components/confirm-dialog';
import { ErrorSummary, FormActions, SelectField, TextField } from '../../components/form-fields';
import { type FormErrors, useFormErrors } from '../../components/form-errors';
import { LoadState, SuccessMessage } from '../../components/load-state';
import { Page } from '../../components/page';
import { SpreadsheetDownloadBar } from '../../components/spreadsheet-downloads';
import { TableWrap } from '../../components/table-wrap';
import { useFormat } from '../../i18n/format';
import { checkinPupilPath } from '../checkin/checkin-paths';
import { useSchool } from './school-layout';
import { schoolYearChoices } from './school-years';

/** A full name for sentences: "Sanne de Vries". */
function fullName(pupil: Pick<Pupil, 'firstName' | 'lastName'>): string {
  return `${pupil.firstName} ${pupil.lastName}`;
}

/**
 * The pupils of a school year, optionally of one class (teachers see only their own classes), or the former
 * pupils (oud-leerlingen). The school admin corrects a pupil's details, moves them to another class, marks them
 * as left (after a confirmation, with a date) and puts them back.
 */
export function PupilsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { school, can } = useSchool();
  const canManage = can('school.pupils.manage');
  const canReadCheckins = can('school.checkin.class.read');
  // The pupil's teachers and the care team (whoever else passes the policy only reads by break-glass).
  const canOpenCare = can('school.care.plans.write');
  const [schoolYear, setSchoolYear] = useState(school.currentSchoolYear);
  const [classId, setClassId] = useState('');
  const [status, setStatus] = useState<PupilStatus>('current');
  const [saved, setSaved] = useState<string | null>(null);
  const [leftPupil, setLeftPupil] = useState<Pupil | null>(null);
  const [undoError, setUndoError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Pupil | null>(null);
  const [moving, setMoving] = useState<Pupil | null>(null);
  const [leaving, setLeaving] = useState<Pupil | null>(null);
  const { data: classes } = useApiData<SchoolClass[]>(apiPath('/api/schools/:schoolId/classes', { schoolId: school.id }, { schoolYear }));
  const { data: pupils, error, isLoading, reload } = useApiData<Pupil[]>(
    apiPath('/api/schools/:schoolId/pupils', { schoolId: school.id }, { schoolYear, classId: classId || undefined, status: status === 'former' ? status : undefined }),
  );
  const chosenClass = classes?.find((item) => item.id === classId);
  const isFormer = status === 'former';
  const caption = isFormer
    ? chosenClass
      ? t('Oud-leerlingen van {{name}} in {{year}}', { name: chosenClass.name, year: schoolYear })
      : t('Oud-leerlingen')
    : chosenClass
      ? t('Leerlingen van {{name}} in {{year}}', { name: chosenClass.name, year: schoolYear })
      : t('Leerlingen in {{year}}', { year: schoolYear });

  const announce = (message: string, left: Pupil | null = null) => {
    setSaved(message);
    setLeftPupil(left);
    setUndoError(null);
    reload();
  };

  const putBack = async (pupil: Pupil) => {
    setUndoError(null);
    try {
      await api.delete<Pupil>(apiPath('/api/schools/:schoolId/pupils/:pupilId/departure', { schoolId: school.id, pupilId: pupil.id }));
      announce(t('{{name}} is teruggezet en staat weer bij de leerlingen op school.', { name: fullName(pupil) }));
    } catch (failure) {
      setUndoError(failure instanceof ApiError ? failure.message : String(failure));
    }
  };

  return (
    <Page title={t('Leerlingen')}>
      {can('school.pupils.import') || can('school.year.prepare') ? (
        <p>
          {can('school.pupils.import') ? (
            <Link to={`/scholen/${school.id}/leerlingen/importeren`} className="button button-secondary">
              {t('Leerlingen importeren')}
            </Link>
          ) : null}{' '}
          {can('school.year.prepare') ? (
            <Link to={`/scholen/${school.id}/nieuw-schooljaar`} className="button button-secondary">
              {t('Nieuw schooljaar voorbereiden')}
            </Link>
          ) : null}
        </p>
      ) : null}
      <div className="toolbar">
        <SelectField
          id="leerlingen-status"
          label={t('Welke leerlingen')}
          value={status}
          onChange={(value) => setStatus(value === 'former' ? 'former' : 'current')}
          options={[
            { value: 'current', label: t('Leerlingen op school') },
            { value: 'former', label: t('Oud-leerlingen (vertrokken)') },
          ]}
        />
        <SelectField
          id="schooljaar"
          label={t('Schooljaar')}
          value={schoolYear}
          onChange={(year) => {
            setSchoolYear(year);
            setClassId('');
          }}
          options={schoolYearChoices(school).map((year) => ({ value: year, label: year }))}
        />
        <SelectField
          id="klas"
          label={t('Klas')}
          value={classId}
          onChange={setClassId}
          options={[{ value: '', label: t('Alle klassen') }, ...(classes ?? []).map((item) => ({ value: item.id, label: item.name }))]}
        />
      </div>
      <SuccessMessage message={leftPupil ? null : saved} />
      {leftPupil && saved ? (
        <div className="notice notice-success" role="status">
          <p>{saved}</p>
          <button type="button" className="button button-small button-secondary" onClick={() => void putBack(leftPupil)}>
            {t('Ongedaan maken')}
          </button>
        </div>
      ) : null}
      {undoError ? (
        <p className="notice notice-error" role="alert">
          {undoError}
        </p>
      ) : null}
      <LoadState error={error} isLoading={isLoading && !pupils} />
      {pupils && !error ? (
        pupils.length === 0 ? (
          <p className="notice">{isFormer ? t('Er zijn geen oud-leerlingen.') : t('Geen leerlingen gevonden.')}</p>
        ) : (
          <TableWrap label={caption}>
            <table>
              <caption>
                {caption} <span className="muted">({pupils.length === 1 ? t('1 leerling') : t('{{n}} leerlingen', { n: format.number(pupils.length) })})</span>
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('Leerlingnummer')}</th>
                  <th scope="col">{t('Roepnaam')}</th>
                  <th scope="col">{t('Achternaam')}</th>
                  <th scope="col">{t('Geboortedatum')}</th>
                  <th scope="col">{t('Klas')}</th>
                  {isFormer ? <th scope="col">{t('Vertrokken op')}</th> : null}
                  {canManage || canOpenCare || (isFormer && canReadCheckins) ? (
                    <th scope="col">
                      <span className="visually-hidden">{t('Acties')}</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {pupils.map((pupil) => (
                  <tr key={pupil.id}>
                    <td>{pupil.pupilNumber}</td>
                    <th scope="row">{pupil.firstName}</th>
                    <td>{pupil.lastName}</td>
                    <td>{pupil.birthDate ? <time dateTime={pupil.birthDate}>{format.date(pupil.birthDate)}</time> : null}</td>
                    <td>{pupil.className ?? ''}</td>
                    {isFormer ? <td>{pupil.leftOn ? <time dateTime={pupil.leftOn}>{format.date(pupil.leftOn)}</time> : null}</td> : null}
                    {canManage || canOpenCare || (isFormer && canReadCheckins) ? (
                      <td className="actions">
                        <div className="action-buttons">
                          {canOpenCare ? (
                            <Link to={pupilCarePath(school.id, pupil.id)} className="button button-small button-secondary" aria-label={t('Zorgdossier van {{name}}', { name: fullName(pupil) })}>
                              {t('Zorgdossier')}
                            </Link>
                          ) : null}
                          {isFormer && canReadCheckins ? (
                            <Link to={checkinPupilPath(school.id, pupil.id)} className="button button-small button-secondary" aria-label={t('Check-ins van {{name}}', { name: fullName(pupil) })}>
                              {t('Check-ins')}
                            </Link>
                          ) : null}
                          {canManage ? (
                            <button type="button" className="button button-small button-secondary" aria-label={t('Gegevens van {{name}} wijzigen', { name: fullName(pupil) })} onClick={() => setEditing(pupil)}>
                              {t('Wijzigen')}
                            </button>
                          ) : null}
                          {canManage && !isFormer ? (
                            <button type="button" className="button button-small button-secondary" aria-label={t('{{name}} naar een andere klas', { name: fullName(pupil) })} onClick={() => setMoving(pupil)}>
                              {t('Andere klas')}
                            </button>
                          ) : null}
                          {canManage && !isFormer ? (
                            <button type="button" className="button button-small button-danger-quiet" aria-label={t('{{name}} is vertrokken', { name: fullName(pupil) })} onClick={() => setLeaving(pupil)}>
                              {t('Vertrokken')}
                            </button>
                          ) : null}
                          {canManage && isFormer ? (
                            <button type="button" className="button button-small button-secondary" aria-label={t('{{name}} terugzetten', { name: fullName(pupil) })} onClick={() => void putBack(pupil)}>
                              {t('Terugzetten')}
                            </button>
                          ) : null}
                        </div>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )
      ) : null}
      {canManage && pupils && !error && pupils.length > 0 ? (
        <SpreadsheetDownloadBar
          path="/api/schools/:schoolId/pupils"
          params={{ schoolId: school.id }}
          query={{ schoolYear, classId: classId || undefined, status: isFormer ? status : undefined }}
          what={isFormer ? t('Oud-leerlingen') : t('Leerlingen')}
        />
      ) : null}

      <EditPupilDialog
        schoolId={school.id}
        pupil={editing}
        onClose={() => setEditing(null)}
        onSaved={(pupil) => {
          setEditing(null);
          announce(t('De gegevens van {{name}} zijn opgeslagen.', { name: fullName(pupil) }));
        }}
      />
      <MovePupilDialog
        schoolId={school.id}
        schoolYear={schoolYear}
        pupil={moving}
        classes={classes ?? []}
        onClose={() => setMoving(null)}
        onSaved={(pupil) => {
          setMoving(null);
          announce(t('{{name}} zit nu in {{className}}.', { name: fullName(pupil), className: pupil.className ?? '' }));
        }}
      />
      <LeavePupilDialog
        schoolId={school.id}
        pupil={leaving}
        onClose={() => setLeaving(null)}
        onSaved={(pupil) => {
          setLeaving(null);
          announce(t('{{name}} staat nu bij de oud-leerlingen.', { name: fullName(pupil) }), pupil);
        }}
      />
    </Page>
  );
}

interface PupilFormDialogProps {
  isOpen: boolean;
  title: string;
  errors: FormErrors;
  labels: Record<string, string>;
  submitLabel: string;
  isDangerous?: boolean;
  onSubmit: () => Promise<void>;
  onClose: () => void;
  children: ReactNode;
}

// The frame of the pupil dialogs: error summary, the fields, and the submit and cancel buttons.
function PupilFormDialog({ isOpen, title, errors, labels, submitLabel, isDangerous, onSubmit, onClose, children }: PupilFormDialogProps) {
  const { t } = useTranslation();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void onSubmit();
  };
  return (
    <Dialog isOpen={isOpen} title={title} onClose={onClose}>
      <ErrorSummary errors={errors} labels={labels} />
      <form onSubmit={submit} noValidate>
        {children}
        <FormActions>
          <button type="submit" className={isDangerous ? 'button button-danger' : 'button'}>
            {submitLabel}
          </button>
          <button type="button" className="button button-secondary" onClick={onClose}>
            {t('Annuleren')}
          </button>
        </FormActions>
      </form>
    </Dialog>
  );
}

interface PupilDialogProps {
  schoolId: string;
  pupil: Pupil | null;
  onClose: () => void;
  onSaved: (pupil: Pupil) => void;
}

// Starts from the pupil's current values each time the dialog opens for a pupil.
function useOpenedFor(pupil: Pupil | null, reset: (pupil: Pupil) => void): void {
  const [shownFor, setShownFor] = useState<string | null>(null);
  if (pupil && shownFor !== pupil.id) {
    setShownFor(pupil.id);
    reset(pupil);
  }
  if (!pupil && shownFor !== null) setShownFor(null);
}

function EditPupilDialog({ schoolId, pupil, onClose, onSaved }: PupilDialogProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<keyof PupilDetails, string>>({ pupilNumber: '', firstName: '', lastName: '', birthDate: '' });
  const { errors, check, fromError, clear } = useFormErrors('leerling-');
  useOpenedFor(pupil, (opened) => {
    setValues({ pupilNumber: opened.pupilNumber, firstName: opened.firstName, lastName: opened.lastName, birthDate: opened.birthDate ?? '' });
    clear();
  });
  const labels = {
    'leerling-pupilNumber': t('Leerlingnummer'),
    'leerling-firstName': t('Roepnaam'),
    'leerling-lastName': t('Achternaam (met tussenvoegsel)'),
    'leerling-birthDate': t('Geboortedatum'),
  };
  const messages = {
    pupilNumber: t('Vul een leerlingnummer in dat nog geen andere leerling heeft.'),
    firstName: t('Vul een roepnaam in.'),
    lastName: t('Vul een achternaam in.'),
    birthDate: t('Vul een geboortedatum in die niet in de toekomst ligt, of laat het veld leeg.'),
  };
  const set = (field: keyof PupilDetails) => (value: string) => setValues((current) => ({ ...current, [field]: value }));

  const save = async () => {
    if (!pupil) return;
    const isValid = check(
      {
        'leerling-pupilNumber': values.pupilNumber.trim() === '' && messages.pupilNumber,
        'leerling-firstName': values.firstName.trim() === '' && messages.firstName,
        'leerling-lastName': values.lastName.trim() === '' && messages.lastName,
        'leerling-birthDate': values.birthDate > schoolDateOf(new Date()) && messages.birthDate,
      },
      t('Niet alle velden zijn goed ingevuld.'),
    );
    if (!isValid) return;
    try {
      const body: PupilDetails = { ...values, birthDate: values.birthDate === '' ? null : values.birthDate };
      onSaved(await api.put<Pupil>(apiPath('/api/schools/:schoolId/pupils/:pupilId', { schoolId, pupilId: pupil.id }), body));
    } catch (failure) {
      fromError(failure, messages);
    }
  };

  return (
    <PupilFormDialog isOpen={pupil !== null} title={t('Gegevens van {{name}} wijzigen', { name: pupil ? fullName(pupil) : '' })} errors={errors} labels={labels} submitLabel={t('Opslaan')} onSubmit={save} onClose={onClose}>
      <TextField id="leerling-pupilNumber" label={labels['leerling-pupilNumber']} value={values.pupilNumber} onChange={set('pupilNumber')} error={errors.fields['leerling-pupilNumber']} required maxLength={40} />
      <TextField id="leerling-firstName" label={labels['leerling-firstName']} value={values.firstName} onChange={set('firstName')} error={errors.fields['leerling-firstName']} required maxLength={100} />
      <TextField id="leerling-lastName" label={labels['leerling-lastName']} value={values.lastName} onChange={set('lastName')} error={errors.fields['leerling-lastName']} required maxLength={120} />
      <TextField id="leerling-birthDate" label={labels['leerling-birthDate']} type="date" value={values.birthDate} onChange={set('birthDate')} error={errors.fields['leerling-birthDate']} />
    </PupilFormDialog>
  );
}

function MovePupilDialog({ schoolId, schoolYear, pupil, classes, onClose, onSaved }: PupilDialogProps & { schoolYear: string; classes: SchoolClass[] }) {
  const { t } = useTranslation();
  const [classId, setClassId] = useState('');
  const { errors, check, fromError, clear } = useFormErrors('verplaatsen-');
  useOpenedFor(pupil, () => {
    setClassId('');
    clear();
  });
  const message = t('Kies de klas waar de leerling naartoe gaat.');
  const labels = { 'verplaatsen-classId': t('Nieuwe klas in {{year}}', { year: schoolYear }) };
  const choices = classes.filter((item) => item.id !== pupil?.classId);

  const save = async () => {
    if (!pupil) return;
    if (!check({ 'verplaatsen-classId': classId === '' && message }, t('Niet alle velden zijn goed ingevuld.'))) return;
    try {
      onSaved(await api.put<Pupil>(apiPath('/api/schools/:schoolId/pupils/:pupilId/class', { schoolId, pupilId: pupil.id }), { classId }));
    } catch (failure) {
      fromError(failure, { classId: message });
    }
  };

  return (
    <PupilFormDialog isOpen={pupil !== null} title={t('{{name}} naar een andere klas', { name: pupil ? fullName(pupil) : '' })} errors={errors} labels={labels} submitLabel={t('Verplaatsen')} onSubmit={save} onClose={onClose}>
      <p>{pupil?.className ? t('Nu in {{className}}. De leerling gaat uit die klas en in de nieuwe klas van hetzelfde schooljaar.', { className: pupil.className }) : t('Nu in geen klas van dit schooljaar.')}</p>
      <SelectField
        id="verplaatsen-classId"
        label={labels['verplaatsen-classId']}
        value={classId}
        onChange={setClassId}
        options={[{ value: '', label: t('Kies een klas') }, ...choices.map((item) => ({ value: item.id, label: item.name }))]}
        error={errors.fields['verplaatsen-classId']}
        required
      />
    </PupilFormDialog>
  );
}

// The confirmation before marking as left: says what happens, asks for the date, and that it can be undone.
function LeavePupilDialog({ schoolId, pupil, onClose, onSaved }: PupilDialogProps) {
  const { t } = useTranslation();
  const [leftOn, setLeftOn] = useState('');
  const { errors, check, fromError, clear } = useFormErrors('vertrek-');
  useOpenedFor(pupil, () => {
    setLeftOn(schoolDateOf(new Date()));
    clear();
  });
  const message = t('Vul de datum in waarop de leerling vertrok: vandaag of eerder.');
  const labels = { 'vertrek-leftOn': t('Vertrokken op') };

  const save = async () => {
    if (!pupil) return;
    if (!check({ 'vertrek-leftOn': (leftOn === '' || leftOn > schoolDateOf(new Date())) && message }, t('Niet alle velden zijn goed ingevuld.'))) return;
    try {
      onSaved(await api.put<Pupil>(apiPath('/api/schools/:schoolId/pupils/:pupilId/departure', { schoolId, pupilId: pupil.id }), { leftOn }));
    } catch (failure) {
      fromError(failure, { leftOn: message });
    }
  };

  return (
    <PupilFormDialog isOpen={pupil !== null} title={t('Is {{name}} vertrokken?', { name: pupil ? fullName(pupil) : '' })} errors={errors} labels={labels} submitLabel={t('Ja, markeer als vertrokken')} isDangerous onSubmit={save} onClose={onClose}>
      <div className="dialog-body">
        <p>{t('Een vertrokken leerling staat niet meer in de klassenlijsten, de check-in, het klassenscherm en bij de inlogkaarten. Wat er al over de leerling is vastgelegd, blijft te lezen voor wie dat mag; de bewaartermijnen tellen vanaf de vertrekdatum.')}</p>
        <p>{t('Je vindt de leerling daarna bij de oud-leerlingen en kunt hem of haar daar terugzetten.')}</p>
      </div>
      <TextField id="vertrek-leftOn" label={labels['vertrek-leftOn']} type="date" value={leftOn} onChange={setLeftOn} error={errors.fields['vertrek-leftOn']} required />
    </PupilFormDialog>
  );
}
