import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { BOTTOM_UP_HELPS, KEY_PERSON_RELATIONS, type KeyPersonRelation } from '../../../shared/care';
import { api, apiPath } from '../../api/api-client';
import type { CareFile, CarePlanContent, CarePlanVersion, PupilScreenings, SavePlanBody } from '../../api/care-types';
import { useApiData } from '../../api/use-api-data';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useRefusalWords } from '../../components/form-errors';
import { CheckboxGroup, FormActions, SelectField, TextAreaField, TextField } from '../../components/form-fields';
import { ErrorMessage, LoadState, SuccessMessage } from '../../components/load-state';
import { Page } from '../../components/page';
import { useFormat } from '../../i18n/format';
import { useSchool } from '../school/school-layout';
import { CareAcesSection } from './care-aces-section';
import { CareConversationsSection } from './care-conversations-section';
import { bottomUpLabel, relationLabel } from './care-labels';
import { CareExportLinks } from './care-export-links';
import { CareMeldcodeSection } from './care-meldcode-section';
import { breakGlassPath, careOverviewPath } from './care-paths';
import { CareReferralsSection } from './care-referrals-section';
import { CareScreeningsSection } from './care-screenings-section';

const TEXT_MAX = 4000;

/**
 * One pupil's care file: trusted adults, the support-and-signalling plan and pupil conversations (the pupil's
 * teachers and the care team), for the care team also ACEs, screenings, referrals and the meldcode. Opened by
 * break-glass it shows the plan and trusted adults only, read-only.
 */
export function PupilCarePage() {
  const { t } = useTranslation();
  const { school, can } = useSchool();
  const { pupilId = '' } = useParams();
  const file = useApiData<CareFile>(apiPath('/api/schools/:schoolId/pupils/:pupilId/care', { schoolId: school.id, pupilId }));

  if (!file.data) {
    return (
      <Page title={t('Zorgdossier')}>
        {file.error?.code === 'not_found' ? (
          <>
            <p className="notice notice-error" role="alert">
              {t('Deze leerling bestaat niet, of je hebt geen reden om dit dossier in te zien: het is er voor de leerkrachten van de leerling en het zorgteam.')}
            </p>
            {can('school.care.break_glass') ? (
              <p>
                {t('Is er nu een crisis en heb je het plan nodig?')} <Link to={breakGlassPath(school.id, pupilId)}>{t('Noodtoegang vragen')}</Link>
              </p>
            ) : null}
          </>
        ) : (
          <LoadState error={file.error} isLoading={file.isLoading} />
        )}
      </Page>
    );
  }
  const data = file.data;
  const mayEdit = data.access.via !== 'break_glass';
  return (
    <Page title={t('Zorgdossier van {{name}}', { name: `${data.pupil.firstName} ${data.pupil.lastName}` })} intro={<AccessLine file={data} />}>
      {can('school.care.overview') ? (
        <p>
          <Link to={careOverviewPath(school.id)}>{t('Terug naar het zorgoverzicht')}</Link>
        </p>
      ) : null}
      <TrustedAdultsSection file={data} mayEdit={mayEdit} onChanged={file.reload} />
      <SupportPlanSection file={data} mayEdit={mayEdit} onSaved={file.reload} />
      {mayEdit && can('school.care.plans.write') ? <CareConversationsSection pupilId={data.pupil.id} /> : null}
      {can('school.care.sensitive') ? <CareTeamSections pupilId={data.pupil.id} /> : null}
      {can('school.care.meldcode') ? <CareMeldcodeSection pupilId={data.pupil.id} /> : null}
      {can('school.care.sensitive') ? <CareExportLinks schoolId={school.id} pupilId={data.pupil.id} /> : null}
    </Page>
  );
}

