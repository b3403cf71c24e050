import type { TFunction } from 'i18next';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPLEMENTATION_PHASES, type ImplementationPhase, PLAN_LIMITS, WORKING_GROUP_ROLES, type WorkingGroupRole } from '../../../shared/plan';
import { api, ApiError, apiPath } from '../../api/api-client';
import type { PlanMoment, PlanOverview, WorkingGroupMember } from '../../api/plan-types';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorSummary, FormActions, SelectField, TextField } from '../../components/form-fields';
import { useFormErrors } from '../../components/form-errors';
import { LoadState, SuccessMessage } from '../../components/load-state';
import { Page } from '../../components/page';
import { TableWrap } from '../../components/table-wrap';
import { useFormat } from '../../i18n/format';
import { useSchool } from '../school/school-layout';
import { phaseDurationLabel, phaseGuidance, phaseLabel, PlanLoadError, PlanNav, usePlanOverview } from './plan-labels';

/** Phases with their dates and guidance, the monitoring moments and the working group. */
export function PlanTeamPage() {
  const { t } = useTranslation();
  const { school } = useSchool();
  const { data: plan, error, isLoading, reload, setData } = usePlanOverview(school.id);
  const [saved, setSaved] = useState<string | null>(null);

  if (!plan) {
    return (
      <Page title={t('Fasen en werkgroep')}>
        <PlanNav schoolId={school.id} />
        {error ? <PlanLoadError code={error.code} message={error.message} /> : <LoadState error={null} isLoading={isLoading} />}
      </Page>
    );
  }
  return (
    <Page title={t('Fasen en werkgroep')} intro={<p>{t('Traumasensitief werken voer je in over een paar jaar, in vier fasen. Hier staan de fasen van de school, de meetmomenten en wie de invoering trekt.')}</p>}>
      <PlanNav schoolId={school.id} />
      <SuccessMessage message={saved} />
      <PhasesSection plan={plan} />
      {plan.canEdit ? (
        <PhaseDatesForm
          plan={plan}
          onSaved={(overview) => {
            setData(overview);
            setSaved(t('De data van de fasen zijn opgeslagen.'));
          }}
        />
      ) : null}
      <MomentsSection plan={plan} onChanged={(message) => { setSaved(message); reload(); }} />
      <WorkingGroupSection plan={plan} onChanged={(message) => { setSaved(message); reload(); }} />
    </Page>
  );
}

