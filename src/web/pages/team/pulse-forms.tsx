import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PULSE_LIMITS } from '../../../shared/pulse';
import { api } from '../../api/api-client';
import type { PulseAnswerBody, PulseHelp, PulseHelpBody, PulseInstrument, PulsePeriod, PulsePlanBody } from '../../api/team-pulse-types';
import { useFormErrors } from '../../components/form-errors';
import { ErrorSummary, FormActions, TextAreaField, TextField } from '../../components/form-fields';
import { useModelText } from '../selfscan/selfscan-model';

const HELP_MAX = PULSE_LIMITS.helpText;

/** The open pulse's questions: one radio group per question; a question left open is skipped. */
export function PulseAnswerForm({ url, instrument, onAnswered }: { url: string; instrument: PulseInstrument; onAnswered: () => void }) {
  const { t } = useTranslation();
  const text = useModelText();
  const { errors, clear, fromError } = useFormErrors('pulse-');
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [isBusy, setIsBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    setIsBusy(true);
    try {
      const body: PulseAnswerBody = { answers };
      await api.post(url, body);
      onAnswered();
    } catch (error) {
      fromError(error);
    } finally {
      setIsBusy(false);
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="card">
      <p>{text(instrument.description)}</p>
      <p className="hint">{t('Je antwoorden worden zonder je naam bewaard: de school telt alleen hoe vaak elk antwoord is gegeven. Wel wordt onthouden dát je meedeed, zodat iedereen één keer meetelt.')}</p>
      <ErrorSummary errors={errors} labels={{}} />
      {instrument.items.map((item) => (
        <fieldset className="field" key={item.id}>
          <legend>{text(item.text)}</legend>
          {instrument.options.map((option) => {
            const id = `pulse-${item.id.replace('.', '-')}-${option.value}`;
            return (
              <div className="radio" key={option.value}>
                <input
                  type="radio"
                  id={id}
                  name={`pulse-${item.id}`}
                  checked={answers[item.id] === option.value}
                  onChange={() => setAnswers((current) => ({ ...current, [item.id]: option.value }))}
                />
                <label htmlFor={id}>{text(option.label)}</label>
              </div>
            );
          })}
        </fieldset>
      ))}
      <FormActions>
        <button type="submit" className="button" disabled={isBusy}>
          {t('Antwoorden versturen')}
        </button>
      </FormActions>
    </form>
  );
}

/** Planning the next pulse, prefilled with the suggested period. */
export function PulsePlanForm({ url, suggestion, onSaved }: { url: string; suggestion: { opensOn: string; closesOn: string }; onSaved: (pulse: PulsePeriod) => void }) {
  const { t } = useTranslation();
  const { errors, clear, fromError } = useFormErrors('plan-');
  const [opensOn, setOpensOn] = useState(suggestion.opensOn);
  const [closesOn, setClosesOn] = useState(suggestion.closesOn);
  const [isBusy, setIsBusy] = useState(false);
  const labels = { 'plan-opensOn': t('Eerste dag'), 'plan-closesOn': t('Laatste dag') };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    setIsBusy(true);
    try {
      const body: PulsePlanBody = { opensOn, closesOn };
      onSaved(await api.post<PulsePeriod>(url, body));
    } catch (error) {
      fromError(error, {
        opensOn: t('Kies vandaag of een latere dag.'),
        closesOn: t('Kies een dag na de eerste dag, hooguit acht weken later.'),
      });
    } finally {
      setIsBusy(false);
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="card">
      <h3>{t('Peiling plannen')}</h3>
      <p className="hint">{t('Een vast ritme helpt: bijvoorbeeld elke zes weken een peiling die twee weken openstaat. Het voorstel hieronder volgt dat ritme.')}</p>
      <ErrorSummary errors={errors} labels={labels} />
      <TextField id="plan-opensOn" type="date" label={labels['plan-opensOn']} value={opensOn} onChange={setOpensOn} error={errors.fields['plan-opensOn']} required />
      <TextField id="plan-closesOn" type="date" label={labels['plan-closesOn']} value={closesOn} onChange={setClosesOn} error={errors.fields['plan-closesOn']} required />
      <FormActions>
        <button type="submit" className="button" disabled={isBusy}>
          {t('Peiling plannen')}
        </button>
      </FormActions>
    </form>
  );
}

/** The school's own help texts; an empty field shows the default text again. */
export function PulseHelpForm({ url, help, onSaved }: { url: string; help: PulseHelp; onSaved: (help: PulseHelp) => void }) {
  const { t } = useTranslation();
  const { errors, clear, fromError } = useFormErrors('help-');
  const [contacts, setContacts] = useState(help.contacts ?? '');
  const [companyDoctor, setCompanyDoctor] = useState(help.companyDoctor ?? '');
  const [confidant, setConfidant] = useState(help.confidant ?? '');
  const [isBusy, setIsBusy] = useState(false);
  const labels = { 'help-contacts': t('Eigen contactpersonen van de school'), 'help-companyDoctor': t('Bedrijfsarts'), 'help-confidant': t('Vertrouwenspersoon') };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    setIsBusy(true);
    try {
      const body: PulseHelpBody = { contacts, companyDoctor, confidant };
      onSaved(await api.put<PulseHelp>(url, body));
    } catch (error) {
      fromError(error, {}, t('Maak de tekst korter (hooguit {{max}} tekens).', { max: HELP_MAX }));
    } finally {
      setIsBusy(false);
    }
  };
  const hint = t('Laat leeg voor de standaardtekst. Noem namen, telefoonnummers of een e-mailadres.');
  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="card">
      <h3>{t('Waar vind je hulp: teksten van de school')}</h3>
      <ErrorSummary errors={errors} labels={labels} />
      <TextAreaField id="help-contacts" label={labels['help-contacts']} hint={hint} value={contacts} onChange={setContacts} error={errors.fields['help-contacts']} maxLength={HELP_MAX} />
      <TextAreaField id="help-companyDoctor" label={labels['help-companyDoctor']} value={companyDoctor} onChange={setCompanyDoctor} error={errors.fields['help-companyDoctor']} maxLength={HELP_MAX} />
      <TextAreaField id="help-confidant" label={labels['help-confidant']} value={confidant} onChange={setConfidant} error={errors.fields['help-confidant']} maxLength={HELP_MAX} />
      <FormActions>
        <button type="submit" className="button" disabled={isBusy}>
          {t('Teksten opslaan')}
        </button>
      </FormActions>
    </form>
  );
}
