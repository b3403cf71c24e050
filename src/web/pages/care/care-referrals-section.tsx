import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REFERRAL_STATUSES, type ReferralStatus } from '../../../shared/referrals';
import { schoolDateOf } from '../../../shared/school-time';
import { api, apiPath } from '../../api/api-client';
import type { AddReferralBody, ChangeReferralBody, Referral, Referrals, Screening } from '../../api/care-types';
import { useApiData } from '../../api/use-api-data';
import { useFormErrors } from '../../components/form-errors';
import { ErrorSummary, SaveActions, SelectField, TextAreaField, TextField } from '../../components/form-fields';
import { LoadState, SuccessMessage } from '../../components/load-state';
import { useFormat } from '../../i18n/format';
import { PartnerDatalist } from '../partners/partner-care-hints';
import { useModelText } from '../selfscan/selfscan-model';
import { useSchool } from '../school/school-layout';
import { EntryFormHeading, fieldIdsOf, useEntryEditing } from './care-entry-form';
import { referralStatusLabel } from './care-labels';

const PREFIX = 'verwijzing-';
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Referrals of one pupil to help outside school, for the care team: to whom, why, where it stands and when to look
 * at it again; a follow-up whose date has come is marked until the referral ends.
 */
export function CareReferralsSection({ pupilId, screenings }: { pupilId: string; screenings: readonly Screening[] }) {
  const { t } = useTranslation();
  const { school } = useSchool();
  const base = apiPath('/api/schools/:schoolId/pupils/:pupilId/care/referrals', { schoolId: school.id, pupilId });
  const referrals = useApiData<Referrals>(base);
  const entry = useEntryEditing<Referral>(referrals.reload);
  return (
    <section aria-labelledby="verwijzingen-kop">
      <h2 id="verwijzingen-kop">{t('Verwijzingen')}</h2>
      {referrals.data ? (
        <>
          <p className="muted">{t('Alleen het zorgteam ziet dit. Een verwijzing met een opvolgdatum staat vanaf die datum in het zorgoverzicht, tot ze is afgesloten.')}</p>
          <SuccessMessage message={entry.saved} />
          {referrals.data.length === 0 ? <p className="notice">{t('Nog geen verwijzingen.')}</p> : null}
          <ul className="care-stack">
            {referrals.data.map((referral) => (
              <li key={referral.id}>
                <ReferralView
                  referral={referral}
                  screenings={screenings}
                  onEdit={() => entry.edit(referral)}
                />
              </li>
            ))}
          </ul>
          <ReferralForm key={entry.formKey} base={base} editing={entry.editing} screenings={screenings} onSaved={entry.afterSave} onCancel={entry.cancel} />
        </>
      ) : (
        <LoadState error={referrals.error} isLoading={referrals.isLoading} />
      )}
    </section>
  );
}

