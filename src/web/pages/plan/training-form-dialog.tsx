import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PLAN_LIMITS, TRAINING_KINDS, type TrainingKind } from '../../../shared/plan';
import { api, apiPath } from '../../api/api-client';
import type { Training, TrainingBody } from '../../api/plan-types';
import { Dialog } from '../../components/confirm-dialog';
import { ErrorSummary, FormActions, SelectField, TextField } from '../../components/form-fields';
import { useFormErrors } from '../../components/form-errors';
import { trainingKindLabel } from '../../i18n/labels';

/** A person who can take part in a training. */
interface StaffMember {
  id: string;
  name: string;
}

interface TrainingFormDialogProps {
  schoolId: string;
  /** Open for a new training (`'new'`), for an existing one, or closed (null). */
  editing: Training | 'new' | null;
  /** The school's current staff, to pick participants from. */
  staff: readonly StaffMember[];
  onClose: () => void;
  onSaved: (training: Training) => void;
}

// Ids start with the prefix and end in the body field's name, so a refusal from the server marks the right field.
const PREFIX = 'scholing-';
const ID = {
  kind: `${PREFIX}kind`,
  heldOn: `${PREFIX}heldOn`,
  title: `${PREFIX}title`,
  participants: `${PREFIX}participantUserIds`,
  partners: `${PREFIX}partners`,
} as const;

