import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MELDCODE_OUTCOMES, MELDCODE_STEP_TEXTS, type MeldcodeOutcome, type MeldcodeStep } from '../../../shared/meldcode';
import { schoolDateOf } from '../../../shared/school-time';
import { api, apiPath } from '../../api/api-client';
import type { CloseMeldcodeCaseBody, MeldcodeCase, MeldcodeCases, OpenMeldcodeCaseBody, RecordMeldcodeStepBody } from '../../api/care-types';
import { useApiData } from '../../api/use-api-data';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useFormErrors, useRefusalWords } from '../../components/form-errors';
import { ErrorSummary, SaveActions, SelectField, TextAreaField, TextField } from '../../components/form-fields';
import { LoadState, SuccessMessage } from '../../components/load-state';
import { useFormat } from '../../i18n/format';
import { VeiligThuisContact } from '../partners/partner-care-hints';
import { useModelText } from '../selfscan/selfscan-model';
import { useSchool } from '../school/school-layout';
import { fieldIdsOf } from './care-entry-form';
import { meldcodeOutcomeLabel } from './care-labels';

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The meldcode for the care team: the pupil's cases the caller may see (the attention officer every one, another
 * member the cases they opened or recorded a step in), each with its five steps, and closing with an outcome.
 */
export function CareMeldcodeSection({ pupilId }: { pupilId: string }) {
  const { t } = useTranslation();
  const { school, can } = useSchool();
  const refusal = useRefusalWords();
  const base = apiPath('/api/schools/:schoolId/pupils/:pupilId/care/meldcode-cases', { schoolId: school.id, pupilId });
  const cases = useApiData<MeldcodeCases>(base);
  const [isOpening, setIsOpening] = useState(false);
  const [openedOn, setOpenedOn] = useState(schoolDateOf(new Date()));
  const [openError, setOpenError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const dateError = !DATE_PATTERN.test(openedOn) || openedOn > schoolDateOf(new Date()) ? t('Kies een datum van vandaag of eerder.') : undefined;

  const openCase = async () => {
    if (dateError) return;
    try {
      const body: OpenMeldcodeCaseBody = { openedOn };
      const opened = await api.post<MeldcodeCase>(base, body);
      cases.setData([opened, ...(cases.data ?? [])]);
      setIsOpening(false);
      setSaved(t('De meldcodezaak is geopend. Begin met stap 1: schrijf op wat je zag en hoorde.'));
    } catch (failure) {
      setOpenError(refusal.failure(failure));
    }
  };
  const replace = (changed: MeldcodeCase) => cases.setData((cases.data ?? []).map((entry) => (entry.id === changed.id ? changed : entry)));

  return (
    <section aria-labelledby="meldcode-kop">
      <h2 id="meldcode-kop">{t('Meldcode')}</h2>
      {cases.data ? (
        <>
          <p className="muted">
            {t('Voor een zorg over de veiligheid van deze leerling thuis. Je ziet hier de zaken die je zelf opende of waarin je een stap vastlegde; de aandachtsfunctionaris van de school ziet ze allemaal.')}
          </p>
          {can('school.partners') ? <VeiligThuisContact schoolId={school.id} /> : null}
          <SuccessMessage message={saved} />
          {cases.data.length === 0 ? <p className="notice">{t('Geen meldcodezaken die jij kunt inzien.')}</p> : null}
          <ul className="care-stack">
            {cases.data.map((entry) => (
              <li key={entry.id}>
                <MeldcodeCaseView base={base} meldcodeCase={entry} onChanged={replace} />
              </li>
            ))}
          </ul>
          <p>
            <button
              type="button"
              className="button"
              onClick={() => {
                setSaved(null);
                setOpenError(null);
                setOpenedOn(schoolDateOf(new Date()));
                setIsOpening(true);
              }}
            >
              {t('Meldcodezaak openen')}
            </button>
          </p>
          <ConfirmDialog
            isOpen={isOpening}
            title={t('Een meldcodezaak openen?')}
            message={
              <>
                <p>
                  {t('Open een zaak als je je zorgen maakt over de veiligheid van deze leerling thuis: een vermoeden van huiselijk geweld of kindermishandeling. Een vermoeden is geen beschuldiging. De meldcode helpt je om zorgvuldig te werk te gaan.')}
                </p>
                <p>
                  {t('Je zet vijf stappen: opschrijven wat je zag en hoorde, overleggen met een collega en zo nodig Veilig Thuis, in gesprek gaan met de leerling en de ouders, de zorg wegen, en beslissen over hulp en een melding.')}
                </p>
                <p>
                  {t('Je staat er niet alleen voor. De aandachtsfunctionaris van de school denkt mee, en Veilig Thuis geeft advies: 0800-2000, gratis, dag en nacht. Is er acuut gevaar, bel dan 112.')}
                </p>
                <p>{t('Alleen de aandachtsfunctionaris en wie aan deze zaak werkt, kunnen de zaak lezen.')}</p>
                <TextField id="meldcode-openedOn" type="date" label={t('Datum waarop je de zaak opent')} value={openedOn} onChange={setOpenedOn} error={dateError} />
              </>
            }
            confirmLabel={t('Zaak openen')}
            onConfirm={() => void openCase()}
            onCancel={() => setIsOpening(false)}
            error={openError}
          />
        </>
      ) : (
        <LoadState error={cases.error} isLoading={cases.isLoading} />
      )}
    </section>
  );
}

function MeldcodeCaseView({ base, meldcodeCase, onChanged }: { base: string; meldcodeCase: MeldcodeCase; onChanged: (changed: MeldcodeCase) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [recording, setRecording] = useState<number | null>(null);
  const [isClosing, setIsClosing] = useState(false);
  const closed = meldcodeCase.closedOn !== null && meldcodeCase.outcome !== null ? { on: meldcodeCase.closedOn, outcome: meldcodeCase.outcome } : null;
  const caseBase = `${base}/${meldcodeCase.id}`;
  return (
    <article className="card">
      <h3>{t('Meldcodezaak geopend op {{date}}', { date: format.date(meldcodeCase.openedOn) })}</h3>
      <p className="muted">
        {meldcodeCase.openedByName ? t('Geopend door {{name}}.', { name: meldcodeCase.openedByName }) : null}{' '}
        {meldcodeCase.via === 'attention_officer' ? t('Je ziet deze zaak als aandachtsfunctionaris.') : null}
      </p>
      {closed ? (
        <p className="notice">
          <strong>{t('Afgesloten op {{date}}', { date: format.date(closed.on) })}</strong>: {meldcodeOutcomeLabel(t, closed.outcome)}. {t('Een afgesloten zaak kan niet meer worden gewijzigd.')}
        </p>
      ) : (
        <p>
          <span className="badge badge-wait">{t('Open')}</span> {t('{{done}} van de {{total}} stappen gedaan', { done: meldcodeCase.stepsDone.length, total: MELDCODE_STEP_TEXTS.length })}
        </p>
      )}
      <ol className="care-stack">
        {MELDCODE_STEP_TEXTS.map((step) => (
          <li key={step.step}>
            <MeldcodeStepView
              step={step}
              meldcodeCase={meldcodeCase}
              isRecording={recording === step.step}
              onRecord={closed ? null : () => setRecording(step.step)}
              onDone={(changed) => {
                setRecording(null);
                if (changed) onChanged(changed);
              }}
              caseBase={caseBase}
            />
          </li>
        ))}
      </ol>
      {closed ? null : isClosing ? (
        <CloseCaseForm caseBase={caseBase} meldcodeCase={meldcodeCase} onDone={(changed) => (changed ? onChanged(changed) : setIsClosing(false))} />
      ) : (
        <button type="button" className="button button-secondary" onClick={() => setIsClosing(true)}>
          {t('Zaak afsluiten')}
        </button>
      )}
    </article>
  );
}

function MeldcodeStepView({
  step,
  meldcodeCase,
  isRecording,
  onRecord,
  onDone,
  caseBase,
}: {
  step: MeldcodeStep;
  meldcodeCase: MeldcodeCase;
  isRecording: boolean;
  onRecord: (() => void) | null;
  onDone: (changed: MeldcodeCase | null) => void;
  caseBase: string;
}) {
  const { t } = useTranslation();
  const text = useModelText();
  const format = useFormat();
  const recorded = meldcodeCase.steps.find((entry) => entry.step === step.step);
  return (
    <div className="card card-quiet">
      <h4>{t('Stap {{number}}: {{name}}', { number: step.step, name: text(step.name) })}</h4>
      <p className="hint">{text(step.explanation)}</p>
      {recorded ? (
        <>
          <p>
            {recorded.doneOn ? (
              <span className="badge badge-on">{t('Gedaan op {{date}}', { date: format.date(recorded.doneOn) })}</span>
            ) : (
              <span className="badge badge-wait">{t('Nog bezig')}</span>
            )}{' '}
            <span className="muted">{t('vastgelegd door {{name}} op {{time}}', { name: recorded.recordedByName ?? t('een oud-collega'), time: format.dateTime(recorded.recordedAt) })}</span>
          </p>
          {recorded.notes ? <p className="care-text">{recorded.notes}</p> : null}
        </>
      ) : (
        <p className="muted">{t('Nog niet vastgelegd.')}</p>
      )}
      {isRecording ? (
        <StepForm caseBase={caseBase} caseId={meldcodeCase.id} step={step} recorded={recorded} onDone={onDone} />
      ) : onRecord ? (
        <button type="button" className="button button-small button-secondary" onClick={onRecord}>
          {t('Stap {{number}} vastleggen', { number: step.step })}
        </button>
      ) : null}
    </div>
  );
}

function StepForm({
  caseBase,
  caseId,
  step,
  recorded,
  onDone,
}: {
  caseBase: string;
  caseId: string;
  step: MeldcodeStep;
  recorded: MeldcodeCase['steps'][number] | undefined;
  onDone: (changed: MeldcodeCase | null) => void;
}) {
  const { t } = useTranslation();
  const prefix = `meldcode-${caseId}-stap-${step.step}-`;
  const { errors, check, fromError } = useFormErrors(prefix);
  const [doneOn, setDoneOn] = useState(recorded ? (recorded.doneOn ?? '') : schoolDateOf(new Date()));
  const [notes, setNotes] = useState(recorded?.notes ?? '');
  const [isBusy, setIsBusy] = useState(false);
  const label = { doneOn: t('Gedaan op'), notes: t('Aantekeningen') };
  const { id, summaryLabels } = fieldIdsOf(prefix, label);
  const dateMessage = t('Kies een datum van vandaag of eerder, of laat het veld leeg zolang de stap nog loopt.');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!check({ [id('doneOn')]: doneOn !== '' && (!DATE_PATTERN.test(doneOn) || doneOn > schoolDateOf(new Date())) && dateMessage }, t('Niet alle velden zijn goed ingevuld.'))) return;
    const body: RecordMeldcodeStepBody = { doneOn: doneOn === '' ? null : doneOn, notes };
    setIsBusy(true);
    try {
      onDone(await api.put<MeldcodeCase>(`${caseBase}/steps/${step.step}`, body));
    } catch (failure) {
      fromError(failure, { doneOn: dateMessage }, t('Kijk dit veld na.'));
      setIsBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <ErrorSummary errors={errors} labels={summaryLabels} />
      <TextField id={id('doneOn')} type="date" label={label.doneOn} hint={t('Laat leeg zolang de stap nog loopt.')} value={doneOn} onChange={setDoneOn} error={errors.fields[id('doneOn')]} />
      <TextAreaField
        id={id('notes')}
        label={label.notes}
        hint={t('Schrijf feitelijk op wat je zag, hoorde, besprak of afwoog, met wie en wanneer. Een nieuwe vastlegging vervangt de vorige niet: die blijft bewaard in de geschiedenis van de zaak.')}
        value={notes}
        onChange={setNotes}
        error={errors.fields[id('notes')]}
        maxLength={8000}
        rows={5}
      />
      <SaveActions saveLabel={t('Stap {{number}} opslaan', { number: step.step })} isBusy={isBusy} onCancel={() => onDone(null)} />
    </form>
  );
}

function CloseCaseForm({ caseBase, meldcodeCase, onDone }: { caseBase: string; meldcodeCase: MeldcodeCase; onDone: (changed: MeldcodeCase | null) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const prefix = `meldcode-${meldcodeCase.id}-`;
  const { errors, check, fromError } = useFormErrors(prefix);
  const [outcome, setOutcome] = useState<MeldcodeOutcome | ''>('');
  const [closedOn, setClosedOn] = useState(schoolDateOf(new Date()));
  const [isConfirming, setIsConfirming] = useState(false);
  const label = { outcome: t('Uitkomst'), closedOn: t('Afgesloten op') };
  const { id, summaryLabels } = fieldIdsOf(prefix, label);
  const dateMessage = t('Kies een datum van vandaag of eerder, niet voor {{date}} (toen de zaak geopend werd).', { date: format.date(meldcodeCase.openedOn) });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const isValid = check(
      {
        [id('outcome')]: outcome === '' && t('Kies de uitkomst van de zaak.'),
        [id('closedOn')]: (!DATE_PATTERN.test(closedOn) || closedOn > schoolDateOf(new Date()) || closedOn < meldcodeCase.openedOn) && dateMessage,
      },
      t('Niet alle velden zijn goed ingevuld.'),
    );
    if (isValid) setIsConfirming(true);
  };
  const close = async () => {
    if (outcome === '') return;
    const body: CloseMeldcodeCaseBody = { closedOn, outcome };
    try {
      onDone(await api.put<MeldcodeCase>(`${caseBase}/closing`, body));
    } catch (failure) {
      setIsConfirming(false);
      fromError(failure, { closedOn: dateMessage, outcome: t('Kies de uitkomst van de zaak.') }, t('Kijk dit veld na.'));
    }
  };

  return (
    <>
      <form onSubmit={submit} noValidate className="card card-quiet">
        <h4>{t('Zaak afsluiten')}</h4>
        <p className="hint">{t('Sluit de zaak af als het besluit van stap 5 genomen is. Daarna kan niemand de zaak nog wijzigen; de stappen en de uitkomst blijven bewaard.')}</p>
        <ErrorSummary errors={errors} labels={summaryLabels} />
        <SelectField
          id={id('outcome')}
          label={label.outcome}
          value={outcome}
          onChange={(value) => setOutcome(value as MeldcodeOutcome | '')}
          options={[{ value: '', label: t('Kies de uitkomst') }, ...MELDCODE_OUTCOMES.map((value) => ({ value, label: meldcodeOutcomeLabel(t, value) }))]}
          error={errors.fields[id('outcome')]}
        />
        <TextField id={id('closedOn')} type="date" label={label.closedOn} value={closedOn} onChange={setClosedOn} error={errors.fields[id('closedOn')]} />
        <SaveActions saveLabel={t('Zaak afsluiten')} onCancel={() => onDone(null)} />
      </form>
      <ConfirmDialog
        isOpen={isConfirming}
        title={t('Meldcodezaak afsluiten?')}
        message={t('Je sluit de zaak af met de uitkomst "{{outcome}}". Daarna kan niemand de zaak nog wijzigen.', { outcome: outcome === '' ? '' : meldcodeOutcomeLabel(t, outcome) })}
        confirmLabel={t('Zaak afsluiten')}
        onConfirm={() => void close()}
        onCancel={() => setIsConfirming(false)}
      />
    </>
  );
}
