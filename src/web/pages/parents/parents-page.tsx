import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiPath } from '../../api/api-client';
import type { ParentContactsOverview } from '../../api/parent-contact-types';
import { useApiData } from '../../api/use-api-data';
import { LoadState } from '../../components/load-state';
import { Page } from '../../components/page';
import { TableWrap } from '../../components/table-wrap';
import { useFormat } from '../../i18n/format';
import { useSchool } from '../school/school-layout';
import { pupilParentsPath } from './parent-contact-paths';

/**
 * "Ouders": the pupils the caller may see (a teacher their own classes, the care team the whole school) with the
 * day of the last contact with the parents, whether the enrolment conversation took place, and the next follow-up —
 * filtered, on request, to the follow-ups that are due.
 */
export function ParentsPage() {
  const { t } = useTranslation();
  const { school } = useSchool();
  const format = useFormat();
  const overview = useApiData<ParentContactsOverview>(apiPath('/api/schools/:schoolId/parent-contacts', { schoolId: school.id }));
  const [isDueOnly, setIsDueOnly] = useState(false);
  const intro = t('Hoe het contact met de ouders en verzorgers van je leerlingen ervoor staat: het laatste contact, het intakegesprek en wat je hebt afgesproken op te volgen.');
  if (!overview.data) {
    return (
      <Page title={t('Ouders')} intro={intro}>
        <LoadState error={overview.error} isLoading={overview.isLoading} />
      </Page>
    );
  }
  const due = overview.data.pupils.filter((pupil) => pupil.isFollowUpDue);
  const shown = isDueOnly ? due : overview.data.pupils;
  return (
    <Page title={t('Ouders')} intro={intro}>
      {overview.data.pupils.length === 0 ? (
        <p className="notice">{t('Er zijn nog geen leerlingen om te tonen. Een leerkracht ziet hier de leerlingen van de eigen klassen van dit schooljaar, het zorgteam die van de hele school.')}</p>
      ) : (
        <section aria-labelledby="ouders-lijst-kop">
          <h2 id="ouders-lijst-kop">{t('Leerlingen en hun ouders')}</h2>
          <p>{due.length === 0 ? t('Er staat geen opvolging open die nu aan de beurt is.') : t('Opvolging die nu aan de beurt is: {{pupils}} leerlingen.', { pupils: format.number(due.length) })}</p>
          <div className="checkbox field">
            <input id="ouders-alleen-opvolgen" type="checkbox" checked={isDueOnly} onChange={(event) => setIsDueOnly(event.target.checked)} />
            <label htmlFor="ouders-alleen-opvolgen">{t('Alleen leerlingen met opvolging die nu aan de beurt is')}</label>
          </div>
          {shown.length === 0 ? (
            <p className="muted">{t('Geen leerlingen met opvolging die nu aan de beurt is.')}</p>
          ) : (
            <TableWrap label={t('Leerlingen en het contact met hun ouders')}>
              <table>
                <caption>{isDueOnly ? t('Leerlingen met opvolging die nu aan de beurt is') : t('Alle leerlingen die je ziet')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('Leerling')}</th>
                    <th scope="col">{t('Klas')}</th>
                    <th scope="col">{t('Laatste contact')}</th>
                    <th scope="col">{t('Intakegesprek')}</th>
                    <th scope="col">{t('Opvolgen')}</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((pupil) => (
                    <tr key={pupil.pupilId}>
                      <th scope="row">
                        <Link to={pupilParentsPath(school.id, pupil.pupilId)}>{`${pupil.firstName} ${pupil.lastName}`}</Link>
                      </th>
                      <td>{pupil.className ?? t('geen klas')}</td>
                      <td>{pupil.lastContactOn ? format.date(pupil.lastContactOn) : <span className="muted">{t('nog geen contact')}</span>}</td>
                      <td>{pupil.hasEnrolmentConversation ? t('Ja') : t('Nee')}</td>
                      <td>
                        {pupil.nextFollowUpOn === null ? (
                          <span className="muted">{t('niets open')}</span>
                        ) : pupil.isFollowUpDue ? (
                          <strong>{t('Nu: de datum was {{date}}', { date: format.date(pupil.nextFollowUpOn) })}</strong>
                        ) : (
                          format.date(pupil.nextFollowUpOn)
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
        </section>
      )}
    </Page>
  );
}
