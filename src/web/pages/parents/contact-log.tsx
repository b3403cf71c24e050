import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ENROLMENT_CONVERSATION_GUIDE, PARENT_CONTACT_KINDS, PARENT_CONTACT_LIMITS, type ParentContactKind } from '../../../shared/parent-contacts';
import { schoolDateOf } from '../../../shared/school-time';
import { api, apiPath } from '../../api/api-client';
import type { AddParentContactBody, ChangeParentContactBody, ParentContact, ParentContactFollowUpBody, ParentContactLog as ContactLog } from '../../api/parent-contact-types';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useFormErrors, useRefusalWords } from '../../components/form-errors';
import { ErrorSummary, FormActions, SaveActions, SelectField, TextAreaField, TextField } from '../../components/form-fields';
import { ErrorMessage, SuccessMessage } from '../../components/load-state';
import { useFormat } from '../../i18n/format';
import { EntryFormHeading, fieldIdsOf, useEntryEditing } from '../care/care-entry-form';
import { useModelText } from '../selfscan/selfscan-model';
import { contactKindLabel } from './parent-contact-labels';

const PREFIX = 'contact-';
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The contact log with one pupil's parents and carers, as one section of the pupil's parents page: every contact
 * from enrolment on, a form to record one (with the guide for the enrolment conversation beside it when that box is
 * ticked), follow-ups to mark done. The server decides what the caller reads: the care team's notes reach the care
 * team only, and only a contact's author or the care team may change or remove it.
 */