/** The care team's part of the file; the screenings are read once for their own section and the referral form. */
function CareTeamSections({ pupilId }: { pupilId: string }) {
  const { school } = useSchool();
  const screenings = useApiData<PupilScreenings>(apiPath('/api/schools/:schoolId/pupils/:pupilId/care/screenings', { schoolId: school.id, pupilId }));
  return (
    <>
      <CareAcesSection pupilId={pupilId} />
      <CareScreeningsSection pupilId={pupilId} screenings={screenings} />
      <CareReferralsSection pupilId={pupilId} screenings={screenings.data?.screenings ?? []} />
    </>
  );
}

function AccessLine({ file }: { file: CareFile }) {
  const { t } = useTranslation();
  const format = useFormat();
  const className = file.pupil.className ?? t('geen klas dit schooljaar');
  if (file.access.via === 'break_glass') {
    return (
      <p className="notice notice-warning">
        {t('Je leest dit plan via noodtoegang, tot {{time}}. Alleen lezen; het zorgteam is op de hoogte gebracht.', { time: format.dateTime(file.access.expiresAt) })}
      </p>
    );
  }
  return (
    <p className="muted">
      {className} ·{' '}
      {t('Alleen de leerkrachten van deze leerling en het zorgteam lezen dit dossier; elke keer dat iemand het opent, staat in het logboek.')}
    </p>
  );
}

// ---------- trusted adults ----------

