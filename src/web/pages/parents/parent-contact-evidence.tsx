import { useTranslation } from 'react-i18next';
import { apiPath } from '../../api/api-client';
import type { ParentContactCoverage } from '../../api/parent-contact-types';
import { useApiData } from '../../api/use-api-data';
import { LoadState } from '../../components/load-state';
import { TableWrap } from '../../components/table-wrap';
import { useFormat } from '../../i18n/format';

/**
 * Evidence for the aspect "relationships with parents" (layer 3A): how many pupils had a contact with their parents
 * in the last three months and how many had an enrolment conversation, for the school and per class — counts only,
 * a class under the minimum group size without figures. Folded to one line beside the layer, so the results page
 * stays short. Render it only for people who hold school.parents.coverage; the API refuses everyone else.
 */
export function ParentContactEvidence({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data, error, isLoading } = useApiData<ParentContactCoverage>(apiPath('/api/schools/:schoolId/parent-contacts/coverage', { schoolId }));
  const share = (part: number, whole: number) => t('{{part}} van {{whole}} ({{percent}}%)', { part: format.number(part), whole: format.number(whole), percent: format.number(Math.round((100 * part) / whole)) });
  return (
    <section className="folded-evidence parent-contact-evidence" aria-labelledby="ouders-contact-bewijs">
      <details>
        <summary>
          <h3 id="ouders-contact-bewijs">{t('Contact met ouders (laag 3A, relaties met ouders/verzorgers)')}</h3>
        </summary>
        {!data ? (
          <LoadState error={error} isLoading={isLoading} />
        ) : data.school === null ? (
          <p className="muted">{t('Te weinig leerlingen voor cijfers (minder dan {{k}}).', { k: data.minGroupSize })}</p>
        ) : (
          <>
            <p>
              {t('Contact met de ouders in de laatste drie maanden: {{share}}.', { share: share(data.school.withRecentContact, data.school.pupils) })}{' '}
              {t('Met een intakegesprek: {{share}}.', { share: share(data.school.withEnrolmentConversation, data.school.pupils) })}
            </p>
            <TableWrap label={t('Contact met ouders per klas')}>
              <table>
                <caption>{t('Per klas (alleen aantallen; een klas onder {{k}} leerlingen zonder cijfers)', { k: data.minGroupSize })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('Klas')}</th>
                    <th scope="col">{t('Leerlingen')}</th>
                    <th scope="col">{t('Contact sinds {{date}}', { date: format.date(data.recentSince) })}</th>
                    <th scope="col">{t('Intakegesprek')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.classes.map((entry) => (
                    <tr key={entry.classId}>
                      <th scope="row">{entry.className}</th>
                      {entry.figures ? (
                        <>
                          <td>{format.number(entry.figures.pupils)}</td>
                          <td>{format.number(entry.figures.withRecentContact)}</td>
                          <td>{format.number(entry.figures.withEnrolmentConversation)}</td>
                        </>
                      ) : (
                        <td colSpan={3} className="muted">
                          {t('te weinig leerlingen voor cijfers')}
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
            <p className="muted">{t('Leerkrachten en het zorgteam leggen het contact vast bij Ouders. Alleen aantallen: wie het is, staat hier nooit.')}</p>
          </>
        )}
      </details>
    </section>
  );
}
