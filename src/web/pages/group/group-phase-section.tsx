import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GROUP_PHASE_GUIDE, GROUP_PHASES, type GroupPhase } from '../../../shared/class-group';
import { schoolDateOf } from '../../../shared/school-time';
import { api } from '../../api/api-client';
import type { ClassGroup, SetGroupPhaseBody } from '../../api/group-types';
import { useFormErrors } from '../../components/form-errors';
import { ErrorSummary, FormActions, TextField } from '../../components/form-fields';
import { SuccessMessage } from '../../components/load-state';
import { TableWrap } from '../../components/table-wrap';
import { useFormat } from '../../i18n/format';
import { useModelText } from '../selfscan/selfscan-model';

const PREFIX = 'fase-';
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** The group phase the teacher sees the class in: what it means, questions for the class, a way to change it, its history. */
export function GroupPhaseSection({ base, group, onSaved }: { base: string; group: ClassGroup; onSaved: () => void }) {
  const { t } = useTranslation();
  const text = useModelText();
  const format = useFormat();
  const [saved, setSaved] = useState<string | null>(null);
  const current = group.currentPhase;
  const guide = current ? GROUP_PHASE_GUIDE[current.phase] : null;
  return (
    <section aria-labelledby="groepsfase-kop">
      <h2 id="groepsfase-kop">{t('Groepsfase')}</h2>
      <SuccessMessage message={saved} />
      {current && guide ? (
        <div className="card card-quiet">
          <h3>{text(guide.name)}</h3>
          <p className="muted">
            {current.setBy
              ? t('Sinds {{date}}, gekozen door {{name}}', { date: format.date(current.fromOn), name: current.setBy })
              : t('Sinds {{date}}, gekozen door een oud-collega', { date: format.date(current.fromOn) })}
          </p>
          <p>{text(guide.explanation)}</p>
          <h4>{t('Om met de klas te bespreken')}</h4>
          <ul>
            {guide.questions.map((question) => (
              <li key={question.nl}>{text(question)}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="notice">{t('Nog geen groepsfase gekozen. Kies hieronder in welke fase je de groep nu ziet.')}</p>
      )}
      <div className="columns">
        <GroupPhaseForm base={base} current={current?.phase ?? null} schoolYear={group.class.schoolYear} onSaved={(message) => {
          setSaved(message);
          onSaved();
        }} />
        <PhaseOverview />
      </div>
      {group.phaseHistory.length > 0 ? (
        <TableWrap label={t('Groepsfasen van dit schooljaar')}>
          <table>
            <caption>{t('Groepsfasen van dit schooljaar')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('Vanaf')}</th>
                <th scope="col">{t('Groepsfase')}</th>
                <th scope="col">{t('Gekozen door')}</th>
              </tr>
            </thead>
            <tbody>
              {group.phaseHistory.map((entry) => (
                <tr key={entry.id}>
                  <th scope="row">
                    <time dateTime={entry.fromOn}>{format.date(entry.fromOn)}</time>
                  </th>
                  <td>{text(GROUP_PHASE_GUIDE[entry.phase].name)}</td>
                  <td>{entry.setBy ?? t('een oud-collega')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
    </section>
  );
}

function GroupPhaseForm({ base, current, schoolYear, onSaved }: { base: string; current: GroupPhase | null; schoolYear: string; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const text = useModelText();
  const { errors, check, fromError } = useFormErrors(PREFIX);
  const [phase, setPhase] = useState<GroupPhase | null>(current);
  const [fromOn, setFromOn] = useState(schoolDateOf(new Date()));
  const [isBusy, setIsBusy] = useState(false);
  const labels = { [`${PREFIX}phase`]: t('Groepsfase'), [`${PREFIX}fromOn`]: t('Vanaf') };
  const messages = { fromOn: t('Kies een dag in het schooljaar {{schoolYear}}: vandaag of eerder.', { schoolYear }), phase: t('Kies een groepsfase.') };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const isValid = check(
      {
        [`${PREFIX}phase`]: phase === null && messages.phase,
        [`${PREFIX}fromOn`]: (!DATE_PATTERN.test(fromOn) || fromOn > schoolDateOf(new Date())) && messages.fromOn,
      },
      t('Niet alle velden zijn goed ingevuld.'),
    );
    if (!isValid || phase === null) return;
    const body: SetGroupPhaseBody = { phase, fromOn };
    setIsBusy(true);
    try {
      await api.put(`${base}/phase`, body);
      onSaved(t('De groepsfase is opgeslagen.'));
    } catch (failure) {
      fromError(failure, messages, t('Kijk dit veld na.'));
    } finally {
      setIsBusy(false);
    }
  };

  const phaseError = errors.fields[`${PREFIX}phase`];
  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="card">
      <h3>{t('Groepsfase kiezen')}</h3>
      <ErrorSummary errors={errors} labels={labels} />
      <fieldset className={phaseError ? 'field field-invalid' : 'field'} id={`${PREFIX}phase`} aria-describedby={phaseError ? `${PREFIX}phase-error` : undefined}>
        <legend>{t('In welke fase zie je de groep nu?')}</legend>
        {phaseError ? (
          <p className="field-error" id={`${PREFIX}phase-error`}>
            {phaseError}
          </p>
        ) : null}
        {GROUP_PHASES.map((option) => (
          <div className="radio" key={option}>
            <input type="radio" id={`${PREFIX}phase-${option}`} name={`${PREFIX}phase`} checked={phase === option} onChange={() => setPhase(option)} />
            <label htmlFor={`${PREFIX}phase-${option}`}>{text(GROUP_PHASE_GUIDE[option].name)}</label>
          </div>
        ))}
      </fieldset>
      <TextField id={`${PREFIX}fromOn`} type="date" label={t('Vanaf')} hint={t('De dag vanaf wanneer je de groep in deze fase ziet.')} value={fromOn} onChange={setFromOn} error={errors.fields[`${PREFIX}fromOn`]} required />
      <FormActions>
        <button type="submit" className="button" disabled={isBusy}>
          {t('Groepsfase opslaan')}
        </button>
      </FormActions>
    </form>
  );
}

/** The five phases explained, with their questions: to read before choosing. */
function PhaseOverview() {
  const { t } = useTranslation();
  const text = useModelText();
  return (
    <details className="card card-quiet">
      <summary>{t('De vijf groepsfasen')}</summary>
      <p className="hint">{t('Een groep doorloopt deze fasen ongeveer in deze volgorde, en begint na een lange vakantie opnieuw. Hoe lang een fase duurt, verschilt per groep.')}</p>
      {GROUP_PHASES.map((phase) => {
        const guide = GROUP_PHASE_GUIDE[phase];
        return (
          <div key={phase}>
            <h3>{text(guide.name)}</h3>
            <p>{text(guide.explanation)}</p>
            <ul>
              {guide.questions.map((question) => (
                <li key={question.nl}>{text(question)}</li>
              ))}
            </ul>
          </div>
        );
      })}
    </details>
  );
}
