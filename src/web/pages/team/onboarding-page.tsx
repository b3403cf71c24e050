import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { schoolDateOf } from '../../../shared/school-time';
import { api, apiPath } from '../../api/api-client';
import type { GuideView, OnboardingHome, PairBody, PairDetail, PairSummary } from '../../api/team-onboarding-types';
import { useApiData } from '../../api/use-api-data';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useFormErrors, useRefusalWords } from '../../components/form-errors';
import { ErrorSummary, FormActions, SelectField, TextField } from '../../components/form-fields';
import { ErrorMessage, LoadState, SuccessMessage } from '../../components/load-state';
import { Page } from '../../components/page';
import { TableWrap } from '../../components/table-wrap';
import { useFormat } from '../../i18n/format';
import { useSchool } from '../school/school-layout';
import { EvaluationFigures } from './onboarding-evaluation';
import { rampWeekStatus, sectionKindLabel } from './onboarding-labels';
import { PairRamp } from './onboarding-ramp';
import { OnboardingSettingsSection } from './onboarding-settings';

/**
 * Onboarding (Inwerken, issue 17): the school's collected guide for everyone; a newcomer's own ramp with their buddy;
 * the buddy's view of that ramp; the pairs a chef-buddy or the school leader follows; the role texts; for leadership
 * and the TSO leads the newcomers' evaluation as figures; for the school's managers the settings.
 */