/** Recording or changing a training: kind, date, title, participants from the team and partner organisations. */
export function TrainingFormDialog({ schoolId, editing, staff, onClose, onSaved }: TrainingFormDialogProps) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<TrainingKind>('full_team');
  const [heldOn, setHeldOn] = useState('');
  const [title, setTitle] = useState('');
  const [participantIds, setParticipantIds] = useState<string[]>([]);
  const [partners, setPartners] = useState<string[]>([]);
  const [filter, setFilter] = useState('');
  const [isBusy, setIsBusy] = useState(false);
  const [shownFor, setShownFor] = useState<string | null>(null);
  const { errors, check, fromError, clear } = useFormErrors(PREFIX);
  // After adding or removing a partner row, focus goes to the row that needs it (or to the add button).
  const focusPartner = useRef<number | null>(null);
  const addPartnerButton = useRef<HTMLButtonElement>(null);

  // Start from the training's stored values (or an empty form) each time the dialog opens.
  const openKey = editing === null ? null : editing === 'new' ? 'new' : editing.id;
  if (openKey !== shownFor) {
    setShownFor(openKey);
    if (editing !== null) {
      setKind(editing === 'new' ? 'full_team' : editing.kind);
      setHeldOn(editing === 'new' ? '' : editing.heldOn);
      setTitle(editing === 'new' ? '' : (editing.title ?? ''));
      setParticipantIds(editing === 'new' ? [] : editing.participants.map((person) => person.id));
      setPartners(editing === 'new' ? [] : [...editing.partners]);
      setFilter('');
      clear();
    }
  }

  // People recorded earlier who have since left the team stay pickable, so saving does not drop them silently.
  const people: StaffMember[] = [...staff];
  if (editing !== null && editing !== 'new') {
    for (const person of editing.participants) if (!people.some((member) => member.id === person.id)) people.push(person);
  }
  const formerIds = new Set(people.filter((person) => !staff.some((member) => member.id === person.id)).map((person) => person.id));
  const needle = filter.trim().toLocaleLowerCase();
  const shown = needle === '' ? people : people.filter((person) => person.name.toLocaleLowerCase().includes(needle));
  const isCustom = kind === 'custom';

  const labels: Record<string, string> = {
    [ID.kind]: t('Soort scholing'),
    [ID.heldOn]: t('Datum'),
    [ID.title]: isCustom ? t('Naam van de scholing') : t('Naam van de scholing (mag leeg blijven)'),
    [ID.participants]: t('Deelnemers uit het team'),
    [ID.partners]: t('Ketenpartners'),
  };
  const messages = {
    heldOn: t('Vul de datum van de scholing in.'),
    title: isCustom ? t('Geef eigen scholing een naam.') : t('Maak de naam korter.'),
    participantUserIds: t('Kies alleen mensen uit het team.'),
    partners: t('Vul bij elke ketenpartner een naam van hoogstens {{max}} tekens in, of haal de lege regel weg.', { max: PLAN_LIMITS.organisationMax }),
  };

  const addPartner = () => {
    focusPartner.current = partners.length;
    setPartners([...partners, '']);
  };
  const removePartner = (index: number) => {
    const rest = partners.filter((_, position) => position !== index);
    setPartners(rest);
    if (rest.length === 0) addPartnerButton.current?.focus();
    else focusPartner.current = Math.min(index, rest.length - 1);
  };
  const togglePerson = (id: string, isChecked: boolean) => {
    setParticipantIds(isChecked ? [...participantIds.filter((item) => item !== id), id] : participantIds.filter((item) => item !== id));
  };
  const selectShown = () => {
    setParticipantIds([...participantIds, ...shown.map((person) => person.id).filter((id) => !participantIds.includes(id))]);
  };
  const clearShown = () => {
    const shownIds = new Set(shown.map((person) => person.id));
    setParticipantIds(participantIds.filter((id) => !shownIds.has(id)));
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const trimmedTitle = title.trim();
    const namedPartners = partners.map((partner) => partner.trim()).filter((partner) => partner !== '');
    const isValid = check(
      {
        [ID.heldOn]: !/^\d{4}-\d{2}-\d{2}$/.test(heldOn) && messages.heldOn,
        [ID.title]: ((isCustom && trimmedTitle === '') || trimmedTitle.length > PLAN_LIMITS.titleMax) && messages.title,
        [ID.partners]: (namedPartners.some((partner) => partner.length > PLAN_LIMITS.organisationMax) || namedPartners.length > PLAN_LIMITS.partnersMax) && messages.partners,
      },
      t('Niet alle velden zijn goed ingevuld.'),
    );
    if (!isValid || editing === null) return;
    const body: TrainingBody = {
      kind,
      title: trimmedTitle === '' ? null : trimmedTitle,
      heldOn,
      participantUserIds: participantIds,
      partners: namedPartners,
    };
    setIsBusy(true);
    try {
      const saved =
        editing === 'new'
          ? await api.post<Training>(apiPath('/api/schools/:schoolId/trainings', { schoolId }), body)
          : await api.put<Training>(apiPath('/api/schools/:schoolId/trainings/:trainingId', { schoolId, trainingId: editing.id }), body);
      onSaved(saved);
    } catch (failure) {
      fromError(failure, messages);
    } finally {
      setIsBusy(false);
    }
  };

  const dialogTitle = editing === 'new' || editing === null ? t('Scholing vastleggen') : t('Scholing wijzigen');

  return (
    <Dialog isOpen={editing !== null} title={dialogTitle} onClose={onClose}>
      <ErrorSummary errors={errors} labels={labels} />
      <form onSubmit={(event) => void save(event)} noValidate className="training-form">
        <SelectField
          id={ID.kind}
          label={labels[ID.kind] ?? ''}
          value={kind}
          onChange={(value) => setKind(value as TrainingKind)}
          options={TRAINING_KINDS.map((value) => ({ value, label: trainingKindLabel(t, value) }))}
          hint={t('De teamtraining met voor- en natraject en de training voor nieuwe medewerkers tellen als volledige training.')}
        />
        <TextField
          id={ID.heldOn}
          label={labels[ID.heldOn] ?? ''}
          type="date"
          value={heldOn}
          onChange={setHeldOn}
          error={errors.fields[ID.heldOn]}
          required
          hint={t('Een geplande scholing kun je alvast vastleggen; ze telt mee vanaf de dag zelf.')}
        />
        <TextField
          id={ID.title}
          label={labels[ID.title] ?? ''}
          value={title}
          onChange={setTitle}
          error={errors.fields[ID.title]}
          required={isCustom}
          maxLength={PLAN_LIMITS.titleMax}
          hint={isCustom ? t('Bijvoorbeeld de naam van de studiedag of het thema.') : undefined}
        />

        <fieldset id={ID.participants} className={errors.fields[ID.participants] ? 'field field-invalid' : 'field'} aria-describedby={`${ID.participants}-count`}>
          <legend>{labels[ID.participants]}</legend>
          {errors.fields[ID.participants] ? <p className="field-error">{errors.fields[ID.participants]}</p> : null}
          <p className="hint" id={`${ID.participants}-count`}>
            {t('{{selected}} van {{total}} gekozen', { selected: participantIds.length, total: people.length })}
          </p>
          {people.length === 0 ? (
            <p>{t('Er staan nog geen medewerkers in het team.')}</p>
          ) : (
            <>
              <div className="training-participant-tools">
                <div className="field">
                  <label htmlFor={`${PREFIX}filter`}>{t('Zoek op naam')}</label>
                  <input id={`${PREFIX}filter`} type="text" value={filter} onChange={(event) => setFilter(event.target.value)} autoComplete="off" />
                </div>
                <div className="form-actions">
                  <button type="button" className="button button-small button-secondary" onClick={selectShown} disabled={shown.length === 0}>
                    {needle === '' ? t('Iedereen kiezen') : t('Alle gevonden mensen kiezen')}
                  </button>
                  <button type="button" className="button button-small button-secondary" onClick={clearShown} disabled={shown.length === 0}>
                    {needle === '' ? t('Niemand kiezen') : t('Gevonden mensen niet kiezen')}
                  </button>
                </div>
              </div>
              {shown.length === 0 ? (
                <p>{t('Niemand in het team past bij deze zoekterm.')}</p>
              ) : (
                <ul className="training-participant-list">
                  {shown.map((person) => {
                    const optionId = `${PREFIX}deelnemer-${person.id}`;
                    return (
                      <li key={person.id} className="checkbox">
                        <input type="checkbox" id={optionId} checked={participantIds.includes(person.id)} onChange={(event) => togglePerson(person.id, event.target.checked)} />
                        <label htmlFor={optionId}>
                          {person.name}
                          {formerIds.has(person.id) ? <span className="muted"> {t('(niet meer in het team)')}</span> : null}
                        </label>
                      </li>
                    );
                  })}
                </ul>
              )}
            </>
          )}
        </fieldset>

        <fieldset id={ID.partners} className={errors.fields[ID.partners] ? 'field field-invalid' : 'field'} aria-describedby={`${ID.partners}-hint`}>
          <legend>{labels[ID.partners]}</legend>
          <p className="hint" id={`${ID.partners}-hint`}>
            {t('Organisaties van buiten de school die meededen, zoals jeugdzorg, wijkteam of leerplicht.')}
          </p>
          {errors.fields[ID.partners] ? <p className="field-error">{errors.fields[ID.partners]}</p> : null}
          {partners.length === 0 ? <p>{t('Geen ketenpartners bij deze scholing.')}</p> : null}
          <ol className="training-partner-list">
            {partners.map((partner, index) => {
              const inputId = `${PREFIX}partner-${index}`;
              const label = t('Organisatie {{number}}', { number: index + 1 });
              return (
                <li key={index} className="training-partner">
                  <label htmlFor={inputId}>{label}</label>
                  <input
                    id={inputId}
                    type="text"
                    value={partner}
                    maxLength={PLAN_LIMITS.organisationMax}
                    ref={(element) => {
                      if (element && focusPartner.current === index) {
                        focusPartner.current = null;
                        element.focus();
                      }
                    }}
                    onChange={(event) => setPartners(partners.map((value, position) => (position === index ? event.target.value : value)))}
                  />
                  <button type="button" className="button button-small button-danger-quiet" onClick={() => removePartner(index)} aria-label={t('Organisatie {{number}} weghalen', { number: index + 1 })}>
                    {t('Weghalen')}
                  </button>
                </li>
              );
            })}
          </ol>
          {partners.length < PLAN_LIMITS.partnersMax ? (
            <button type="button" className="button button-small button-secondary" onClick={addPartner} ref={addPartnerButton}>
              {t('Ketenpartner toevoegen')}
            </button>
          ) : null}
        </fieldset>

        <FormActions>
          <button type="submit" className="button" disabled={isBusy}>
            {t('Scholing opslaan')}
          </button>
          <button type="button" className="button button-secondary" onClick={onClose}>
            {t('Annuleren')}
          </button>
        </FormActions>
      </form>
    </Dialog>
  );
}
