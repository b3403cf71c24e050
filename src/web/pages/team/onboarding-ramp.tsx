import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONVERSATION_STAGES, type ConversationStage, ONBOARDING_LIMITS } from '../../../shared/onboarding';
import { schoolDateOf } from '../../../shared/school-time';
import { api } from '../../api/api-client';
import type { ConversationBody, PairDetail, TickBody } from '../../api/team-onboarding-types';
import { useFormErrors, useRefusalWords } from '../../components/form-errors';
import { ErrorSummary, FormActions, SelectField, TextAreaField, TextField } from '../../components/form-fields';
import { ErrorMessage } from '../../components/load-state';
import { useFormat } from '../../i18n/format';
import { OnboardingEvaluation } from './onboarding-evaluation';
import { rampWeekStatus, rampWeekTitle, stageLabel, stagePrompt } from './onboarding-labels';

interface PairRampProps {
  pair: PairDetail;
  /** The pair's API address. */
  url: string;
  /** Reloads the page's data after a change and says what happened. */
  onChanged: (message: string) => void;
}

/**
 * One pair's ramp as the newcomer or the buddy works in it: the three weeks with tick boxes, the new-staff TSO
 * training, the buddy conversations with their notes, and (for the newcomer) the evaluation at the end.
 */
export function PairRamp({ pair, url, onChanged }: PairRampProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const refusal = useRefusalWords();
  const [failure, setFailure] = useState<string | null>(null);
  const prefix = `pair-${pair.id.slice(0, 8)}`;

  const tick = async (itemId: string, isTicked: boolean) => {
    setFailure(null);
    try {
      const body: TickBody = { isTicked };
      await api.put<PairDetail>(`${url}/ticks/${encodeURIComponent(itemId)}`, body);
      onChanged(isTicked ? t('Afgevinkt.') : t('Vinkje weggehaald.'));
    } catch (error) {
      setFailure(refusal.failure(error));
    }
  };

  const training =
    pair.training.status === 'done'
      ? t('Gevolgd op {{date}}.', { date: format.date(pair.training.date) })
      : pair.training.status === 'planned'
        ? t('Gepland op {{date}}: die staat in het scholingsregister.', { date: format.date(pair.training.date) })
        : t('Nog niet gepland. Volg hem uiterlijk {{date}}; vraag de schoolleiding naar de volgende datum.', { date: format.date(pair.training.date) });

  return (
    <div className="care-stack">
      <p>
        {t('Gestart op {{date}}', { date: format.date(pair.startedOn) })} · <strong>{rampWeekStatus(t, pair.week)}</strong>
      </p>
      <ErrorMessage message={failure} />
      {pair.ramp.map((week) => (
        <fieldset key={week.week} className="field">
          <legend>{rampWeekTitle(t, week.week)}</legend>
          {week.items.length === 0 ? <p className="hint">{t('Voor deze week staat niets in het schema.')}</p> : null}
          {week.items.map((item) => (
            <div className="checkbox" key={item.id}>
              <input type="checkbox" id={`${prefix}-${item.id}`} checked={item.isTicked} onChange={(event) => void tick(item.id, event.target.checked)} />
              <label htmlFor={`${prefix}-${item.id}`}>{item.text}</label>
            </div>
          ))}
        </fieldset>
      ))}
      <div className="card">
        <h3>{t('TSO-scholing voor nieuwe collega’s')}</h3>
        <p>{training}</p>
      </div>
      <Conversations pair={pair} url={url} prefix={prefix} onChanged={onChanged} />
      {pair.relation === 'newcomer' ? <OnboardingEvaluation url={`${url}/evaluation`} onChanged={onChanged} /> : null}
    </div>
  );
}

