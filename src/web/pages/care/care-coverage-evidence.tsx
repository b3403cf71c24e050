import { useTranslation } from 'react-i18next';
import { apiPath } from '../../api/api-client';
import type { CareCoverage } from '../../api/care-types';
import { useApiData } from '../../api/use-api-data';
import { LoadState } from '../../components/load-state';
import { TableWrap } from '../../components/table-wrap';
import { useFormat } from '../../i18n/format';

/**
 * Evidence for the aspect "relationships with pupils": how many pupils have at least one trusted adult and a current
 * support plan, for the school and per class — counts only, a class under the minimum group size without figures.
 * `isFolded`: one summary line that opens on demand, like the other evidence beside the self-scan results.
 */
export function CareCoverageEvidence({ schoolId, headingLevel = 3, isFolded = false }: { schoolId: string; headingLevel?: 2 | 3; isFolded?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data, error, isLoading } = useApiData<CareCoverage>(apiPath('/api/schools/:schoolId/care/coverage', { schoolId }));
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const share = (part: number, whole: number) => t('{{part}} van {{whole}} ({{percent}}%)', { part: format.number(part), whole: format.number(whole), percent: format.number(Math.round((100 * part) / whole)) });
  const figures = (
    <>
      {!data ? (
        <LoadState error={error} isLoading={isLoading} />
      ) : data.school === null ? (
        <p className="muted">{t('Te weinig leerlingen voor cijfers (minder dan {{k}}).', { k: data.minGroupSize })}</p>
      ) : (
        <>
          <p>
            {t('Met minstens één vertrouwde volwassene: {{share}}.', { share: share(data.school.withTrustedAdult, data.school.pupils) })}{' '}
            {t('Met een steunplan dat nog niet over zijn datum is: {{share}}.', { share: share(data.school.withCurrentPlan, data.school.pupils) })}
          </p>
          <details>
            <summary>{t('Per klas')}</summary>
            <TableWrap label={t('Aantallen per klas')}>
              <table>
                <caption>{t('Per klas (alleen aantallen; een klas onder {{k}} leerlingen zonder cijfers)', { k: data.minGroupSize })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('Klas')}</th>
                    <th scope="col">{t('Leerlingen')}</th>
                    <th scope="col">{t('Vertrouwde volwassene')}</th>
                    <th scope="col">{t('Steunplan')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.classes.map((entry) => (
                    <tr key={entry.classId}>
                      <th scope="row">{entry.className}</th>
                      {entry.figures ? (
                        <>
                          <td>{format.number(entry.figures.pupils)}</td>
                          <td>{format.number(entry.figures.withTrustedAdult)}</td>
                          <td>{format.number(entry.figures.withCurrentPlan)}</td>
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
          </details>
        </>
      )}
    </>
  );
  if (isFolded) {
    return (
      <section className="folded-evidence care-evidence-folded" aria-labelledby="zorg-dekking-bewijs">
        <details>
          <summary>
            <Heading id="zorg-dekking-bewijs">{t('Vertrouwde volwassenen en steunplannen')}</Heading>
          </summary>
          {figures}
        </details>
      </section>
    );
  }
  return (
    <div className="care-evidence">
      <Heading>{t('Vertrouwde volwassenen en steunplannen')}</Heading>
      {figures}
    </div>
  );
}
