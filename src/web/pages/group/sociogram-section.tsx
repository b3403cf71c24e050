import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiPath } from '../../api/api-client';
import type { SociogramSummary } from '../../api/sociogram-types';
import { useApiData } from '../../api/use-api-data';
import { LoadState } from '../../components/load-state';
import { TableWrap } from '../../components/table-wrap';
import { useFormat } from '../../i18n/format';
import { useSchool } from '../school/school-layout';
import { newSociogramPath, sociogramPath } from './sociogram-paths';

/** The class's sociograms on its Groep page: when, how many answered, open or closed; starting a new one. */
export function ClassSociogramsSection({ classId }: { classId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { school } = useSchool();
  const sociograms = useApiData<SociogramSummary[]>(apiPath('/api/schools/:schoolId/classes/:classId/sociograms', { schoolId: school.id, classId }));
  const hasOpen = sociograms.data?.some((sociogram) => sociogram.closedOn === null) ?? false;
  return (
    // Not a landmark itself: the table's scroll box is the region named "Sociogrammen" (one region per name).
    <section>
      <h2>{t('Sociogrammen')}</h2>
      <p className="muted">
        {t('Een sociogram laat zien wie wie kiest in de klas: wie er goed bij hoort en wie er nog buiten staat. Alleen de leerkrachten van de klas en het zorgteam zien de antwoorden.')}
      </p>
      {sociograms.data ? (
        <>
          {sociograms.data.length === 0 ? (
            <p className="notice">{t('Deze klas heeft nog geen sociogram.')}</p>
          ) : (
            <TableWrap label={t('Sociogrammen')}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('Gestart')}</th>
                    <th scope="col">{t('Stand')}</th>
                    <th scope="col">{t('Ingevuld')}</th>
                  </tr>
                </thead>
                <tbody>
                  {sociograms.data.map((sociogram) => (
                    <tr key={sociogram.id}>
                      <td>
                        <Link to={sociogramPath(school.id, sociogram.id)}>{format.date(sociogram.openedOn)}</Link>
                      </td>
                      <td>
                        {sociogram.purged
                          ? t('antwoorden verwijderd na de bewaartermijn')
                          : sociogram.closedOn === null
                            ? t('loopt nog')
                            : t('afgesloten op {{date}}', { date: format.date(sociogram.closedOn) })}
                      </td>
                      <td>{t('{{answered}} van {{pupils}}', { answered: sociogram.answered, pupils: sociogram.pupils })}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
          {hasOpen ? (
            <p className="muted">{t('Er loopt een sociogram. Sluit het af voordat je een nieuw sociogram start.')}</p>
          ) : (
            <p>
              <Link className="button" to={newSociogramPath(school.id, classId)}>
                {t('Nieuw sociogram starten')}
              </Link>
            </p>
          )}
        </>
      ) : (
        <LoadState error={sociograms.error} isLoading={sociograms.isLoading} />
      )}
    </section>
  );
}
