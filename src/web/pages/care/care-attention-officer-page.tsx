import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, apiPath } from '../../api/api-client';
import type { AttentionOfficer, AttentionOfficerBody } from '../../api/care-types';
import { useApiData } from '../../api/use-api-data';
import { useFormErrors } from '../../components/form-errors';
import { ErrorSummary, FormActions, SelectField } from '../../components/form-fields';
import { LoadState, SuccessMessage } from '../../components/load-state';
import { Page } from '../../components/page';
import { useFormat } from '../../i18n/format';
import { useSchool } from '../school/school-layout';

const FIELD_ID = 'aandachtsfunctionaris-userId';

/**
 * The school's attention officer (aandachtsfunctionaris) for the meldcode: the school administrator or leadership
 * names one member of the care team, or nobody. They do not read a case themselves.
 */
export function CareAttentionOfficerPage() {
  const { t } = useTranslation();
  const { school } = useSchool();
  const officer = useApiData<AttentionOfficer>(apiPath('/api/schools/:schoolId/care/attention-officer', { schoolId: school.id }));
  const intro = t(
    'De aandachtsfunctionaris ziet alle meldcodezaken van de school en denkt mee bij elke zorg over de veiligheid van een leerling thuis. Kies iemand uit het zorgteam. Wie dit instelt, leest de zaken zelf niet.',
  );
  return (
    <Page title={t('Aandachtsfunctionaris')} intro={intro}>
      {officer.data ? <AttentionOfficerForm officer={officer.data} onSaved={officer.setData} /> : <LoadState error={officer.error} isLoading={officer.isLoading} />}
    </Page>
  );
}

function AttentionOfficerForm({ officer, onSaved }: { officer: AttentionOfficer; onSaved: (officer: AttentionOfficer) => void }) {
  const { t } = useTranslation();
  const { school, can } = useSchool();
  const format = useFormat();
  const { errors, fromError, clear } = useFormErrors('aandachtsfunctionaris-');
  const [userId, setUserId] = useState(officer.officer?.userId ?? '');
  const [saved, setSaved] = useState<string | null>(null);
  const label = t('Aandachtsfunctionaris');
  const current = officer.officer;
  // Someone named earlier who has since left the care team stays visible as the current choice, marked as such.
  const formerMember = current && !officer.careTeam.some((member) => member.userId === current.userId) ? [{ value: current.userId, label: t('{{name}} (niet meer in het zorgteam)', { name: current.name }) }] : [];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    clear();
    const body: AttentionOfficerBody = { userId: userId === '' ? null : userId };
    try {
      const next = await api.put<AttentionOfficer>(apiPath('/api/schools/:schoolId/care/attention-officer', { schoolId: school.id }), body);
      onSaved(next);
      setSaved(next.officer ? t('{{name}} is nu de aandachtsfunctionaris.', { name: next.officer.name }) : t('De school heeft nu geen aandachtsfunctionaris.'));
    } catch (failure) {
      fromError(failure, { userId: t('Kies iemand uit het zorgteam van de school.') });
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="card narrow">
      <p>
        {current
          ? t('Nu: {{name}}, sinds {{date}}.', { name: current.name, date: format.dateTime(officer.setAt) })
          : t('De school heeft nu geen aandachtsfunctionaris. Dan ziet elk lid van het zorgteam alleen de zaken die het zelf opende of waarin het een stap vastlegde.')}
      </p>
      {officer.careTeam.length === 0 ? (
        <p className="notice notice-warning">
          {t('Er is nog niemand met de rol zorgteam.')}{' '}
          {can('school.staff.manage') ? <Link to={`/scholen/${school.id}/personeel`}>{t('Geef een collega de rol zorgteam bij Personeel.')}</Link> : null}
        </p>
      ) : null}
      <SuccessMessage message={saved} />
      <ErrorSummary errors={errors} labels={{ [FIELD_ID]: label }} />
      <SelectField
        id={FIELD_ID}
        label={label}
        hint={t('Alleen leden van het zorgteam kunnen aandachtsfunctionaris zijn.')}
        value={userId}
        onChange={setUserId}
        options={[{ value: '', label: t('Niemand') }, ...formerMember, ...officer.careTeam.map((member) => ({ value: member.userId, label: member.name }))]}
        error={errors.fields[FIELD_ID]}
      />
      <FormActions>
        <button type="submit" className="button">
          {t('Opslaan')}
        </button>
      </FormActions>
    </form>
  );
}