/** The buddy conversations: planned and held, with the 4D question they start from and a short note. */
function Conversations({ pair, url, prefix, onChanged }: { pair: PairDetail; url: string; prefix: string; onChanged: (message: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [formKey, setFormKey] = useState(0);
  return (
    <div className="card">
      <h3>{t('Gesprekken tussen buddy en nieuwe collega')}</h3>
      <p className="hint">{t('Alleen jullie tweeën lezen de notities. De chef-buddy en de schoolleiding zien alleen dat een gesprek gepland of gehouden is.')}</p>
      {pair.conversations.length === 0 ? (
        <p>{t('Er staat nog geen gesprek gepland.')}</p>
      ) : (
        <ul>
          {pair.conversations.map((conversation) => (
            <li key={conversation.id}>
              <strong>{stageLabel(t, conversation.stage)}</strong>:{' '}
              {conversation.heldOn
                ? t('gehouden op {{date}}', { date: format.date(conversation.heldOn) })
                : t('gepland op {{date}}', { date: format.date(conversation.plannedOn) })}
              {conversation.note ? <p className="preserve-lines">{conversation.note}</p> : null}
            </li>
          ))}
        </ul>
      )}
      <ConversationForm
        key={formKey}
        url={`${url}/conversations`}
        prefix={prefix}
        onSaved={(message) => {
          setFormKey((value) => value + 1);
          onChanged(message);
        }}
      />
    </div>
  );
}

function ConversationForm({ url, prefix, onSaved }: { url: string; prefix: string; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const { errors, check, fromError } = useFormErrors(`${prefix}-`);
  const today = schoolDateOf(new Date());
  const [plannedOn, setPlannedOn] = useState(today);
  const [heldOn, setHeldOn] = useState('');
  const [stage, setStage] = useState<ConversationStage>('discover');
  const [note, setNote] = useState('');
  const [isBusy, setIsBusy] = useState(false);
  const ids = { plannedOn: `${prefix}-plannedOn`, heldOn: `${prefix}-heldOn`, stage: `${prefix}-stage`, note: `${prefix}-note` };
  const labels = { [ids.plannedOn]: t('Gepland op'), [ids.heldOn]: t('Gehouden op (leeg als het nog moet gebeuren)'), [ids.stage]: t('Vertrekpunt van het gesprek'), [ids.note]: t('Korte notitie') };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!check({ [ids.plannedOn]: plannedOn === '' && t('Vul de datum in waarop het gesprek gepland is.') }, t('Het gesprek is nog niet opgeslagen.'))) return;
    setIsBusy(true);
    try {
      const body: ConversationBody = { plannedOn, heldOn: heldOn === '' ? null : heldOn, stage, note };
      await api.post<PairDetail>(url, body);
      onSaved(t('Het gesprek is opgeslagen.'));
    } catch (error) {
      fromError(error, {}, t('Het gesprek is nog niet opgeslagen.'));
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <h4>{t('Gesprek toevoegen')}</h4>
      <ErrorSummary errors={errors} labels={labels} />
      <TextField id={ids.plannedOn} type="date" label={labels[ids.plannedOn]!} value={plannedOn} onChange={setPlannedOn} error={errors.fields[ids.plannedOn]} required />
      <TextField id={ids.heldOn} type="date" label={labels[ids.heldOn]!} value={heldOn} onChange={setHeldOn} error={errors.fields[ids.heldOn]} />
      <SelectField
        id={ids.stage}
        label={labels[ids.stage]!}
        value={stage}
        onChange={(value) => setStage(value as ConversationStage)}
        options={CONVERSATION_STAGES.map((option) => ({ value: option, label: stageLabel(t, option) }))}
        hint={stagePrompt(t, stage)}
      />
      <TextAreaField
        id={ids.note}
        label={labels[ids.note]!}
        hint={t('Wat neem je mee uit het gesprek? Houd het kort; de notitie wordt versleuteld bewaard.')}
        value={note}
        onChange={setNote}
        error={errors.fields[ids.note]}
        maxLength={ONBOARDING_LIMITS.conversationNote}
      />
      <FormActions>
        <button type="submit" className="button" disabled={isBusy}>
          {t('Gesprek opslaan')}
        </button>
      </FormActions>
    </form>
  );
}
