import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONVERSATION_GUIDE } from '../../../shared/conversation-guide';
import { firstDayOfSchoolYear, lastDayOfSchoolYear, schoolDateOf, schoolYearAt } from '../../../shared/school-time';
import { api, apiPath } from '../../api/api-client';
import type { AddConversationBody, Conversation, Conversations } from '../../api/care-types';
import { useApiData } from '../../api/use-api-data';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useFormErrors, useRefusalWords } from '../../components/form-errors';
import { ErrorSummary, FormActions, SaveActions, TextAreaField, TextField } from '../../components/form-fields';
import { ErrorMessage, LoadState, SuccessMessage } from '../../components/load-state';
import { useFormat } from '../../i18n/format';
import { useModelText } from '../selfscan/selfscan-model';
import { useSchool } from '../school/school-layout';
import { EntryFormHeading, fieldIdsOf, useEntryEditing } from './care-entry-form';

const TEXT_MAX = 4000;
const PREFIX = 'gesprek-';
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Pupil conversations (kindgesprekken) for the pupil's teachers and the care team: when each was planned and held,
 * by whom, the caller's own note and what the pupil agreed to share with the care team. The server decides which
 * texts the caller reads; only the author changes or removes a conversation.
 */
export function CareConversationsSection({ pupilId }: { pupilId: string }) {
  const { t } = useTranslation();
  const { school } = useSchool();
  const format = useFormat();
  const refusal = useRefusalWords();
  const base = apiPath('/api/schools/:schoolId/pupils/:pupilId/care/conversations', { schoolId: school.id, pupilId });
  const conversations = useApiData<Conversations>(base);
  const entry = useEntryEditing<Conversation>(conversations.reload);
  const [removing, setRemoving] = useState<Conversation | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const [planError, setPlanError] = useState<string | null>(null);

  const planYear = async () => {
    setPlanError(null);
    try {
      await api.post(`${base}/plan-year`);
      entry.afterSave(t('De drie gesprekken van dit schooljaar zijn gepland.'));
    } catch (failure) {
      setPlanError(refusal.failure(failure));
    }
  };
  const remove = async () => {
    if (!removing) return;
    try {
      await api.delete(`${base}/${removing.id}`);
      setRemoving(null);
      entry.afterSave(t('Het gesprek is verwijderd.'));
    } catch (failure) {
      setRemoveError(refusal.failure(failure));
    }
  };

  const data = conversations.data;
  const schoolYear = schoolYearAt(new Date());
  const isYearPlanned = (data ?? []).some((conversation) => conversation.plannedOn >= firstDayOfSchoolYear(schoolYear) && conversation.plannedOn <= lastDayOfSchoolYear(schoolYear));
  return (
    <section aria-labelledby="gesprekken-kop">
      <h2 id="gesprekken-kop">{t('Kindgesprekken')}</h2>
      {data ? (
        <>
          <p className="muted">
            {t('Je notitie lees alleen jij terug. Wat de leerling wil delen, leest ook het zorgteam; de andere leerkrachten zien alleen wanneer er een gesprek was.')}
          </p>
          <SuccessMessage message={entry.saved} />
          {data.length === 0 ? <p className="notice">{t('Nog geen gesprekken gepland.')}</p> : null}
          <ul className="care-stack">
            {data.map((conversation) => (
              <li key={conversation.id}>
                <ConversationView
                  conversation={conversation}
                  onEdit={() => entry.edit(conversation)}
                  onRemove={() => {
                    setRemoveError(null);
                    setRemoving(conversation);
                  }}
                />
              </li>
            ))}
          </ul>
          {isYearPlanned ? null : (
            <div className="card card-quiet">
              <p>{t('Plan de drie vaste gesprekken van dit schooljaar in één keer: op de eerste schooldag van oktober, februari en juni.')}</p>
              <ErrorMessage message={planError} />
              <button type="button" className="button" onClick={() => void planYear()}>
                {t('Drie gesprekken voor dit schooljaar plannen')}
              </button>
            </div>
          )}
          <div className="columns">
            <ConversationForm key={entry.formKey} base={base} editing={entry.editing} onSaved={entry.afterSave} onCancel={entry.cancel} />
            <ConversationGuide />
          </div>
          <ConfirmDialog
            isOpen={removing !== null}
            title={t('Gesprek verwijderen?')}
            message={t('Het gesprek dat gepland stond op {{date}} verdwijnt, met je notitie.', { date: format.date(removing?.plannedOn) })}
            confirmLabel={t('Verwijderen')}
            onConfirm={() => void remove()}
            onCancel={() => setRemoving(null)}
            isDangerous
            error={removeError}
          />
        </>
      ) : (
        <LoadState error={conversations.error} isLoading={conversations.isLoading} />
      )}
    </section>
  );
}