function TrustedAdultsSection({ file, mayEdit, onChanged }: { file: CareFile; mayEdit: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const { school } = useSchool();
  const refusal = useRefusalWords();
  const [userId, setUserId] = useState('');
  const [why, setWhy] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [removing, setRemoving] = useState<CareFile['trustedAdults'][number] | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const base = apiPath('/api/schools/:schoolId/pupils/:pupilId/care/trusted-adults', { schoolId: school.id, pupilId: file.pupil.id });
  const chosen = new Set(file.trustedAdults.map((adult) => adult.userId));
  const choices = file.staffChoices.filter((staff) => !chosen.has(staff.userId));

  const add = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    if (userId === '') {
      setError(t('Kies de collega die de leerling vertrouwt.'));
      return;
    }
    setError(null);
    try {
      await api.post(base, { userId, why: why.trim() });
      setSaved(t('De vertrouwde volwassene is toegevoegd.'));
      setUserId('');
      setWhy('');
      onChanged();
    } catch (failure) {
      setError(refusal.failure(failure));
    }
  };
  const remove = async () => {
    if (!removing) return;
    try {
      await api.delete(`${base}/${removing.id}`);
      setRemoving(null);
      onChanged();
    } catch (failure) {
      setRemoveError(refusal.failure(failure));
    }
  };

  return (
    <section aria-labelledby="vertrouwd-kop">
      <h2 id="vertrouwd-kop">{t('Vertrouwde volwassenen')}</h2>
      {file.trustedAdults.length === 0 ? (
        <p className="notice">{t('Nog geen vertrouwde volwassene vastgelegd. Vraag de leerling bij wie op school hij of zij terecht kan.')}</p>
      ) : (
        <ul className="card-list">
          {file.trustedAdults.map((adult) => (
            <li key={adult.id} className="card card-quiet">
              <p>
                <strong>{adult.name}</strong>
              </p>
              {adult.why ? <p className="care-quote">{adult.why}</p> : null}
              {mayEdit ? (
                <button type="button" className="button button-small button-secondary" onClick={() => setRemoving(adult)} aria-label={t('{{name}} weghalen als vertrouwde volwassene', { name: adult.name })}>
                  {t('Weghalen')}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {mayEdit ? (
        <form onSubmit={(event) => void add(event)} noValidate className="card">
          <h3>{t('Vertrouwde volwassene toevoegen')}</h3>
          <SuccessMessage message={saved} />
          <SelectField
            id="vertrouwd-collega"
            label={t('Collega')}
            value={userId}
            onChange={setUserId}
            error={error ?? undefined}
            options={[{ value: '', label: t('Kies een collega') }, ...choices.map((staff) => ({ value: staff.userId, label: staff.name }))]}
          />
          <TextAreaField
            id="vertrouwd-waarom"
            label={t('Waarom deze volwassene, in de woorden van de leerling')}
            hint={t('Bijvoorbeeld: "Zij merkt het als het niet goed gaat." Mag leeg blijven.')}
            value={why}
            onChange={setWhy}
            maxLength={TEXT_MAX}
          />
          <FormActions>
            <button type="submit" className="button">
              {t('Toevoegen')}
            </button>
          </FormActions>
        </form>
      ) : null}
      <ConfirmDialog
        isOpen={removing !== null}
        title={t('Vertrouwde volwassene weghalen?')}
        message={t('{{name}} staat daarna niet meer bij de vertrouwde volwassenen van deze leerling.', { name: removing?.name ?? '' })}
        confirmLabel={t('Weghalen')}
        onConfirm={() => void remove()}
        onCancel={() => {
          setRemoving(null);
          setRemoveError(null);
        }}
        isDangerous
        error={removeError}
      />
    </section>
  );
}

// ---------- the support-and-signalling plan ----------

const EMPTY_PLAN: CarePlanContent = {
  earlySigns: '',
  bottomUpHelps: [],
  bottomUp: '',
  topDown: '',
  notHelping: '',
  agreements: '',
  whoToCall: '',
  madeWith: '',
  keyPeople: [],
};

type PlanTextField = Exclude<keyof CarePlanContent, 'bottomUpHelps' | 'keyPeople'>;

function usePlanTextLabels(): Record<PlanTextField, { label: string; hint: string }> {
  const { t } = useTranslation();
  return {
    earlySigns: { label: t('Zo merk je dat de spanning oploopt'), hint: t('De eerste signalen bij deze leerling: wat zie of hoor je?') },
    bottomUp: { label: t('Wat helpt vanuit het lijf'), hint: t('Hoe dit kind het best tot rust komt: welke beweging, welk plekje, welke ademhaling.') },
    topDown: { label: t('Wat helpt met denken en praten'), hint: t('Benoemen wat er gebeurt, samen terugkijken als de rust terug is.') },
    notHelping: { label: t('Wat niet helpt'), hint: t('Wat de spanning juist verhoogt.') },
    agreements: { label: t('Afspraken met de leerling'), hint: t('Bijvoorbeeld een time-out-kaartje of een vaste plek.') },
    whoToCall: { label: t('Wie bel je'), hint: t('Binnen en buiten school, in welke volgorde.') },
    madeWith: { label: t('Gemaakt met'), hint: t('Met wie en wanneer: de leerling en de mensen die belangrijk voor hem of haar zijn.') },
  };
}

function SupportPlanSection({ file, mayEdit, onSaved }: { file: CareFile; mayEdit: boolean; onSaved: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { school } = useSchool();
  const [isEditing, setIsEditing] = useState(false);
  const [shown, setShown] = useState<CarePlanVersion | null>(null);
  const [versionError, setVersionError] = useState<string | null>(null);
  const refusal = useRefusalWords();
  const plan = file.plan;

  const showVersion = async (version: number) => {
    setVersionError(null);
    try {
      setShown(await api.get<CarePlanVersion>(apiPath('/api/schools/:schoolId/pupils/:pupilId/care/support-plan/versions/:version', { schoolId: school.id, pupilId: file.pupil.id, version: String(version) })));
    } catch (failure) {
      setVersionError(refusal.failure(failure));
    }
  };

  return (
    <section aria-labelledby="plan-kop">
      <h2 id="plan-kop">{t('Steun- en signaleringsplan')}</h2>
      {isEditing ? (
        <PlanForm
          file={file}
          onDone={(isSaved) => {
            setIsEditing(false);
            if (isSaved) onSaved();
          }}
        />
      ) : plan === null ? (
        <p className="notice">{t('Er is nog geen plan. Maak het samen met de leerling en de mensen die belangrijk voor hem of haar zijn.')}</p>
      ) : (
        <>
          <p className={plan.reviewOverdue ? 'notice notice-warning' : 'muted'}>
            {plan.reviewOverdue
              ? t('Het plan had op {{date}} opnieuw bekeken moeten worden.', { date: format.date(plan.reviewOn) })
              : t('Versie {{version}} · opnieuw bekijken op {{date}}', { version: plan.version, date: format.date(plan.reviewOn) })}
          </p>
          <PlanView content={plan.content} />
        </>
      )}
      {mayEdit && !isEditing ? (
        <p>
          <button type="button" className="button" onClick={() => setIsEditing(true)}>
            {plan === null ? t('Plan maken') : t('Plan aanpassen')}
          </button>
        </p>
      ) : null}
      {file.planVersions.length > 1 ? (
        <details className="care-versions">
          <summary>{t('Eerdere versies ({{number}})', { number: file.planVersions.length - 1 })}</summary>
          <ul>
            {file.planVersions.slice(1).map((version) => (
              <li key={version.version}>
                <button type="button" className="button-link" onClick={() => void showVersion(version.version)}>
                  {t('Versie {{version}} van {{date}}', { version: version.version, date: format.dateTime(version.createdAt) })}
                </button>
                {version.authorName ? ` · ${version.authorName}` : null}
              </li>
            ))}
          </ul>
          <ErrorMessage message={versionError} />
          {shown ? (
            <div className="card card-quiet" aria-live="polite">
              <h3>{t('Versie {{version}}', { version: shown.version })}</h3>
              <PlanView content={shown.content} />
            </div>
          ) : null}
        </details>
      ) : null}
    </section>
  );
}

function PlanView({ content }: { content: CarePlanContent }) {
  const { t } = useTranslation();
  const labels = usePlanTextLabels();
  const helps = content.bottomUpHelps.map((help) => bottomUpLabel(t, help));
  return (
    <dl className="care-plan">
      {(Object.keys(labels) as PlanTextField[]).map((field) => (
        <div key={field}>
          <dt>{labels[field].label}</dt>
          <dd>
            {field === 'bottomUp' && helps.length > 0 ? <p>{helps.join(' · ')}</p> : null}
            {content[field] ? <p className="care-text">{content[field]}</p> : field === 'bottomUp' && helps.length > 0 ? null : <p className="muted">{t('Nog niet ingevuld')}</p>}
          </dd>
        </div>
      ))}
      <div>
        <dt>{t('Belangrijke mensen buiten school')}</dt>
        <dd>
          {content.keyPeople.length === 0 ? (
            <p className="muted">{t('Nog niet ingevuld')}</p>
          ) : (
            <ul>
              {content.keyPeople.map((person, index) => (
                <li key={index}>
                  {relationLabel(t, person.relation)}
                  {person.name ? `: ${person.name}` : null}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </div>
    </dl>
  );
}

/** Three months from today: a plan is looked at again at least each term. */
function defaultReviewDate(): string {
  const date = new Date();
  date.setMonth(date.getMonth() + 3);
  return date.toISOString().slice(0, 10);
}

function PlanForm({ file, onDone }: { file: CareFile; onDone: (isSaved: boolean) => void }) {
  const { t } = useTranslation();
  const { school } = useSchool();
  const refusal = useRefusalWords();
  const labels = usePlanTextLabels();
  const [content, setContent] = useState<CarePlanContent>(file.plan?.content ?? EMPTY_PLAN);
  const [reviewOn, setReviewOn] = useState(file.plan && !file.plan.reviewOverdue ? file.plan.reviewOn : defaultReviewDate());
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const set = <K extends keyof CarePlanContent>(field: K, value: CarePlanContent[K]) => setContent((current) => ({ ...current, [field]: value }));
  const setPerson = (index: number, change: Partial<CarePlanContent['keyPeople'][number]>) =>
    set(
      'keyPeople',
      content.keyPeople.map((person, at) => (at === index ? { ...person, ...change } : person)),
    );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(reviewOn)) {
      setError(t('Kies de datum waarop jullie het plan opnieuw bekijken.'));
      return;
    }
    setError(null);
    setIsBusy(true);
    const body: SavePlanBody = {
      content: { ...content, keyPeople: content.keyPeople.map((person) => (person.name?.trim() ? { relation: person.relation, name: person.name.trim() } : { relation: person.relation })) },
      reviewOn,
    };
    try {
      await api.put(apiPath('/api/schools/:schoolId/pupils/:pupilId/care/support-plan', { schoolId: school.id, pupilId: file.pupil.id }), body);
      onDone(true);
    } catch (failure) {
      setError(refusal.failure(failure));
      setIsBusy(false);
    }
  };

  const textField = (field: PlanTextField) => (
    <TextAreaField key={field} id={`plan-${field}`} label={labels[field].label} hint={labels[field].hint} value={content[field]} onChange={(value) => set(field, value)} maxLength={TEXT_MAX} />
  );
  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="card">
      <p className="hint">{t('Opslaan maakt een nieuwe versie; eerdere versies blijven te lezen.')}</p>
      <ErrorMessage message={error} />
      {textField('earlySigns')}
      <CheckboxGroup
        id="plan-bottomUpHelps"
        legend={t('Wat helpt om tot rust te komen')}
        options={BOTTOM_UP_HELPS.map((help) => ({ value: help, label: bottomUpLabel(t, help) }))}
        selected={content.bottomUpHelps}
        onChange={(selected) => set('bottomUpHelps', selected)}
      />
      {textField('bottomUp')}
      {textField('topDown')}
      {textField('notHelping')}
      {textField('agreements')}
      {textField('whoToCall')}
      <fieldset className="field">
        <legend>{t('Belangrijke mensen buiten school')}</legend>
        <p className="hint">{t('Een naam is niet nodig: "moeder" of "de voetbaltrainer" is genoeg.')}</p>
        {content.keyPeople.map((person, index) => (
          <div key={index} className="care-key-person">
            <SelectField
              id={`plan-persoon-${index}-relatie`}
              label={t('Wie (persoon {{number}})', { number: index + 1 })}
              value={person.relation}
              onChange={(value) => setPerson(index, { relation: value as KeyPersonRelation })}
              options={KEY_PERSON_RELATIONS.map((relation) => ({ value: relation, label: relationLabel(t, relation) }))}
            />
            <TextField id={`plan-persoon-${index}-naam`} label={t('Naam (mag leeg)')} value={person.name ?? ''} onChange={(value) => setPerson(index, { name: value })} maxLength={120} />
            <button type="button" className="button button-small button-secondary" onClick={() => set('keyPeople', content.keyPeople.filter((_, at) => at !== index))}>
              {t('Persoon {{number}} weghalen', { number: index + 1 })}
            </button>
          </div>
        ))}
        {content.keyPeople.length < 10 ? (
          <button type="button" className="button button-small button-secondary" onClick={() => set('keyPeople', [...content.keyPeople, { relation: 'parent' }])}>
            {t('Persoon toevoegen')}
          </button>
        ) : null}
      </fieldset>
      {textField('madeWith')}
      <TextField id="plan-reviewOn" type="date" label={t('Opnieuw bekijken op')} hint={t('Het zorgteam ziet in het zorgoverzicht welke plannen over hun datum zijn.')} value={reviewOn} onChange={setReviewOn} />
      <FormActions>
        <button type="submit" className="button" disabled={isBusy}>
          {t('Plan opslaan')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => onDone(false)}>
          {t('Annuleren')}
        </button>
      </FormActions>
    </form>
  );
}