function PhasesSection({ plan }: { plan: PlanOverview }) {
  const { t } = useTranslation();
  const format = useFormat();
  const phaseOf = new Map(plan.phases.map((phase) => [phase.phase, phase]));
  return (
    <section aria-labelledby="fasen-kop">
      <h2 id="fasen-kop">{t('De vier fasen')}</h2>
      {plan.currentPhase ? (
        <p className="notice notice-success">{t('De school zit nu in de fase {{phase}}.', { phase: phaseLabel(t, plan.currentPhase) })}</p>
      ) : (
        <p className="notice">{t('Er is nog geen fase begonnen. Vul de begindatum van de eerste fase in om te zien waar de school staat.')}</p>
      )}
      <ol className="plan-phases">
        {IMPLEMENTATION_PHASES.map((phase) => {
          const dates = phaseOf.get(phase);
          const isCurrent = phase === plan.currentPhase;
          return (
            <li key={phase} className={isCurrent ? 'card plan-phase plan-phase--current' : 'card plan-phase'} aria-current={isCurrent ? 'step' : undefined}>
              <h3>
                {phaseLabel(t, phase)} {isCurrent ? <span className="badge plan-phase-now">{t('huidige fase')}</span> : null}
              </h3>
              <p className="muted">
                {phaseDurationLabel(t, phase)}
                {' · '}
                {dates
                  ? dates.endsOn
                    ? t('van {{from}} tot {{to}}', { from: format.date(dates.startsOn), to: format.date(dates.endsOn) })
                    : t('vanaf {{from}}', { from: format.date(dates.startsOn) })
                  : t('nog geen data')}
              </p>
              <p className="plan-phase-focus-title">{isCurrent ? t('Waar de school nu vooral aan werkt:') : t('Waar het in deze fase meestal om gaat:')}</p>
              <ul className="plan-phase-focus">
                {phaseGuidance(t, phase).map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function PhaseDatesForm({ plan, onSaved }: { plan: PlanOverview; onSaved: (overview: PlanOverview) => void }) {
  const { t } = useTranslation();
  const initial = () => Object.fromEntries(IMPLEMENTATION_PHASES.map((phase) => {
    const dates = plan.phases.find((entry) => entry.phase === phase);
    return [phase, { startsOn: dates?.startsOn ?? '', endsOn: dates?.endsOn ?? '' }];
  })) as Record<ImplementationPhase, { startsOn: string; endsOn: string }>;
  const [values, setValues] = useState(initial);
  const [isBusy, setIsBusy] = useState(false);
  const { errors, check, fromError } = useFormErrors();
  const labels: Record<string, string> = {};
  for (const phase of IMPLEMENTATION_PHASES) {
    labels[`fase-${phase}-start`] = t('{{phase}}: begint op', { phase: phaseLabel(t, phase) });
    labels[`fase-${phase}-eind`] = t('{{phase}}: eindigt op (gepland)', { phase: phaseLabel(t, phase) });
  }
  const set = (phase: ImplementationPhase, field: 'startsOn' | 'endsOn', value: string) => setValues((current) => ({ ...current, [phase]: { ...current[phase], [field]: value } }));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string | false> = {};
    for (const phase of IMPLEMENTATION_PHASES) {
      const { startsOn, endsOn } = values[phase];
      problems[`fase-${phase}-start`] = startsOn === '' && endsOn !== '' && t('Vul ook een begindatum in.');
      problems[`fase-${phase}-eind`] = startsOn !== '' && endsOn !== '' && endsOn < startsOn && t('Het einde ligt vóór het begin. Kies een einddatum op of na de begindatum.');
    }
    if (!check(problems, t('Niet alle velden zijn goed ingevuld.'))) return;
    setIsBusy(true);
    try {
      const phases = IMPLEMENTATION_PHASES.filter((phase) => values[phase].startsOn !== '').map((phase) => ({ phase, startsOn: values[phase].startsOn, endsOn: values[phase].endsOn === '' ? null : values[phase].endsOn }));
      onSaved(await api.put<PlanOverview>(apiPath('/api/schools/:schoolId/plan/phases', { schoolId: plan.schoolId }), { phases }));
    } catch (failure) {
      fromError(failure);
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <section aria-labelledby="fasedata-kop" className="card">
      <h2 id="fasedata-kop">{t('Data van de fasen aanpassen')}</h2>
      <p className="muted">{t('Laat de begindatum leeg voor een fase die nog niet gepland is. Borgen heeft meestal geen einddatum.')}</p>
      <ErrorSummary errors={errors} labels={labels} />
      <form onSubmit={(event) => void save(event)} noValidate>
        {IMPLEMENTATION_PHASES.map((phase) => (
          <fieldset key={phase} className="plan-phase-dates">
            <legend>{phaseLabel(t, phase)}</legend>
            <div className="field-row">
              <TextField id={`fase-${phase}-start`} type="date" label={t('Begint op')} value={values[phase].startsOn} onChange={(value) => set(phase, 'startsOn', value)} error={errors.fields[`fase-${phase}-start`]} />
              <TextField id={`fase-${phase}-eind`} type="date" label={t('Eindigt op (gepland)')} value={values[phase].endsOn} onChange={(value) => set(phase, 'endsOn', value)} error={errors.fields[`fase-${phase}-eind`]} />
            </div>
          </fieldset>
        ))}
        <FormActions>
          <button type="submit" className="button" disabled={isBusy}>
            {t('Data opslaan')}
          </button>
        </FormActions>
      </form>
    </section>
  );
}

function MomentsSection({ plan, onChanged }: { plan: PlanOverview; onChanged: (message: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [onDate, setOnDate] = useState('');
  const [title, setTitle] = useState('');
  const [isBusy, setIsBusy] = useState(false);
  const [deleting, setDeleting] = useState<PlanMoment | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const { errors, check, fromError } = useFormErrors('moment-');
  const labels = { 'moment-onDate': t('Datum'), 'moment-title': t('Wat meet of bespreek je?') };
  const moments = [...plan.moments].sort((a, b) => a.onDate.localeCompare(b.onDate));

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (!check({ 'moment-onDate': onDate === '' && t('Kies een datum.'), 'moment-title': title.trim() === '' && t('Beschrijf het meetmoment kort.') }, t('Niet alle velden zijn goed ingevuld.'))) return;
    setIsBusy(true);
    try {
      const moment = await api.post<PlanMoment>(apiPath('/api/schools/:schoolId/plan/moments', { schoolId: plan.schoolId }), { onDate, title });
      setOnDate('');
      setTitle('');
      onChanged(t('Meetmoment {{title}} is toegevoegd.', { title: moment.title }));
    } catch (failure) {
      fromError(failure, { onDate: t('Kies een datum.'), title: t('Beschrijf het meetmoment kort.') });
    } finally {
      setIsBusy(false);
    }
  };
  const remove = async () => {
    if (!deleting) return;
    try {
      await api.delete(apiPath('/api/schools/:schoolId/plan/moments/:momentId', { schoolId: plan.schoolId, momentId: deleting.id }));
      onChanged(t('Meetmoment {{title}} is verwijderd.', { title: deleting.title }));
      setDeleting(null);
    } catch (failure) {
      setDeleteError(failure instanceof ApiError ? failure.message : String(failure));
    }
  };

  return (
    <section aria-labelledby="meetmomenten-kop">
      <h2 id="meetmomenten-kop">{t('Meetmomenten')}</h2>
      <p className="muted">{t('Momenten waarop de school bekijkt hoe het gaat, naast de zelfscanrondes: bijvoorbeeld een teamevaluatie of een gesprek met het bestuur.')}</p>
      {moments.length === 0 ? (
        <p className="notice">{t('Nog geen meetmomenten gepland.')}</p>
      ) : (
        <ul className="plan-moments">
          {moments.map((moment) => (
            <li key={moment.id}>
              <time dateTime={moment.onDate}>{format.date(moment.onDate)}</time>: {moment.title}{' '}
              {plan.canEdit ? (
                <button
                  type="button"
                  className="button button-small button-danger-quiet"
                  aria-label={t('Meetmoment {{title}} verwijderen', { title: moment.title })}
                  onClick={() => {
                    setDeleteError(null);
                    setDeleting(moment);
                  }}
                >
                  {t('Verwijderen')}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {plan.canEdit ? (
        <div className="card">
          <h3>{t('Meetmoment toevoegen')}</h3>
          <ErrorSummary errors={errors} labels={labels} />
          <form onSubmit={(event) => void add(event)} noValidate className="inline-form">
            <TextField id="moment-onDate" type="date" label={labels['moment-onDate']} value={onDate} onChange={setOnDate} error={errors.fields['moment-onDate']} required />
            <TextField id="moment-title" label={labels['moment-title']} value={title} onChange={setTitle} error={errors.fields['moment-title']} required maxLength={PLAN_LIMITS.momentTitleMax} />
            <FormActions>
              <button type="submit" className="button" disabled={isBusy}>
                {t('Meetmoment toevoegen')}
              </button>
            </FormActions>
          </form>
        </div>
      ) : null}
      <ConfirmDialog
        isOpen={deleting !== null}
        title={t('Meetmoment verwijderen?')}
        message={<p>{t('Weet je zeker dat je het meetmoment {{title}} wilt verwijderen?', { title: deleting?.title ?? '' })}</p>}
        confirmLabel={t('Verwijderen')}
        isDangerous
        error={deleteError}
        onConfirm={remove}
        onCancel={() => setDeleting(null)}
      />
    </section>
  );
}

function roleLabel(t: TFunction, role: WorkingGroupRole): string {
  return role === 'lead' ? t('Kartrekker') : t('Lid');
}

function WorkingGroupSection({ plan, onChanged }: { plan: PlanOverview; onChanged: (message: string) => void }) {
  const { t } = useTranslation();
  const [person, setPerson] = useState('');
  const [role, setRole] = useState<WorkingGroupRole>('member');
  const [isBusy, setIsBusy] = useState(false);
  const [removing, setRemoving] = useState<WorkingGroupMember | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const { errors, check, fromError } = useFormErrors('werkgroep-');
  const labels = { 'werkgroep-persoon': t('Collega'), 'werkgroep-rol': t('Rol in de werkgroep') };
  const members = [...plan.workingGroup].sort((a, b) => Number(b.role === 'lead') - Number(a.role === 'lead') || a.name.localeCompare(b.name));
  const candidates = plan.people.filter((candidate) => !plan.workingGroup.some((member) => member.userId === candidate.id));
  const path = (userId: string) => apiPath('/api/schools/:schoolId/plan/working-group/:userId', { schoolId: plan.schoolId, userId });

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (!check({ 'werkgroep-persoon': person === '' && t('Kies een collega.') }, t('Niet alle velden zijn goed ingevuld.'))) return;
    setIsBusy(true);
    try {
      const member = await api.put<WorkingGroupMember>(path(person), { role });
      setPerson('');
      onChanged(t('{{name}} zit nu in de werkgroep als {{role}}.', { name: member.name, role: roleLabel(t, member.role).toLowerCase() }));
    } catch (failure) {
      fromError(failure);
    } finally {
      setIsBusy(false);
    }
  };
  const changeRole = async (member: WorkingGroupMember) => {
    setActionError(null);
    try {
      const changed = await api.put<WorkingGroupMember>(path(member.userId), { role: member.role === 'lead' ? 'member' : 'lead' });
      onChanged(t('{{name}} is nu {{role}}.', { name: changed.name, role: roleLabel(t, changed.role).toLowerCase() }));
    } catch (failure) {
      setActionError(failure instanceof ApiError ? failure.message : String(failure));
    }
  };
  const remove = async () => {
    if (!removing) return;
    try {
      await api.delete(path(removing.userId));
      onChanged(t('{{name}} zit niet meer in de werkgroep.', { name: removing.name }));
      setRemoving(null);
    } catch (failure) {
      setActionError(failure instanceof ApiError ? failure.message : String(failure));
    }
  };

  return (
    <section aria-labelledby="werkgroep-kop">
      <h2 id="werkgroep-kop">{t('Werkgroep')}</h2>
      <p className="muted">{t('De kartrekkers sturen de invoering en stellen de werkgroep samen. Iedereen in de werkgroep kan het plan aanpassen.')}</p>
      {actionError && removing === null ? (
        <p className="notice notice-error" role="alert">
          {actionError}
        </p>
      ) : null}
      {members.length === 0 ? (
        <p className="notice">{t('Er zit nog niemand in de werkgroep.')}</p>
      ) : (
        <TableWrap label={t('Leden van de werkgroep')}>
          <table>
            <caption className="visually-hidden">{t('Leden van de werkgroep')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('Naam')}</th>
                <th scope="col">{t('Rol')}</th>
                {plan.canManageTeam ? (
                  <th scope="col">
                    <span className="visually-hidden">{t('Rol wijzigen of verwijderen')}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {members.map((member) => (
                <tr key={member.userId}>
                  <th scope="row">{member.name}</th>
                  <td>{roleLabel(t, member.role)}</td>
                  {plan.canManageTeam ? (
                    <td className="actions">
                      <div className="action-buttons">
                        <button type="button" className="button button-small button-secondary" onClick={() => void changeRole(member)}>
                          {member.role === 'lead' ? t('{{name}} gewoon lid maken', { name: member.name }) : t('{{name}} kartrekker maken', { name: member.name })}
                        </button>
                        <button
                          type="button"
                          className="button button-small button-danger-quiet"
                          aria-label={t('{{name}} uit de werkgroep halen', { name: member.name })}
                          onClick={() => {
                            setActionError(null);
                            setRemoving(member);
                          }}
                        >
                          {t('Uit de werkgroep')}
                        </button>
                      </div>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {plan.canManageTeam ? (
        <div className="card">
          <h3>{t('Iemand aan de werkgroep toevoegen')}</h3>
          <ErrorSummary errors={errors} labels={labels} />
          {candidates.length === 0 ? (
            <p className="muted">{t('Alle collega’s zitten al in de werkgroep.')}</p>
          ) : (
            <form onSubmit={(event) => void add(event)} noValidate className="inline-form">
              <SelectField
                id="werkgroep-persoon"
                label={labels['werkgroep-persoon']}
                value={person}
                onChange={setPerson}
                options={[{ value: '', label: t('Kies een collega') }, ...candidates.map((candidate) => ({ value: candidate.id, label: candidate.name }))]}
                error={errors.fields['werkgroep-persoon']}
              />
              <SelectField
                id="werkgroep-rol"
                label={labels['werkgroep-rol']}
                value={role}
                onChange={(value) => setRole(value as WorkingGroupRole)}
                options={WORKING_GROUP_ROLES.map((value) => ({ value, label: roleLabel(t, value) }))}
              />
              <FormActions>
                <button type="submit" className="button" disabled={isBusy}>
                  {t('Toevoegen')}
                </button>
              </FormActions>
            </form>
          )}
        </div>
      ) : null}
      <ConfirmDialog
        isOpen={removing !== null}
        title={t('Uit de werkgroep halen?')}
        message={<p>{t('Weet je zeker dat je {{name}} uit de werkgroep haalt? Daarmee vervalt ook het recht om het plan aan te passen, tenzij een andere rol dat geeft.', { name: removing?.name ?? '' })}</p>}
        confirmLabel={t('Uit de werkgroep halen')}
        isDangerous
        error={actionError}
        onConfirm={remove}
        onCancel={() => setRemoving(null)}
      />
    </section>
  );
}
