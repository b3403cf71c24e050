import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ApiError, apiPath } from '../../api/api-client';
import type { AudienceSize, ModelSummary, OpenRoundRequest, ReminderSent, RoundDetail, RoundSummary } from '../../api/api-types';
import { useApiData } from '../../api/use-api-data';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { CheckboxGroup, ErrorSummary, FormActions, SelectField, TextField } from '../../components/form-fields';
import { useFormErrors } from '../../components/form-errors';
import { LoadState, SuccessMessage } from '../../components/load-state';
import { Page } from '../../components/page';
import { useFormat } from '../../i18n/format';
import { roleHint, roleLabel, roundStatusLabel } from '../../i18n/labels';
import { SELFSCAN_REMINDER_INTERVAL_HOURS } from '../../../shared/limits';
import { SCHOOL_ROLES, type SchoolRole } from '../../../shared/roles';
import { useSchool } from '../school/school-layout';
import { useModelText } from './selfscan-model';
import { SelfscanModelImport } from './selfscan-model-import';

/** A date as YYYY-MM-DD in the browser's own calendar (the school's day, not UTC's). */
function localDate(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The self-scan rounds of a school with their progress; the lead and leadership open new rounds here. */
export function SelfscanRoundsPage() {
  const { t } = useTranslation();
  const { school, can } = useSchool();
  const [saved, setSaved] = useState<string | null>(null);
  const { data: rounds, error, isLoading, reload } = useApiData<RoundSummary[]>(apiPath('/api/schools/:schoolId/selfscan/rounds', { schoolId: school.id }));
  const mayManage = can('school.selfscan.manage');
  // Bumped after an import so the round form loads the model list again.
  const [modelsVersion, setModelsVersion] = useState(0);

  return (
    <Page
      title={t('Zelfscan')}
      intro={<p>{t('Met de zelfscan bepaalt het team per accent van het ontwikkelmodel in welke groeifase de school nu zit. Eerst vult ieder de zelfscan alleen in, daarna stel je samen vast waar je staat en wat de volgende stap is.')}</p>}
    >
      <SuccessMessage message={saved} />
      {can('school.selfscan.results') ? <p><Link to={`/scholen/${school.id}/zelfscan/verloop`}>{t('Verloop per accent')}</Link></p> : null}
      <LoadState error={error} isLoading={isLoading && !rounds} />
      {rounds ? (
        rounds.length === 0 ? (
          <p className="notice">{t('Er is nog geen zelfscanronde.')}</p>
        ) : (
          <ul className="round-list">
            {rounds.map((round) => (
              <RoundCard
                key={round.id}
                round={round}
                schoolId={school.id}
                mayManage={mayManage}
                onClosed={(closed) => {
                  setSaved(t('De ronde {{name}} is gesloten. De uitkomsten zijn nu te zien.', { name: closed.name }));
                  reload();
                }}
                onReminded={(name) => {
                  setSaved(t('De herinnering voor {{name}} is verstuurd aan wie nog niet klaar was.', { name }));
                  reload();
                }}
              />
            ))}
          </ul>
        )
      ) : null}
      {mayManage ? (
        <OpenRoundForm
          key={modelsVersion}
          schoolId={school.id}
          onOpened={(round) => {
            setSaved(t('De ronde {{name}} is geopend en de uitnodigingen zijn verstuurd.', { name: round.name }));
            reload();
          }}
        />
      ) : null}
      {can('school.selfscan.models.manage') ? <SelfscanModelImport schoolId={school.id} onImported={() => setModelsVersion((value) => value + 1)} /> : null}
    </Page>
  );
}

interface RoundCardProps {
  round: RoundSummary;
  schoolId: string;
  mayManage: boolean;
  onClosed: (round: RoundDetail) => void;
  onReminded: (roundName: string) => void;
}

function RoundCard({ round, schoolId, mayManage, onClosed, onReminded }: RoundCardProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const modelText = useModelText();
  const [isClosing, setIsClosing] = useState(false);
  const [closeError, setCloseError] = useState<string | null>(null);
  const [isReminding, setIsReminding] = useState(false);
  const [remindError, setRemindError] = useState<string | null>(null);
  const remind = async () => {
    try {
      await api.post<ReminderSent>(apiPath('/api/schools/:schoolId/selfscan/rounds/:roundId/reminders', { schoolId, roundId: round.id }));
      setIsReminding(false);
      onReminded(round.name);
    } catch (failure) {
      setRemindError(failure instanceof ApiError ? failure.message : String(failure));
    }
  };
  const nextReminderFrom = round.remindedAt ? new Date(Date.parse(round.remindedAt) + SELFSCAN_REMINDER_INTERVAL_HOURS * 3_600_000) : null;
  // Worked out when the page was drawn; the server checks the interval again when asked.
  const mayRemindNow = nextReminderFrom === null || nextReminderFrom.getTime() <= Date.now();
  const k = round.minGroupSize;
  const close = async () => {
    try {
      const closed = await api.post<RoundDetail>(apiPath('/api/schools/:schoolId/selfscan/rounds/:roundId/close', { schoolId, roundId: round.id }));
      setIsClosing(false);
      onClosed(closed);
    } catch (failure) {
      setCloseError(failure instanceof ApiError ? failure.message : String(failure));
    }
  };
  const base = `/scholen/${schoolId}/zelfscan/${round.id}`;
  const progressId = `voortgang-${round.id}`;
  const progressText = t('{{responded}} van {{invited}} ingevuld', { responded: format.number(round.progress.responded), invited: format.number(round.progress.invited) });
  return (
    <li className="card round-card">
      <h2>{round.name}</h2>
      <dl className="meta">
        <div>
          <dt>{t('Model')}</dt>
          <dd>
            {modelText(round.model.name)} ({t('versie {{version}}', { version: round.model.version })})
          </dd>
        </div>
        <div>
          <dt>{t('Open van')}</dt>
          <dd>{format.date(round.opensOn)}</dd>
        </div>
        <div>
          <dt>{t('tot en met')}</dt>
          <dd>{format.date(round.closesOn)}</dd>
        </div>
        <div>
          <dt>{t('Stand')}</dt>
          <dd>
            <span className={round.status === 'open' ? 'badge badge-on' : round.status === 'upcoming' ? 'badge badge-wait' : 'badge badge-off'}>{roundStatusLabel(t, round.status)}</span>
          </dd>
        </div>
      </dl>
      <div className="progress">
        <label htmlFor={progressId}>{progressText}</label>
        <progress id={progressId} max={Math.max(1, round.progress.invited)} value={round.progress.responded}>
          {progressText}
        </progress>
      </div>
      {round.closedAt ? <p className="muted">{t('Eerder gesloten op {{date}}.', { date: format.dateTime(round.closedAt) })}</p> : null}
      {round.status !== 'closed' ? <p className="muted">{t('De uitkomsten zijn te zien zodra de ronde gesloten is.')}</p> : null}
      {round.resultsSharedAt ? <p className="muted">{t('De uitkomsten zijn gedeeld met het team.')}</p> : null}
      {mayManage && round.status === 'open' && round.remindedAt ? (
        <p className="muted">
          {mayRemindNow
            ? t('Laatste herinnering: {{date}}.', { date: format.dateTime(round.remindedAt) })
            : t('Herinnering verstuurd op {{date}}. Een volgende kan vanaf {{next}}.', { date: format.dateTime(round.remindedAt), next: format.dateTime(nextReminderFrom?.toISOString()) })}
        </p>
      ) : null}
      <div className="action-buttons round-actions">
        {round.isInvited ? (
          <Link className="button button-small" to={`${base}/invullen`} aria-label={t('{{name}} invullen', { name: round.name })}>
            {round.status === 'open' ? t('Invullen') : t('Mijn antwoorden')}
          </Link>
        ) : null}
        {round.canSeeResults ? (
          <Link className="button button-small button-secondary" to={`${base}/uitkomsten`} aria-label={t('Uitkomsten van {{name}}', { name: round.name })}>
            {t('Uitkomsten')}
          </Link>
        ) : null}
        {mayManage && round.status === 'closed' ? (
          <Link className="button button-small button-secondary" to={`${base}/vaststellen`} aria-label={t('{{name}} samen vaststellen', { name: round.name })}>
            {t('Samen vaststellen')}
          </Link>
        ) : null}
        {mayManage && round.status === 'open' && mayRemindNow ? (
          <button
            type="button"
            className="button button-small button-secondary"
            aria-label={t('Herinnering sturen voor {{name}}', { name: round.name })}
            onClick={() => {
              setRemindError(null);
              setIsReminding(true);
            }}
          >
            {t('Herinnering sturen')}
          </button>
        ) : null}
        {mayManage && round.status !== 'closed' ? (
          <button
            type="button"
            className="button button-small button-secondary"
            aria-label={t('{{name}} nu sluiten', { name: round.name })}
            onClick={() => {
              setCloseError(null);
              setIsClosing(true);
            }}
          >
            {t('Nu sluiten')}
          </button>
        ) : null}
      </div>
      <ConfirmDialog
        isOpen={isClosing}
        title={t('Ronde {{name}} nu sluiten?', { name: round.name })}
        message={
          <>
            <p>{t('Na het sluiten kan niemand meer invullen, ook wie nog niet klaar was. Sluiten kun je niet terugdraaien.')}</p>
            <p>
              {t('Daarna zijn de uitkomsten te zien, zonder namen. Cijfers verschijnen alleen bij een accent dat minstens {{k}} mensen met een groeifase beantwoordden; bij minder staat er “te weinig antwoorden”.', { k })}
            </p>
            <p className={round.progress.responded < k ? 'notice notice-error' : undefined}>
              {round.progress.responded < k
                ? t('Tot nu toe hebben {{responded}} van de {{invited}} mensen ingevuld. Dat is minder dan {{k}}: als je nu sluit, zijn er geen uitkomsten te zien.', { responded: round.progress.responded, invited: round.progress.invited, k })
                : t('Tot nu toe hebben {{responded}} van de {{invited}} mensen (een deel) ingevuld.', { responded: round.progress.responded, invited: round.progress.invited })}
            </p>
          </>
        }
        confirmLabel={t('Ronde sluiten')}
        error={closeError}
        onConfirm={close}
        onCancel={() => setIsClosing(false)}
      />
      <ConfirmDialog
        isOpen={isReminding}
        title={t('Herinnering sturen voor {{name}}?', { name: round.name })}
        message={
          <>
            <p>{t('Wie is uitgenodigd en nog niet alle accenten heeft ingevuld, krijgt een e-mail met de link en de laatste dag waarop het kan.')}</p>
            <p>{t('Je ziet niet wie de herinnering krijgt, en ook niet hoeveel mensen: zo blijft anoniem wie nog niet heeft ingevuld. Je kunt één herinnering per {{hours}} uur sturen.', { hours: SELFSCAN_REMINDER_INTERVAL_HOURS })}</p>
          </>
        }
        confirmLabel={t('Herinnering sturen')}
        error={remindError}
        onConfirm={remind}
        onCancel={() => setIsReminding(false)}
      />
    </li>
  );
}

function OpenRoundForm({ schoolId, onOpened }: { schoolId: string; onOpened: (round: RoundDetail) => void }) {
  const { t } = useTranslation();
  const modelText = useModelText();
  const { data: models } = useApiData<ModelSummary[]>(apiPath('/api/schools/:schoolId/selfscan/models', { schoolId }));
  const today = new Date();
  const [name, setName] = useState('');
  const [modelId, setModelId] = useState('');
  const [opensOn, setOpensOn] = useState(() => localDate(today));
  const [closesOn, setClosesOn] = useState(() => localDate(new Date(today.getFullYear(), today.getMonth(), today.getDate() + 14)));
  const [audience, setAudience] = useState<'all' | 'roles'>('all');
  const [roles, setRoles] = useState<SchoolRole[]>([]);
  const [isBusy, setIsBusy] = useState(false);
  const { errors, check, fromError } = useFormErrors('ronde-');
  const chosenModel = modelId || models?.[0]?.id || '';
  const chosenRoles = audience === 'all' ? [] : roles;
  const size = useAudienceSize(schoolId, audience === 'roles' && roles.length === 0 ? null : chosenRoles);
  const isTooSmall = size !== null && size.people < size.minGroupSize;
  const tooSmallText = size ? t('Kies een grotere groep: er zijn minstens {{k}} mensen nodig, zodat niemand herkenbaar is.', { k: size.minGroupSize }) : '';
  const labels = {
    'ronde-name': t('Naam van de ronde'),
    'ronde-modelId': t('Ontwikkelmodel'),
    'ronde-opensOn': t('Opent op'),
    'ronde-closesOn': t('Sluit na'),
    'ronde-audience': t('Rollen'),
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const isValid = check(
      {
        'ronde-name': name.trim() === '' && t('Vul een naam in.'),
        'ronde-modelId': chosenModel === '' && t('Kies een ontwikkelmodel.'),
        'ronde-opensOn': opensOn === '' && t('Vul een datum in.'),
        'ronde-closesOn': closesOn === '' ? t('Vul een datum in.') : closesOn < opensOn && t('De sluitdatum ligt vóór de openingsdatum.'),
        'ronde-audience': audience === 'roles' && roles.length === 0 ? t('Kies minstens één rol.') : isTooSmall && tooSmallText,
      },
      t('Niet alle velden zijn goed ingevuld.'),
    );
    if (!isValid) return;
    setIsBusy(true);
    try {
      const body: OpenRoundRequest = { name, modelId: chosenModel, opensOn, closesOn, audience: { roles: chosenRoles, locationIds: [] } };
      const round = await api.post<RoundDetail>(apiPath('/api/schools/:schoolId/selfscan/rounds', { schoolId }), body);
      setName('');
      onOpened(round);
    } catch (failure) {
      fromError(failure, {
        name: t('Vul een naam in.'),
        modelId: t('Kies een ontwikkelmodel.'),
        opensOn: t('Vul een geldige datum in.'),
        closesOn: t('Kies een sluitdatum vanaf vandaag en niet vóór de openingsdatum.'),
        audience:
          failure instanceof ApiError && failure.code === 'audience_too_small'
            ? t('Kies een grotere groep, zodat niemand herkenbaar is.')
            : t('Niemand in het personeel past bij deze keuze.'),
      });
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <section aria-labelledby="ronde-openen-kop" className="card">
      <h2 id="ronde-openen-kop">{t('Ronde openen')}</h2>
      <p className="muted">
        {t('Iedereen die je uitnodigt krijgt een e-mail met een link. Je ziet hoeveel mensen de zelfscan hebben ingevuld, nooit wie. De uitkomsten zijn er pas als de ronde gesloten is, en alleen waar genoeg mensen antwoordden.')}
      </p>
      <ErrorSummary errors={errors} labels={labels} />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <TextField id="ronde-name" label={labels['ronde-name']} hint={t('Bijvoorbeeld: Zelfscan voorjaar')} value={name} onChange={setName} error={errors.fields['ronde-name']} required maxLength={120} />
        <SelectField
          id="ronde-modelId"
          label={labels['ronde-modelId']}
          value={chosenModel}
          onChange={setModelId}
          options={(models ?? []).map((model) => ({ value: model.id, label: `${modelText(model.name)} (${model.version})` }))}
          error={errors.fields['ronde-modelId']}
          required
        />
        <div className="field-row">
          <TextField id="ronde-opensOn" type="date" label={labels['ronde-opensOn']} value={opensOn} onChange={setOpensOn} error={errors.fields['ronde-opensOn']} required />
          <TextField id="ronde-closesOn" type="date" label={labels['ronde-closesOn']} hint={t('De laatste dag waarop je kunt invullen.')} value={closesOn} onChange={setClosesOn} error={errors.fields['ronde-closesOn']} required />
        </div>
        <fieldset className="field">
          <legend>{t('Wie nodig je uit?')}</legend>
          <div className="radio">
            <input type="radio" id="ronde-publiek-alle" name="ronde-publiek" checked={audience === 'all'} onChange={() => setAudience('all')} />
            <label htmlFor="ronde-publiek-alle">{t('Alle medewerkers van de school')}</label>
          </div>
          <div className="radio">
            <input type="radio" id="ronde-publiek-rollen" name="ronde-publiek" checked={audience === 'roles'} onChange={() => setAudience('roles')} />
            <label htmlFor="ronde-publiek-rollen">{t('Alleen medewerkers met gekozen rollen')}</label>
          </div>
        </fieldset>
        {audience === 'roles' ? (
          <CheckboxGroup
            id="ronde-audience"
            legend={labels['ronde-audience']}
            options={SCHOOL_ROLES.map((role) => ({ value: role, label: roleLabel(t, role), hint: roleHint(t, role) }))}
            selected={roles}
            onChange={setRoles}
            error={errors.fields['ronde-audience']}
          />
        ) : errors.fields['ronde-audience'] ? (
          <p className="field-error" id="ronde-audience">
            {errors.fields['ronde-audience']}
          </p>
        ) : null}
        <p className={isTooSmall ? 'notice notice-error' : 'muted'} aria-live="polite" id="ronde-publiek-omvang">
          {size
            ? isTooSmall
              ? t('Deze keuze nodigt {{people}} mensen uit. Dat is te weinig voor een anonieme zelfscan: er zijn er minstens {{k}} nodig.', { people: size.people, k: size.minGroupSize })
              : t('Deze keuze nodigt {{people}} mensen uit (minstens {{k}} nodig).', { people: size.people, k: size.minGroupSize })
            : null}
        </p>
        <FormActions>
          <button type="submit" className="button" disabled={isBusy}>
            {t('Ronde openen')}
          </button>
        </FormActions>
      </form>
    </section>
  );
}

/** How many people the chosen roles hold (asked of the server as the choice changes); null while unknown or without roles. */
function useAudienceSize(schoolId: string, roles: SchoolRole[] | null): AudienceSize | null {
  const [size, setSize] = useState<AudienceSize | null>(null);
  const key = roles === null ? null : [...roles].sort().join(',');
  useEffect(() => {
    if (key === null) {
      setSize(null);
      return undefined;
    }
    // An answer for an earlier choice must not overwrite the newer one.
    let isCurrent = true;
    const chosen = key === '' ? [] : (key.split(',') as SchoolRole[]);
    api.post<AudienceSize>(apiPath('/api/schools/:schoolId/selfscan/audience', { schoolId }), { roles: chosen, locationIds: [] }).then(
      (answer) => {
        if (isCurrent) setSize(answer);
      },
      () => {
        // The count is a help only: opening the round checks the size again and explains a refusal.
        if (isCurrent) setSize(null);
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [schoolId, key]);
  return size;
}