function ConversationView({ conversation, onEdit, onRemove }: { conversation: Conversation; onEdit: () => void; onRemove: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const planned = format.date(conversation.plannedOn);
  return (
    <article className="card card-quiet">
      <h3>{t('Gesprek gepland op {{date}}', { date: planned })}</h3>
      <p>
        {conversation.heldOn ? (
          <span className="badge badge-on">{t('Gevoerd op {{date}}', { date: format.date(conversation.heldOn) })}</span>
        ) : (
          <span className="badge badge-wait">{t('Gepland')}</span>
        )}{' '}
        {conversation.sharedWithCareTeam ? <span className="badge badge-on">{t('Gedeeld met het zorgteam')}</span> : null}{' '}
        <span className="muted">{conversation.teacherName ? t('door {{name}}', { name: conversation.teacherName }) : t('door een oud-collega')}</span>
      </p>
      {conversation.note !== null || conversation.forCareTeam ? (
        <dl className="care-plan">
          {conversation.note !== null ? (
            <div>
              <dt>{t('Je notitie (alleen voor jou)')}</dt>
              <dd>{conversation.note ? <p className="care-text">{conversation.note}</p> : <p className="muted">{t('Geen notitie')}</p>}</dd>
            </div>
          ) : null}
          {conversation.forCareTeam ? (
            <div>
              <dt>{conversation.sharedWithCareTeam ? t('Wat de leerling deelt met het zorgteam') : t('Voor het zorgteam (niet gedeeld)')}</dt>
              <dd>
                <p className="care-text">{conversation.forCareTeam}</p>
              </dd>
            </div>
          ) : null}
        </dl>
      ) : null}
      {conversation.isOwn ? (
        <FormActions>
          <button
            type="button"
            className="button button-small button-secondary"
            onClick={onEdit}
            aria-label={conversation.heldOn ? t('Gesprek van {{date}} wijzigen', { date: planned }) : t('Gesprek van {{date}} vastleggen of wijzigen', { date: planned })}
          >
            {conversation.heldOn ? t('Wijzigen') : t('Vastleggen of wijzigen')}
          </button>
          {conversation.heldOn ? null : (
            <button type="button" className="button button-small button-secondary" onClick={onRemove} aria-label={t('Gesprek van {{date}} verwijderen', { date: planned })}>
              {t('Verwijderen')}
            </button>
          )}
        </FormActions>
      ) : (
        <p className="muted">{t('De notitie van dit gesprek leest alleen wie het voerde; alleen die kan het gesprek wijzigen.')}</p>
      )}
    </article>
  );
}

function ConversationForm({ base, editing, onSaved, onCancel }: { base: string; editing: Conversation | null; onSaved: (message: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { errors, check, fromError } = useFormErrors(PREFIX);
  const [plannedOn, setPlannedOn] = useState(editing?.plannedOn ?? schoolDateOf(new Date()));
  const [heldOn, setHeldOn] = useState(editing?.heldOn ?? '');
  const [note, setNote] = useState(editing?.note ?? '');
  const [isShared, setIsShared] = useState(editing?.sharedWithCareTeam ?? false);
  const [forCareTeam, setForCareTeam] = useState(editing?.forCareTeam ?? '');
  const [isBusy, setIsBusy] = useState(false);
  const isHeld = heldOn !== '';
  const shares = isShared && isHeld;
  const label = {
    plannedOn: t('Gepland op'),
    heldOn: t('Gevoerd op'),
    note: t('Je notitie'),
    sharedWithCareTeam: t('De leerling wil iets delen met het zorgteam'),
    forCareTeam: t('Wat de leerling wil delen met het zorgteam'),
  };
  const { id, summaryLabels } = fieldIdsOf(PREFIX, label);
  const messages = {
    plannedOn: t('Kies de datum waarop het gesprek gepland is.'),
    heldOn: t('Een gesprek is vandaag of eerder gevoerd; laat het veld leeg zolang het nog komt.'),
    sharedWithCareTeam: t('Delen met het zorgteam kan pas als het gesprek gevoerd is.'),
  };
  const shareHintId = `${id('sharedWithCareTeam')}-hint`;
  const shareErrorId = `${id('sharedWithCareTeam')}-error`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const today = schoolDateOf(new Date());
    const isValid = check(
      {
        [id('plannedOn')]: !DATE_PATTERN.test(plannedOn) && messages.plannedOn,
        [id('heldOn')]: isHeld && (!DATE_PATTERN.test(heldOn) || heldOn > today) && messages.heldOn,
        [id('forCareTeam')]: shares && forCareTeam.trim() === '' && t('Schrijf op wat de leerling wil delen, of haal het vinkje weg.'),
      },
      t('Niet alle velden zijn goed ingevuld.'),
    );
    if (!isValid) return;
    const body: AddConversationBody = { plannedOn, heldOn: isHeld ? heldOn : null, note, sharedWithCareTeam: shares, forCareTeam: shares ? forCareTeam : '' };
    setIsBusy(true);
    try {
      if (editing) await api.put(`${base}/${editing.id}`, body);
      else await api.post(base, body);
      onSaved(editing ? t('Het gesprek is bijgewerkt.') : t('Het gesprek is opgeslagen.'));
    } catch (failure) {
      fromError(failure, messages, t('Kijk dit veld na.'));
      setIsBusy(false);
    }
  };

  const sharedError = errors.fields[id('sharedWithCareTeam')];
  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="card">
      <EntryFormHeading isEditing={editing !== null}>
        {editing ? t('Gesprek van {{date}} vastleggen of wijzigen', { date: format.date(editing.plannedOn) }) : t('Gesprek plannen of vastleggen')}
      </EntryFormHeading>
      <ErrorSummary errors={errors} labels={summaryLabels} />
      <TextField id={id('plannedOn')} type="date" label={label.plannedOn} value={plannedOn} onChange={setPlannedOn} error={errors.fields[id('plannedOn')]} required />
      <TextField
        id={id('heldOn')}
        type="date"
        label={label.heldOn}
        hint={t('Laat leeg zolang het gesprek nog niet gevoerd is.')}
        value={heldOn}
        onChange={setHeldOn}
        error={errors.fields[id('heldOn')]}
      />
      <TextAreaField
        id={id('note')}
        label={label.note}
        hint={t('Alleen jij leest dit terug: niet de andere leerkrachten en niet het zorgteam.')}
        value={note}
        onChange={setNote}
        error={errors.fields[id('note')]}
        maxLength={TEXT_MAX}
        rows={4}
      />
      <div className={sharedError ? 'checkbox field field-invalid' : 'checkbox field'}>
        <input
          id={id('sharedWithCareTeam')}
          type="checkbox"
          checked={shares}
          disabled={!isHeld}
          onChange={(event) => setIsShared(event.target.checked)}
          aria-describedby={sharedError ? `${shareHintId} ${shareErrorId}` : shareHintId}
          aria-invalid={sharedError ? true : undefined}
        />
        <label htmlFor={id('sharedWithCareTeam')}>{label.sharedWithCareTeam}</label>
        <p className="hint" id={shareHintId}>
          {t('Kan zodra het gesprek gevoerd is. Vraag de leerling wat gedeeld mag worden en wat tussen jullie blijft.')}
        </p>
        {sharedError ? (
          <p className="field-error" id={shareErrorId}>
            {sharedError}
          </p>
        ) : null}
      </div>
      {shares ? (
        <TextAreaField
          id={id('forCareTeam')}
          label={label.forCareTeam}
          hint={t('Alleen wat de leerling goedvond, zo veel mogelijk in zijn of haar woorden. Het zorgteam leest dit; de andere leerkrachten niet.')}
          value={forCareTeam}
          onChange={setForCareTeam}
          error={errors.fields[id('forCareTeam')]}
          maxLength={TEXT_MAX}
          rows={4}
        />
      ) : null}
      <SaveActions saveLabel={t('Gesprek opslaan')} isBusy={isBusy} onCancel={editing ? onCancel : null} />
    </form>
  );
}

/** The question guide beside the form, in the interface language. */
function ConversationGuide() {
  const { t } = useTranslation();
  const text = useModelText();
  return (
    <details className="card card-quiet">
      <summary>{t('Gespreksleidraad')}</summary>
      <p className="hint">{t('Vragen om mee te beginnen. Luister eerst; de leerling is de deskundige over zichzelf.')}</p>
      <ol>
        {CONVERSATION_GUIDE.map((prompt) => (
          <li key={prompt.id}>
            <strong>{text(prompt.question)}</strong>
            <p className="hint">{text(prompt.hint)}</p>
          </li>
        ))}
      </ol>
    </details>
  );
}