export function ParentContactLog({ schoolId, log, onChanged }: { schoolId: string; log: ContactLog; onChanged: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const refusal = useRefusalWords();
  const base = apiPath('/api/schools/:schoolId/pupils/:pupilId/parent-contacts', { schoolId, pupilId: log.pupil.id });
  const entry = useEntryEditing<ParentContact>(onChanged);
  const [removing, setRemoving] = useState<ParentContact | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const [followUpError, setFollowUpError] = useState<string | null>(null);
  const isCareTeam = log.access === 'care_team';

  const markFollowUp = async (contact: ParentContact, done: boolean) => {
    setFollowUpError(null);
    try {
      const body: ParentContactFollowUpBody = { done };
      await api.put(`${base}/${contact.id}/follow-up`, body);
      entry.afterSave(done ? t('De opvolging is afgerond.') : t('De opvolging staat weer open.'));
    } catch (failure) {
      setFollowUpError(refusal.failure(failure));
    }
  };
  const remove = async () => {
    if (!removing) return;
    try {
      await api.delete(`${base}/${removing.id}`);
      setRemoving(null);
      entry.afterSave(t('Het contact is verwijderd.'));
    } catch (failure) {
      setRemoveError(refusal.failure(failure));
    }
  };

  return (
    <section aria-labelledby="contactlog-kop">
      <h2 id="contactlog-kop">{t('Contactlog')}</h2>
      <p className="muted">
        {isCareTeam
          ? t('De leerkrachten van deze leerling lezen elk contact en de korte notitie. De aantekeningen van het zorgteam lees alleen jij en de rest van het zorgteam.')
          : t('Jij en de andere leerkrachten van deze leerling lezen elk contact en de korte notitie. Wat het zorgteam apart noteert, bijvoorbeeld uit het intakegesprek, staat hier niet.')}
      </p>
      <SuccessMessage message={entry.saved} />
      <ErrorMessage message={followUpError} />
      {log.contacts.length === 0 ? <p className="notice">{t('Nog geen contact vastgelegd. Een goed begin is het intakegesprek: tijd om kennis te maken en te luisteren naar het verhaal van het kind en de ouders.')}</p> : null}
      <ul className="care-stack">
        {log.contacts.map((contact) => (
          <li key={contact.id}>
            <ContactView
              contact={contact}
              onEdit={() => entry.edit(contact)}
              onRemove={() => {
                setRemoveError(null);
                setRemoving(contact);
              }}
              onFollowUp={(done) => void markFollowUp(contact, done)}
            />
          </li>
        ))}
      </ul>
      <ContactForm key={entry.formKey} base={base} editing={entry.editing} isCareTeam={isCareTeam} onSaved={entry.afterSave} onCancel={entry.cancel} />
      <ConfirmDialog
        isOpen={removing !== null}
        title={t('Contact verwijderen?')}
        message={t('Het contact van {{date}} met {{who}} verdwijnt uit de contactlog, met alle notities. Dat kan niet ongedaan worden.', {
          date: format.date(removing?.heldOn),
          who: removing?.withWhom ?? '',
        })}
        confirmLabel={t('Verwijderen')}
        onConfirm={() => void remove()}
        onCancel={() => setRemoving(null)}
        isDangerous
        error={removeError}
      />
    </section>
  );
}

function ContactView({ contact, onEdit, onRemove, onFollowUp }: { contact: ParentContact; onEdit: () => void; onRemove: () => void; onFollowUp: (done: boolean) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const held = format.date(contact.heldOn);
  return (
    <article className={contact.isFollowUpDue ? 'card notice-warning' : 'card card-quiet'}>
      <h3>{t('{{kind}} op {{date}}', { kind: contactKindLabel(t, contact.kind), date: held })}</h3>
      <p>
        {contact.isEnrolment ? <span className="badge badge-on">{t('Intakegesprek')}</span> : null}{' '}
        <span className="muted">{contact.createdByName ? t('vastgelegd door {{name}}', { name: contact.createdByName }) : t('vastgelegd door een oud-collega')}</span>
      </p>
      <dl className="care-plan">
        <div>
          <dt>{t('Met wie')}</dt>
          <dd>{contact.withWhom}</dd>
        </div>
        <div>
          <dt>{t('Onderwerp')}</dt>
          <dd>{contact.topic}</dd>
        </div>
        {contact.note ? (
          <div>
            <dt>{t('Notitie')}</dt>
            <dd>
              <p className="care-text">{contact.note}</p>
            </dd>
          </div>
        ) : null}
        {contact.careNotes !== null ? (
          <div>
            <dt>{t('Aantekeningen van het zorgteam')}</dt>
            <dd>{contact.careNotes ? <p className="care-text">{contact.careNotes}</p> : <p className="muted">{t('Geen aantekeningen')}</p>}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('Opvolgen')}</dt>
          <dd>
            {contact.followUpOn === null ? (
              <span className="muted">{t('geen datum')}</span>
            ) : contact.followUpDoneAt !== null ? (
              t('Afgerond op {{date}} (gepland voor {{planned}})', { date: format.dateTime(contact.followUpDoneAt), planned: format.date(contact.followUpOn) })
            ) : contact.isFollowUpDue ? (
              <strong>{t('Nu opvolgen: de datum was {{date}}', { date: format.date(contact.followUpOn) })}</strong>
            ) : (
              t('op {{date}}', { date: format.date(contact.followUpOn) })
            )}
          </dd>
        </div>
      </dl>
      <FormActions>
        {contact.followUpOn !== null ? (
          <button
            type="button"
            className="button button-small button-secondary"
            onClick={() => onFollowUp(contact.followUpDoneAt === null)}
            aria-label={contact.followUpDoneAt === null ? t('Opvolging van het contact van {{date}} afgerond', { date: held }) : t('Opvolging van het contact van {{date}} weer openzetten', { date: held })}
          >
            {contact.followUpDoneAt === null ? t('Opvolging afgerond') : t('Weer openzetten')}
          </button>
        ) : null}
        {contact.mayChange ? (
          <>
            <button type="button" className="button button-small button-secondary" onClick={onEdit} aria-label={t('Contact van {{date}} wijzigen', { date: held })}>
              {t('Wijzigen')}
            </button>
            <button type="button" className="button button-small button-secondary" onClick={onRemove} aria-label={t('Contact van {{date}} verwijderen', { date: held })}>
              {t('Verwijderen')}
            </button>
          </>
        ) : null}
      </FormActions>
    </article>
  );
}

function ContactForm({ base, editing, isCareTeam, onSaved, onCancel }: { base: string; editing: ParentContact | null; isCareTeam: boolean; onSaved: (message: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { errors, check, fromError } = useFormErrors(PREFIX);
  const [heldOn, setHeldOn] = useState(editing?.heldOn ?? schoolDateOf(new Date()));
  const [kind, setKind] = useState<ParentContactKind>(editing?.kind ?? 'phone');
  const [withWhom, setWithWhom] = useState(editing?.withWhom ?? '');
  const [topic, setTopic] = useState(editing?.topic ?? '');
  const [isEnrolment, setIsEnrolment] = useState(editing?.isEnrolment ?? false);
  const [note, setNote] = useState(editing?.note ?? '');
  const [careNotes, setCareNotes] = useState(editing?.careNotes ?? '');
  const [followUpOn, setFollowUpOn] = useState(editing?.followUpOn ?? '');
  const [isBusy, setIsBusy] = useState(false);
  const label = {
    heldOn: t('Datum van het contact'),
    kind: t('Hoe'),
    withWhom: t('Met wie'),
    topic: t('Onderwerp'),
    isEnrolment: t('Dit was het intakegesprek'),
    note: t('Korte notitie'),
    careNotes: t('Aantekeningen van het zorgteam'),
    followUpOn: t('Opvolgen op'),
  };
  const { id, summaryLabels } = fieldIdsOf(PREFIX, label);
  const messages = {
    heldOn: t('Kies de datum van het contact: vandaag of eerder.'),
    withWhom: t('Vul in met wie je contact had, op één regel: bijvoorbeeld moeder, vader en stiefmoeder, pleegouders.'),
    topic: t('Vul in waar het over ging, op één regel.'),
    followUpOn: t('Kies een datum op of na de dag van het contact, of laat het veld leeg.'),
    careNotes: t('Alleen het zorgteam schrijft hier.'),
  };
  const enrolmentHintId = `${id('isEnrolment')}-hint`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const isHeldOnValid = DATE_PATTERN.test(heldOn) && heldOn <= schoolDateOf(new Date());
    const isValid = check(
      {
        [id('heldOn')]: !isHeldOnValid && messages.heldOn,
        [id('withWhom')]: (withWhom.trim() === '' || withWhom.length > PARENT_CONTACT_LIMITS.withWhom) && messages.withWhom,
        [id('topic')]: (topic.trim() === '' || topic.length > PARENT_CONTACT_LIMITS.topic) && messages.topic,
        [id('followUpOn')]: followUpOn !== '' && (!DATE_PATTERN.test(followUpOn) || (isHeldOnValid && followUpOn < heldOn)) && messages.followUpOn,
      },
      t('Niet alle velden zijn goed ingevuld.'),
    );
    if (!isValid) return;
    const body: AddParentContactBody & ChangeParentContactBody = {
      heldOn,
      kind,
      withWhom: withWhom.trim(),
      topic: topic.trim(),
      isEnrolment,
      note,
      followUpOn: followUpOn === '' ? null : followUpOn,
      // The care team's notes are sent by the care team only: a teacher never reads them, so never overwrites them.
      ...(isCareTeam ? { careNotes } : {}),
    };
    setIsBusy(true);
    try {
      if (editing) await api.put(`${base}/${editing.id}`, body);
      else await api.post(base, body);
      onSaved(editing ? t('Het contact is bijgewerkt.') : t('Het contact is opgeslagen.'));
    } catch (failure) {
      fromError(failure, messages, t('Kijk dit veld na.'));
      setIsBusy(false);
    }
  };

  return (
    <div className={isEnrolment ? 'columns' : undefined}>
      <form onSubmit={(event) => void submit(event)} noValidate className="card">
        <EntryFormHeading isEditing={editing !== null}>{editing ? t('Contact van {{date}} wijzigen', { date: format.date(editing.heldOn) }) : t('Contact vastleggen')}</EntryFormHeading>
        <ErrorSummary errors={errors} labels={summaryLabels} />
        <TextField id={id('heldOn')} type="date" label={label.heldOn} value={heldOn} onChange={setHeldOn} error={errors.fields[id('heldOn')]} required />
        <SelectField
          id={id('kind')}
          label={label.kind}
          value={kind}
          onChange={(value) => setKind(value as ParentContactKind)}
          options={PARENT_CONTACT_KINDS.map((value) => ({ value, label: contactKindLabel(t, value) }))}
          error={errors.fields[id('kind')]}
        />
        <TextField
          id={id('withWhom')}
          label={label.withWhom}
          hint={t('Bijvoorbeeld: moeder, vader en stiefmoeder, oma (verzorger).')}
          value={withWhom}
          onChange={setWithWhom}
          error={errors.fields[id('withWhom')]}
          maxLength={PARENT_CONTACT_LIMITS.withWhom}
          required
        />
        <TextField id={id('topic')} label={label.topic} value={topic} onChange={setTopic} error={errors.fields[id('topic')]} maxLength={PARENT_CONTACT_LIMITS.topic} required />
        <div className="checkbox field">
          <input id={id('isEnrolment')} type="checkbox" checked={isEnrolment} onChange={(event) => setIsEnrolment(event.target.checked)} aria-describedby={enrolmentHintId} />
          <label htmlFor={id('isEnrolment')}>{label.isEnrolment}</label>
          <p className="hint" id={enrolmentHintId}>
            {t('Het gesprek bij de aanmelding over de levensloop van het kind en de ouders. Naast dit formulier verschijnt dan een leidraad.')}
          </p>
        </div>
        <TextAreaField
          id={id('note')}
          label={label.note}
          hint={t('De leerkrachten van de leerling en het zorgteam lezen dit. Schrijf feitelijk en met respect, zoals je het ook aan de ouders zou kunnen laten lezen.')}
          value={note}
          onChange={setNote}
          error={errors.fields[id('note')]}
          maxLength={PARENT_CONTACT_LIMITS.note}
          rows={3}
        />
        {isCareTeam ? (
          <TextAreaField
            id={id('careNotes')}
            label={label.careNotes}
            hint={t('Alleen het zorgteam leest dit, bijvoorbeeld wat de ouders in het intakegesprek over hun levensloop vertelden. De leerkrachten zien het niet.')}
            value={careNotes}
            onChange={setCareNotes}
            error={errors.fields[id('careNotes')]}
            maxLength={PARENT_CONTACT_LIMITS.careNotes}
            rows={5}
          />
        ) : null}
        <TextField
          id={id('followUpOn')}
          type="date"
          label={label.followUpOn}
          hint={t('Wanneer je de ouders weer spreekt of terugbelt. Mag leeg blijven. Een nieuwe datum zet de opvolging weer open.')}
          value={followUpOn}
          onChange={setFollowUpOn}
          error={errors.fields[id('followUpOn')]}
        />
        <SaveActions saveLabel={t('Contact opslaan')} isBusy={isBusy} onCancel={editing ? onCancel : null} />
      </form>
      {isEnrolment ? <EnrolmentGuide /> : null}
    </div>
  );
}

/** The guide for the enrolment conversation beside the form, in the interface language. */
function EnrolmentGuide() {
  const { t } = useTranslation();
  const text = useModelText();
  return (
    <aside className="card card-quiet" aria-labelledby="intake-leidraad-kop">
      <h3 id="intake-leidraad-kop">{t('Leidraad voor het intakegesprek')}</h3>
      <p className="hint">{t('Vragen om mee te beginnen, geen vragenlijst. Luister eerst, oordeel niet, en laat de ouders zelf kiezen wat ze vertellen: zij kennen hun kind het langst.')}</p>
      <ol>
        {ENROLMENT_CONVERSATION_GUIDE.map((prompt) => (
          <li key={prompt.id}>
            <strong>{text(prompt.prompt)}</strong>
            <p className="hint">{text(prompt.hint)}</p>
          </li>
        ))}
      </ol>
    </aside>
  );
}