export function OnboardingPage() {
  const { t } = useTranslation();
  const { school } = useSchool();
  const base = apiPath('/api/schools/:schoolId/team/onboarding', { schoolId: school.id });
  const home = useApiData<OnboardingHome>(base);
  const [message, setMessage] = useState<string | null>(null);
  const changed = (text: string) => {
    setMessage(text);
    home.reload();
  };
  const data = home.data;
  const pairUrl = (id: string) => `${base}/pairs/${encodeURIComponent(id)}`;
  return (
    <Page title={t('Inwerken')} intro={<p>{t('Een nieuwe collega leert de school kennen met één inwerkboek, een vaste buddy en een schema van drie weken.')}</p>}>
      <SuccessMessage message={message} />
      {!data ? (
        <LoadState error={home.error} isLoading={home.isLoading} />
      ) : (
        <>
          {data.ownPair ? (
            <section aria-labelledby="onboarding-own">
              <h2 id="onboarding-own">{t('Mijn inwerkschema, met buddy {{name}}', { name: data.ownPair.buddy.name })}</h2>
              <PairRamp pair={data.ownPair} url={pairUrl(data.ownPair.id)} onChanged={changed} />
            </section>
          ) : null}
          {data.buddyPairs.map((pair) => (
            <section key={pair.id} aria-labelledby={`onboarding-buddy-${pair.id}`}>
              <h2 id={`onboarding-buddy-${pair.id}`}>{t('Je bent buddy van {{name}}', { name: pair.newcomer.name })}</h2>
              <PairRamp pair={pair} url={pairUrl(pair.id)} onChanged={changed} />
            </section>
          ))}
          <Guide base={base} guide={data.guide} olderVersions={data.olderVersions} locations={data.locations} onChanged={changed} />
          {data.chefBuddyOf.length > 0 || data.followedPairs.length > 0 || data.isLeadership ? <FollowedPairs home={data} base={base} onChanged={changed} /> : null}
          <section aria-labelledby="onboarding-roles">
            <h2 id="onboarding-roles">{t('De buddy en de chef-buddy')}</h2>
            <h3>{t('De rol van de buddy')}</h3>
            <p className="preserve-lines">{data.texts.buddyRole}</p>
            <h3>{t('De taken van de chef-buddy')}</h3>
            <p className="preserve-lines">{data.texts.chefBuddyTasks}</p>
            {data.chefBuddies.length > 0 ? (
              <ul>
                {data.chefBuddies.map((chef) => (
                  <li key={chef.locationId}>
                    {t('{{location}}: {{name}}', { location: data.locations.find((location) => location.id === chef.locationId)?.name ?? '', name: chef.user.name })}
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t('Er is nog geen chef-buddy aangewezen.')}</p>
            )}
          </section>
          {data.canSeeFigures ? <EvaluationFigures url={`${base}/evaluation-results`} /> : null}
          {data.canManage ? <OnboardingSettingsSection base={base} onChanged={home.reload} /> : null}
        </>
      )}
    </Page>
  );
}

/** The current guide: each section with its confirmation; older versions to read back. */
function Guide({
  base,
  guide,
  olderVersions,
  locations,
  onChanged,
}: {
  base: string;
  guide: GuideView | null;
  olderVersions: OnboardingHome['olderVersions'];
  locations: OnboardingHome['locations'];
  onChanged: (message: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const refusal = useRefusalWords();
  const [failure, setFailure] = useState<string | null>(null);
  const [olderVersion, setOlderVersion] = useState<number | null>(null);
  const older = useApiData<GuideView>(olderVersion === null ? null : `${base}/guide/versions/${olderVersion}`);
  const confirm = async (sectionId: string, title: string) => {
    setFailure(null);
    try {
      await api.post<GuideView>(`${base}/guide/sections/${encodeURIComponent(sectionId)}/confirmation`);
      onChanged(t('Je hebt bevestigd dat je “{{title}}” hebt gelezen.', { title }));
    } catch (error) {
      setFailure(refusal.failure(error));
    }
  };
  const locationName = (id: string | null) => (id === null ? t('De hele school') : (locations.find((location) => location.id === id)?.name ?? ''));
  return (
    <section aria-labelledby="onboarding-guide">
      <h2 id="onboarding-guide">{t('Het inwerkboek')}</h2>
      {!guide ? (
        <p>{t('De school heeft het inwerkboek nog niet gepubliceerd.')}</p>
      ) : (
        <>
          <p>
            {t('Versie {{version}}, van {{date}}.', { version: guide.version, date: format.date(schoolDateOf(new Date(guide.publishedAt))) })}{' '}
            {t('{{confirmed}} van {{total}} hoofdstukken gelezen.', { confirmed: guide.sections.filter((section) => section.isConfirmed).length, total: guide.sections.length })}
          </p>
          <ErrorMessage message={failure} />
          <ul className="care-stack">
            {guide.sections.map((section) => (
              <li key={section.id} className="card">
                <h3>{section.title}</h3>
                <p className="hint">
                  {sectionKindLabel(t, section.kind)} · {locationName(section.locationId)}
                </p>
                <p className="preserve-lines">{section.body}</p>
                {section.isConfirmed ? (
                  <p>{t('Gelezen en bevestigd.')}</p>
                ) : (
                  <>
                    {section.hasChangedSinceConfirmed ? <p className="notice notice-warning">{t('Dit hoofdstuk is veranderd sinds je het las.')}</p> : null}
                    <button type="button" className="button button-small" onClick={() => void confirm(section.id, section.title)}>
                      {t('Ik heb “{{title}}” gelezen', { title: section.title })}
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
          {olderVersions.length > 0 ? (
            <>
              <h3>{t('Eerdere versies')}</h3>
              <ul>
                {olderVersions.map((version) => (
                  <li key={version.version}>
                    <button type="button" className="button-link" onClick={() => setOlderVersion(version.version)}>
                      {t('Versie {{version}}, van {{date}}', { version: version.version, date: format.date(schoolDateOf(new Date(version.publishedAt))) })}
                    </button>
                  </li>
                ))}
              </ul>
              {older.data ? (
                <div className="card card-quiet">
                  <h4>{t('Versie {{version}}', { version: older.data.version })}</h4>
                  {older.data.sections.map((section) => (
                    <div key={section.id}>
                      <h5>{section.title}</h5>
                      <p className="preserve-lines">{section.body}</p>
                    </div>
                  ))}
                </div>
              ) : null}
            </>
          ) : null}
        </>
      )}
    </section>
  );
}

/** The pairs a chef-buddy (their locations) or the school leader (all) follows, and the chef-buddy's pairing form. */
function FollowedPairs({ home, base, onChanged }: { home: OnboardingHome; base: string; onChanged: (message: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const refusal = useRefusalWords();
  const [ending, setEnding] = useState<PairSummary | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const locationName = (id: string | null) => home.locations.find((location) => location.id === id)?.name ?? '';
  const endPair = async () => {
    if (!ending) return;
    try {
      await api.delete(`${base}/pairs/${encodeURIComponent(ending.id)}`);
      setEnding(null);
      onChanged(t('De koppeling van {{name}} is beëindigd.', { name: ending.newcomer.name }));
    } catch (error) {
      setFailure(refusal.failure(error));
    }
  };
  return (
    <section aria-labelledby="onboarding-pairs">
      <h2 id="onboarding-pairs">{t('Nieuwe collega’s en hun buddy')}</h2>
      <p className="hint">{t('Je ziet hoe het inwerken loopt en of er gesprekken zijn geweest. Wat er in een gesprek gezegd is, blijft tussen de buddy en de nieuwe collega.')}</p>
      {home.followedPairs.length === 0 ? (
        <p>{t('Er zijn nog geen koppels.')}</p>
      ) : (
        <TableWrap label={t('Voortgang van elk koppel')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('Nieuwe collega')}</th>
                <th scope="col">{t('Buddy')}</th>
                <th scope="col">{t('Locatie')}</th>
                <th scope="col">{t('Gestart')}</th>
                <th scope="col">{t('Waar staan ze')}</th>
                <th scope="col">{t('Afgevinkt')}</th>
                <th scope="col">{t('Gesprekken')}</th>
                <th scope="col">{t('Inwerkboek gelezen')}</th>
                <th scope="col">{t('Terugblik')}</th>
                {home.chefBuddyOf.length > 0 ? <th scope="col">{t('Koppeling')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {home.followedPairs.map((pair) => (
                <tr key={pair.id}>
                  <th scope="row">{pair.newcomer.name}</th>
                  <td>{pair.buddy.name}</td>
                  <td>{locationName(pair.locationId)}</td>
                  <td>{format.date(pair.startedOn)}</td>
                  <td>{rampWeekStatus(t, pair.week)}</td>
                  <td>{pair.progress.map((week) => `${week.ticked}/${week.total}`).join(' · ')}</td>
                  <td>{t('{{held}} gehouden, {{planned}} gepland', { held: pair.conversationsHeld, planned: pair.conversationsPlanned })}</td>
                  <td>{t('{{confirmed}} van {{total}}', { confirmed: pair.guideConfirmed, total: pair.guideSections })}</td>
                  <td>{pair.evaluationSubmitted ? t('ingeleverd') : t('nog niet')}</td>
                  {home.chefBuddyOf.length > 0 ? (
                    <td>
                      {pair.locationId !== null && home.chefBuddyOf.includes(pair.locationId) ? (
                        <button type="button" className="button button-small button-secondary" onClick={() => setEnding(pair)}>
                          {t('Beëindigen')}
                        </button>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <ErrorMessage message={failure} />
      {home.chefBuddyOf.length > 0 ? (
        <PairForm
          key={formKey}
          home={home}
          url={`${base}/pairs`}
          onSaved={(text) => {
            setFormKey((value) => value + 1);
            onChanged(text);
          }}
        />
      ) : null}
      <ConfirmDialog
        isOpen={ending !== null}
        title={t('Koppeling beëindigen?')}
        message={t('De koppeling van {{name}} met buddy {{buddy}} verdwijnt, met de vinkjes, de gesprekken en de terugblik.', { name: ending?.newcomer.name ?? '', buddy: ending?.buddy.name ?? '' })}
        confirmLabel={t('Beëindigen')}
        isDangerous
        onConfirm={endPair}
        onCancel={() => setEnding(null)}
      />
    </section>
  );
}

/** The chef-buddy pairs a new colleague with a buddy at one of their locations. */
function PairForm({ home, url, onSaved }: { home: OnboardingHome; url: string; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const { errors, check, fromError } = useFormErrors('pair-');
  const paired = new Set(home.followedPairs.map((pair) => pair.newcomer.id));
  const [locationId, setLocationId] = useState(home.chefBuddyOf[0] ?? '');
  const [newcomerUserId, setNewcomerUserId] = useState('');
  const [buddyUserId, setBuddyUserId] = useState('');
  const [startedOn, setStartedOn] = useState(schoolDateOf(new Date()));
  const [isBusy, setIsBusy] = useState(false);
  const labels = { 'pair-locationId': t('Locatie'), 'pair-newcomerUserId': t('Nieuwe collega'), 'pair-buddyUserId': t('Buddy'), 'pair-startedOn': t('Eerste werkdag') };
  const choose = { value: '', label: t('Kies een collega') };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const isValid = check(
      {
        'pair-newcomerUserId': newcomerUserId === '' && t('Kies de nieuwe collega.'),
        'pair-buddyUserId': (buddyUserId === '' && t('Kies een buddy.')) || (buddyUserId === newcomerUserId && t('Kies als buddy iemand anders dan de nieuwe collega.')),
        'pair-startedOn': startedOn === '' && t('Vul de eerste werkdag in.'),
      },
      t('De koppeling is nog niet gemaakt.'),
    );
    if (!isValid) return;
    setIsBusy(true);
    try {
      const body: PairBody = { locationId, newcomerUserId, buddyUserId, startedOn };
      const pair = await api.post<PairDetail>(url, body);
      onSaved(t('{{name}} heeft nu {{buddy}} als buddy.', { name: pair.newcomer.name, buddy: pair.buddy.name }));
    } catch (error) {
      fromError(error, {}, t('De koppeling is nog niet gemaakt.'));
    } finally {
      setIsBusy(false);
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="card">
      <h3>{t('Nieuwe collega koppelen aan een buddy')}</h3>
      <ErrorSummary errors={errors} labels={labels} />
      {home.chefBuddyOf.length > 1 ? (
        <SelectField
          id="pair-locationId"
          label={labels['pair-locationId']!}
          value={locationId}
          onChange={setLocationId}
          options={home.chefBuddyOf.map((id) => ({ value: id, label: home.locations.find((location) => location.id === id)?.name ?? '' }))}
        />
      ) : null}
      <SelectField
        id="pair-newcomerUserId"
        label={labels['pair-newcomerUserId']!}
        value={newcomerUserId}
        onChange={setNewcomerUserId}
        error={errors.fields['pair-newcomerUserId']}
        options={[choose, ...home.colleagues.filter((colleague) => !paired.has(colleague.id)).map((colleague) => ({ value: colleague.id, label: colleague.name }))]}
      />
      <SelectField
        id="pair-buddyUserId"
        label={labels['pair-buddyUserId']!}
        value={buddyUserId}
        onChange={setBuddyUserId}
        error={errors.fields['pair-buddyUserId']}
        options={[choose, ...home.colleagues.map((colleague) => ({ value: colleague.id, label: colleague.name }))]}
      />
      <TextField id="pair-startedOn" type="date" label={labels['pair-startedOn']!} value={startedOn} onChange={setStartedOn} error={errors.fields['pair-startedOn']} required />
      <FormActions>
        <button type="submit" className="button" disabled={isBusy}>
          {t('Koppelen')}
        </button>
      </FormActions>
    </form>
  );
}
