import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { RetentionOverview } from '../../../server/features/privacy-register/privacy-register.schemas';
import { apiPath } from '../../api/api-client';
import { useApiData } from '../../api/use-api-data';
import { LoadState } from '../../components/load-state';
import { Page } from '../../components/page';
import { TableWrap } from '../../components/table-wrap';
import { useFormat } from '../../i18n/format';

/**
 * Retention per category in one place, for a school's administrator: each kind of data with its term, what the term
 * would delete today, and when its job last ran and runs next. Read-only; the care terms are set on their own page.
 */
export function RetentionOverviewPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { schoolId = '' } = useParams();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const overview = useApiData<RetentionOverview>(apiPath('/api/schools/:schoolId/retention-overview', { schoolId }, { lang }));
  const data = overview.data;
  const caption = t('Bewaartermijnen per soort gegevens');

  return (
    <Page
      title={t('Bewaren en verwijderen')}
      intro={<p>{t('Hoe lang elke soort gegevens blijft, wat die termijn vandaag zou verwijderen, en wanneer de taak die het verwijdert liep en weer loopt.')}</p>}
    >
      <LoadState error={overview.error} isLoading={overview.isLoading && !data} />
      {data ? (
        <TableWrap label={caption}>
          <table>
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('Gegevens')}</th>
                <th scope="col">{t('Bewaartermijn')}</th>
                <th scope="col">{t('Vandaag te verwijderen')}</th>
                <th scope="col">{t('Laatst gelopen')}</th>
                <th scope="col">{t('Loopt weer vanaf')}</th>
              </tr>
            </thead>
            <tbody>
              {data.categories.map((category) => (
                <tr key={category.id}>
                  <th scope="row">{category.name}</th>
                  <td>{category.term}</td>
                  <td>{category.dueNow ?? t('niet per school')}</td>
                  <td>{category.job === null ? t('geen taak: niets wordt verwijderd') : category.lastRun ? format.dateTime(category.lastRun) : t('nog niet')}</td>
                  <td>{category.job === null ? '–' : category.nextRunFrom ? format.dateTime(category.nextRunFrom) : t('kort na de start van de server')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
    </Page>
  );
}
