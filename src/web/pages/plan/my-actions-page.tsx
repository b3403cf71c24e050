import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ApiError } from '../../api/api-client';
import type { CalendarFeedCreated, MyActions, PlanPreferences } from '../../api/plan-types';
import { useApiData } from '../../api/use-api-data';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { FormActions } from '../../components/form-fields';
import { LoadState, SuccessMessage } from '../../components/load-state';
import { Page } from '../../components/page';
import { TableWrap } from '../../components/table-wrap';
import { useFormat } from '../../i18n/format';
import { useModelText } from '../selfscan/selfscan-model';
import { actionStatusLabel, OverdueMark } from './plan-labels';
import { planPath } from './plan-paths';

type MyAction = MyActions['actions'][number];

/** Everyone's own actions across their schools, with the weekly mail and the calendar link. */
export function MyActionsPage() {
  const { t } = useTranslation();
  const { data, error, isLoading } = useApiData<MyActions>('/api/me/actions');
  const [saved, setSaved] = useState<string | null>(null);
  const schools = new Map<string, { name: string; actions: MyAction[] }>();
  for (const action of data?.actions ?? []) {
    const entry = schools.get(action.school.id) ?? { name: action.school.name, actions: [] };
    entry.actions.push(action);
    schools.set(action.school.id, entry);
  }
  return (
    <Page title={t('Mijn acties')} intro={<p>{t('De acties uit de implementatieplannen waarvan jij de eigenaar bent. Eerst wat nog open staat, op datum; daaronder wat de afgelopen maand is afgerond.')}</p>}>
      <SuccessMessage message={saved} />
      <LoadState error={error} isLoading={isLoading && !data} />
      {data ? (
        data.actions.length === 0 ? (
          <p className="notice">{t('Je bent nog van geen enkele actie de eigenaar.')}</p>
        ) : (
          [...schools.entries()].map(([schoolId, school]) => <SchoolActions key={schoolId} schoolId={schoolId} name={school.name} actions={school.actions} />)
        )
      ) : null}
      <DigestSection onSaved={setSaved} />
      <CalendarSection onSaved={setSaved} />
    </Page>
  );
}

