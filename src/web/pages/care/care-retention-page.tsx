import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CARE_RETENTION_CATEGORIES, type CareRetentionCategory, MAX_CARE_RETENTION_MONTHS } from '../../../shared/care';
import { api, apiPath } from '../../api/api-client';
import type { CareRetentionReport } from '../../api/care-types';
import { useApiData } from '../../api/use-api-data';
import { useFormErrors } from '../../components/form-errors';
import { ErrorSummary, FormActions, TextField } from '../../components/form-fields';
import { LoadState, SuccessMessage } from '../../components/load-state';
import { Page } from '../../components/page';
import { TableWrap } from '../../components/table-wrap';
import { useFormat } from '../../i18n/format';
import { useSchool } from '../school/school-layout';
import { retentionCategoryLabel } from './care-labels';

/**
 * How long the school keeps each kind of care data after a pupil leaves, and what those terms delete today (the dry
 * run). The data steward sets them; the server deletes daily.
 */
export function CareRetentionPage() {
  const { t } = useTranslation();
  const { school } = useSchool();
  const report = useApiData<CareRetentionReport>(apiPath('/api/schools/:schoolId/care/retention', { schoolId: school.id }));
  const intro = t('Zorggegevens van een leerling die de school verliet, verdwijnen na een vaste termijn. Standaard is dat twee jaar; per soort gegevens kun je een eigen termijn kiezen. De server verwijdert elke dag wat over de termijn is.');
  return (
    <Page title={t('Bewaartermijnen van zorggegevens')} intro={intro}>
      {report.data ? <RetentionForm report={report.data} onSaved={report.setData} /> : <LoadState error={report.error} isLoading={report.isLoading} />}
    </Page>
  );
}

function RetentionForm({ report, onSaved }: { report: CareRetentionReport; onSaved: (report: CareRetentionReport) => void }) {
  const { t } = useTranslation();
  const { school } = useSchool();
  const format = useFormat();
  const { errors, check, fromError } = useFormErrors('termijn-');
  const [months, setMonths] = useState<Record<string, string>>(Object.fromEntries(report.categories.map((entry) => [entry.category, String(entry.months)])));
  const [saved, setSaved] = useState<string | null>(null);
  const labels = Object.fromEntries(CARE_RETENTION_CATEGORIES.map((category) => [`termijn-${category}`, retentionCategoryLabel(t, category)]));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const invalid = (value: string | undefined) => !/^\d{1,3}$/.test(value ?? '') || Number(value) > MAX_CARE_RETENTION_MONTHS;
    const isValid = check(
      Object.fromEntries(CARE_RETENTION_CATEGORIES.map((category) => [`termijn-${category}`, invalid(months[category]) && t('Een heel aantal maanden, van 0 tot en met {{max}}.', { max: MAX_CARE_RETENTION_MONTHS })])),
      t('Controleer de gemarkeerde velden.'),
    );
    if (!isValid) return;
    const changed = report.categories.filter((entry) => Number(months[entry.category]) !== entry.months);
    const terms = Object.fromEntries(changed.map((entry) => [entry.category, Number(months[entry.category])])) as Partial<Record<CareRetentionCategory, number>>;
    try {
      onSaved(await api.put<CareRetentionReport>(apiPath('/api/schools/:schoolId/care/retention', { schoolId: school.id }), { terms }));
      setSaved(t('De bewaartermijnen zijn opgeslagen.'));
    } catch (failure) {
      fromError(failure, {}, t('Een heel aantal maanden, van 0 tot en met {{max}}.', { max: MAX_CARE_RETENTION_MONTHS }));
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <SuccessMessage message={saved} />
      <ErrorSummary errors={errors} labels={labels} />
      <TableWrap label={t('Bewaartermijnen')}>
        <table>
          <caption>{t('Wat er vandaag, {{date}}, met deze termijnen weg zou gaan', { date: format.date(report.today) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('Soort gegevens')}</th>
              <th scope="col">{t('Termijn in maanden')}</th>
              <th scope="col">{t('Leerlingen vertrokken op of voor')}</th>
              <th scope="col">{t('Zou nu weggaan')}</th>
            </tr>
          </thead>
          <tbody>
            {report.categories.map((entry) => (
              <tr key={entry.category}>
                <th scope="row">{retentionCategoryLabel(t, entry.category)}</th>
                <td>
                  <TextField id={`termijn-${entry.category}`} label={t('Maanden voor {{kind}}', { kind: retentionCategoryLabel(t, entry.category).toLowerCase() })} value={months[entry.category] ?? ''} onChange={(value) => setMonths((current) => ({ ...current, [entry.category]: value }))} error={errors.fields[`termijn-${entry.category}`]} maxLength={3} />
                </td>
                <td>{format.date(entry.leftOnOrBefore)}</td>
                <td>{t('{{records}} gegevens van {{pupils}} leerlingen', { records: format.number(entry.records), pupils: format.number(entry.pupils) })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <FormActions>
        <button type="submit" className="button">
          {t('Termijnen opslaan')}
        </button>
      </FormActions>
    </form>
  );
}