function ReferralView({ referral, screenings, onEdit }: { referral: Referral; screenings: readonly Screening[]; onEdit: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const screeningName = useScreeningName();
  const screening = screenings.find((entry) => entry.id === referral.screeningId);
  return (
    <article className={referral.isFollowUpDue ? 'card notice-warning' : 'card card-quiet'}>
      <h3>{referral.toWhom}</h3>
      <p className="muted">
        {t('Verwezen op {{date}}', { date: format.date(referral.referredOn) })}
        {referral.createdByName ? ` · ${t('vastgelegd door {{name}}', { name: referral.createdByName })}` : null}
      </p>
      <dl className="care-plan">
        <div>
          <dt>{t('Stand van zaken')}</dt>
          <dd>{referralStatusLabel(t, referral.status)}</dd>
        </div>
        <div>
          <dt>{t('Opvolgen')}</dt>
          <dd>
            {referral.followUpOn === null ? (
              <span className="muted">{t('geen datum')}</span>
            ) : referral.isFollowUpDue ? (
              <strong>{t('Nu opvolgen: de datum was {{date}}', { date: format.date(referral.followUpOn) })}</strong>
            ) : (
              t('op {{date}}', { date: format.date(referral.followUpOn) })
            )}
          </dd>
        </div>
        {referral.reason ? (
          <div>
            <dt>{t('Reden')}</dt>
            <dd>
              <p className="care-text">{referral.reason}</p>
            </dd>
          </div>
        ) : null}
        {screening ? (
          <div>
            <dt>{t('Naar aanleiding van')}</dt>
            <dd>{screeningName(screening)}</dd>
          </div>
        ) : null}
      </dl>
      <button type="button" className="button button-small button-secondary" onClick={onEdit} aria-label={t('Verwijzing naar {{name}} wijzigen', { name: referral.toWhom })}>
        {t('Wijzigen')}
      </button>
    </article>
  );
}

/** How a screening is named where a referral points to it: the list and its date. */
function useScreeningName(): (screening: Screening) => string {
  const text = useModelText();
  const format = useFormat();
  return (screening) => `${text(screening.instrumentName)}, ${format.date(screening.takenOn)}`;
}

function ReferralForm({
  base,
  editing,
  screenings,
  onSaved,
  onCancel,
}: {
  base: string;
  editing: Referral | null;
  screenings: readonly Screening[];
  onSaved: (message: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { school, can } = useSchool();
  // The school's partner organisations as suggestions, for whoever may read the partners register.
  const partnersListId = can('school.partners') ? `${PREFIX}partners` : undefined;
  const screeningName = useScreeningName();
  const { errors, check, fromError } = useFormErrors(PREFIX);
  const [toWhom, setToWhom] = useState(editing?.toWhom ?? '');
  const [referredOn, setReferredOn] = useState(editing?.referredOn ?? schoolDateOf(new Date()));
  const [reason, setReason] = useState(editing?.reason ?? '');
  const [status, setStatus] = useState<ReferralStatus>(editing?.status ?? 'proposed');
  const [followUpOn, setFollowUpOn] = useState(editing?.followUpOn ?? '');
  const [screeningId, setScreeningId] = useState('');
  const [isBusy, setIsBusy] = useState(false);
  const label = {
    toWhom: t('Naar wie'),
    referredOn: t('Datum van de verwijzing'),
    reason: t('Reden'),
    status: t('Stand van zaken'),
    followUpOn: t('Opvolgen op'),
    screeningId: t('Naar aanleiding van een screening'),
  };
  const { id, summaryLabels } = fieldIdsOf(PREFIX, label);
  const messages = {
    toWhom: t('Vul in naar wie de leerling verwezen wordt: op één regel, hoogstens 200 tekens.'),
    referredOn: t('Kies een datum van vandaag of eerder.'),
    followUpOn: t('Kies een geldige datum, of laat het veld leeg.'),
    screeningId: t('Kies een screening van deze leerling.'),
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const isValid = check(
      {
        [id('toWhom')]: (toWhom.trim() === '' || toWhom.length > 200) && messages.toWhom,
        [id('referredOn')]: !editing && (!DATE_PATTERN.test(referredOn) || referredOn > schoolDateOf(new Date())) && messages.referredOn,
        [id('followUpOn')]: followUpOn !== '' && !DATE_PATTERN.test(followUpOn) && messages.followUpOn,
      },
      t('Niet alle velden zijn goed ingevuld.'),
    );
    if (!isValid) return;
    const changes: ChangeReferralBody = { toWhom: toWhom.trim(), reason, status, followUpOn: followUpOn === '' ? null : followUpOn };
    setIsBusy(true);
    try {
      if (editing) {
        await api.put(`${base}/${editing.id}`, changes);
      } else {
        const body: AddReferralBody = { ...changes, toWhom: toWhom.trim(), referredOn, screeningId: screeningId === '' ? null : screeningId };
        await api.post(base, body);
      }
      onSaved(editing ? t('De verwijzing is bijgewerkt.') : t('De verwijzing is opgeslagen.'));
    } catch (failure) {
      fromError(failure, messages, t('Kijk dit veld na.'));
      setIsBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="card">
      <EntryFormHeading isEditing={editing !== null}>{editing ? t('Verwijzing naar {{name}} wijzigen', { name: editing.toWhom }) : t('Verwijzing toevoegen')}</EntryFormHeading>
      <ErrorSummary errors={errors} labels={summaryLabels} />
      <TextField
        id={id('toWhom')}
        label={label.toWhom}
        hint={t('Een organisatie of persoon, bijvoorbeeld de jeugdarts of een praktijk voor kinder- en jeugdpsychologie.')}
        value={toWhom}
        onChange={setToWhom}
        error={errors.fields[id('toWhom')]}
        maxLength={200}
        list={partnersListId}
        required
      />
      {partnersListId ? <PartnerDatalist schoolId={school.id} id={partnersListId} /> : null}
      {editing ? null : <TextField id={id('referredOn')} type="date" label={label.referredOn} value={referredOn} onChange={setReferredOn} error={errors.fields[id('referredOn')]} required />}
      <TextAreaField id={id('reason')} label={label.reason} value={reason} onChange={setReason} error={errors.fields[id('reason')]} maxLength={4000} />
      <SelectField
        id={id('status')}
        label={label.status}
        value={status}
        onChange={(value) => setStatus(value as ReferralStatus)}
        options={REFERRAL_STATUSES.map((value) => ({ value, label: referralStatusLabel(t, value) }))}
        error={errors.fields[id('status')]}
      />
      <TextField
        id={id('followUpOn')}
        type="date"
        label={label.followUpOn}
        hint={t('Vanaf deze datum staat de verwijzing in het zorgoverzicht, tot ze is afgesloten. Mag leeg blijven.')}
        value={followUpOn}
        onChange={setFollowUpOn}
        error={errors.fields[id('followUpOn')]}
      />
      {editing ? null : (
        <SelectField
          id={id('screeningId')}
          label={label.screeningId}
          hint={t('Mag leeg blijven.')}
          value={screeningId}
          onChange={setScreeningId}
          options={[
            { value: '', label: t('Geen screening') },
            ...screenings.map((screening) => ({ value: screening.id, label: screeningName(screening) })),
          ]}
          error={errors.fields[id('screeningId')]}
        />
      )}
      <SaveActions saveLabel={t('Verwijzing opslaan')} isBusy={isBusy} onCancel={editing ? onCancel : null} />
    </form>
  );
}