function SchoolActions({ schoolId, name, actions }: { schoolId: string; name: string; actions: MyAction[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const modelText = useModelText();
  const headingId = `mijn-acties-${schoolId}`;
  const overdue = actions.filter((action) => action.overdue).length;
  return (
    <section aria-labelledby={headingId} className="my-actions-school">
      <h2 id={headingId}>{name}</h2>
      {overdue > 0 ? (
        <p className="notice notice-warning">
          <OverdueMark /> {overdue === 1 ? t('1 actie is over de datum.') : t('{{number}} acties zijn over de datum.', { number: format.number(overdue) })}
        </p>
      ) : null}
      <TableWrap label={t('Mijn acties bij {{school}}', { school: name })}>
        <table>
          <caption className="visually-hidden">{t('Mijn acties bij {{school}}', { school: name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('Actie')}</th>
              <th scope="col">{t('Doel')}</th>
              <th scope="col">{t('Klaar op')}</th>
              <th scope="col">{t('Status')}</th>
            </tr>
          </thead>
          <tbody>
            {actions.map((action) => (
              <tr key={action.id} className={action.overdue ? 'plan-row-overdue' : undefined}>
                <th scope="row">{action.title}</th>
                <td>{action.goal.title ?? (action.goal.aspectName ? modelText(action.goal.aspectName) : '')}</td>
                <td>
                  {action.dueOn ? <time dateTime={action.dueOn}>{format.date(action.dueOn)}</time> : <span className="muted">{t('geen datum')}</span>}
                  {action.overdue ? (
                    <>
                      {' '}
                      <OverdueMark />
                    </>
                  ) : null}
                </td>
                <td>{actionStatusLabel(t, action.status)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <p>
        <Link to={planPath(schoolId)}>{t('Naar het implementatieplan van {{school}}', { school: name })}</Link>
      </p>
    </section>
  );
}

function DigestSection({ onSaved }: { onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const { data, error, isLoading, setData } = useApiData<PlanPreferences>('/api/me/plan-preferences');
  const [optOut, setOptOut] = useState<boolean | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const checked = optOut ?? data?.digestOptOut ?? false;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setIsBusy(true);
    setSaveError(null);
    try {
      const preferences = await api.put<PlanPreferences>('/api/me/plan-preferences', { digestOptOut: checked });
      setData(preferences);
      setOptOut(null);
      onSaved(preferences.digestOptOut ? t('Je krijgt geen wekelijkse mail meer over je acties.') : t('Je krijgt weer elke week een mail over je acties.'));
    } catch (failure) {
      setSaveError(failure instanceof ApiError ? failure.message : String(failure));
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <section aria-labelledby="wekelijkse-mail-kop" className="card">
      <h2 id="wekelijkse-mail-kop">{t('Wekelijkse mail')}</h2>
      <p>{t('Eén keer per week krijg je een mail met je acties die binnenkort klaar moeten zijn of over de datum zijn. Zonder zulke acties krijg je geen mail.')}</p>
      <LoadState error={error} isLoading={isLoading && !data} />
      {saveError ? (
        <p className="notice notice-error" role="alert">
          {saveError}
        </p>
      ) : null}
      {data ? (
        <form onSubmit={(event) => void save(event)}>
          <div className="checkbox">
            <input type="checkbox" id="digest-opt-out" checked={checked} onChange={(event) => setOptOut(event.target.checked)} />
            <label htmlFor="digest-opt-out">{t('Stuur mij geen wekelijkse mail over mijn acties')}</label>
          </div>
          <FormActions>
            <button type="submit" className="button" disabled={isBusy}>
              {t('Keuze opslaan')}
            </button>
          </FormActions>
        </form>
      ) : null}
    </section>
  );
}

function CalendarSection({ onSaved }: { onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data, error, isLoading, reload } = useApiData<PlanPreferences>('/api/me/plan-preferences');
  const [created, setCreated] = useState<CalendarFeedCreated | null>(null);
  const [isStopping, setIsStopping] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  const create = async () => {
    setIsBusy(true);
    setActionError(null);
    setCopied(null);
    try {
      setCreated(await api.post<CalendarFeedCreated>('/api/me/calendar-feed'));
      reload();
    } catch (failure) {
      setActionError(failure instanceof ApiError ? failure.message : String(failure));
    } finally {
      setIsBusy(false);
    }
  };
  const stop = async () => {
    try {
      await api.delete('/api/me/calendar-feed');
      setIsStopping(false);
      setCreated(null);
      onSaved(t('De agenda-koppeling is gestopt. De oude link werkt niet meer.'));
      reload();
    } catch (failure) {
      setActionError(failure instanceof ApiError ? failure.message : String(failure));
    }
  };
  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(t('De link staat op het klembord.'));
    } catch {
      setCopied(t('Kopiëren lukte niet. Selecteer de link en kopieer hem zelf.'));
    }
  };
  const isActive = data?.calendarFeed.active ?? false;

  return (
    <section aria-labelledby="agenda-kop" className="card">
      <h2 id="agenda-kop">{t('Agenda-koppeling')}</h2>
      <p>{t('Zet de einddatums van je open acties in je eigen agenda (Outlook, Google Agenda of Agenda op je telefoon). Je agenda haalt ze zelf op via een persoonlijke link.')}</p>
      <LoadState error={error} isLoading={isLoading && !data} />
      {actionError && !isStopping ? (
        <p className="notice notice-error" role="alert">
          {actionError}
        </p>
      ) : null}
      {created ? (
        <div className="notice notice-success calendar-feed-new">
          <p>{t('Je nieuwe agendalink. Je ziet hem maar één keer: kopieer hem nu.')}</p>
          <div className="field">
            <label htmlFor="agenda-link">{t('Agendalink')}</label>
            <input id="agenda-link" type="text" readOnly value={created.url} onFocus={(event) => event.target.select()} spellCheck={false} />
          </div>
          <p>
            <button type="button" className="button button-small" onClick={() => void copy(created.url)}>
              {t('Link kopiëren')}
            </button>
          </p>
          <div role="status">{copied}</div>
          <ol className="calendar-feed-steps">
            <li>{t('Kopieer de link.')}</li>
            <li>{t('Kies in je agenda voor “agenda toevoegen” en dan “via internet” of “vanaf URL”.')}</li>
            <li>{t('Plak de link en bevestig. Je agenda werkt de acties daarna zelf bij.')}</li>
          </ol>
          <p className="plan-notice-last">{t('Deel de link met niemand: wie hem heeft, ziet je acties.')}</p>
        </div>
      ) : null}
      {data ? (
        <>
          <p>
            {isActive
              ? t('Er is een agenda-koppeling actief sinds {{date}}.', { date: format.dateTime(data.calendarFeed.createdAt) })
              : t('Je hebt nu geen agenda-koppeling.')}
          </p>
          <div className="form-actions">
            <button type="button" className="button" disabled={isBusy} onClick={() => void create()}>
              {isActive ? t('Nieuwe link maken (de oude stopt)') : t('Agenda-koppeling maken')}
            </button>
            {isActive ? (
              <button
                type="button"
                className="button button-danger-quiet"
                onClick={() => {
                  setActionError(null);
                  setIsStopping(true);
                }}
              >
                {t('Koppeling stoppen')}
              </button>
            ) : null}
          </div>
        </>
      ) : null}
      <ConfirmDialog
        isOpen={isStopping}
        title={t('Agenda-koppeling stoppen?')}
        message={<p>{t('Je agenda krijgt dan geen acties meer binnen en de link werkt niet meer. Je kunt later een nieuwe link maken.')}</p>}
        confirmLabel={t('Koppeling stoppen')}
        isDangerous
        error={actionError}
        onConfirm={stop}
        onCancel={() => setIsStopping(false)}
      />
    </section>
  );
}
