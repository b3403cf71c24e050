import { useTranslation } from 'react-i18next';
import { apiPath } from '../../api/api-client';
import type { CompetenceFigures } from '../../api/team-competence-types';
import { useApiData } from '../../api/use-api-data';
import { LoadState } from '../../components/load-state';
import { TableWrap } from '../../components/table-wrap';
import { useFormat } from '../../i18n/format';
import { useModelText } from '../selfscan/selfscan-model';

/**
 * The school's anonymous counts per competence (school.team.figures), to plan training: only finished school-year
 * halves, each person's latest self-assessment there, and no count under k (the page says why).
 */
export function CompetenceFiguresSection({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const text = useModelText();
  const figures = useApiData<CompetenceFigures>(apiPath('/api/schools/:schoolId/team/competence/figures', { schoolId }));
  const data = figures.data;
  const cell = (value: number | null) => (value === null ? t('verborgen') : format.number(value));
  return (
    <section aria-labelledby="competentie-cijfers">
      <h2 id="competentie-cijfers">{t('Cijfers voor de school')}</h2>
      {!data ? (
        <LoadState error={figures.error} isLoading={figures.isLoading} />
      ) : (
        <>
          <p>
            {t(
              'Zonder namen, om scholing te plannen. Je ziet alleen afgelopen halve schooljaren, met van iedereen de laatste zelfbeoordeling in die periode. Een aantal onder {{k}} mensen blijft verborgen, zodat niemand te herkennen is.',
              { k: data.minGroupSize },
            )}
          </p>
          {data.periods.length === 0 ? <p className="muted">{t('Er is nog geen afgelopen periode met zelfbeoordelingen.')}</p> : null}
          {data.periods.map((period) =>
            period.profiles.map((profile) => {
              const title = t('{{schoolYear}}, {{half}}e helft', { schoolYear: period.schoolYear, half: period.half });
              if (profile.people === null) {
                return (
                  <p key={`${period.firstDay}-${profile.profileId}`}>
                    {title}: {t('minder dan {{k}} mensen: geen cijfers', { k: data.minGroupSize })}
                  </p>
                );
              }
              return (
                <TableWrap key={`${period.firstDay}-${profile.profileId}`} label={title}>
                  <table>
                    <caption>{t('{{title}}: {{people}} mensen', { title, people: format.number(profile.people) })}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('Competentie')}</th>
                        <th scope="col">{t('Bouwt nog op (onder stap 2,5)')}</th>
                        <th scope="col">{t('Staat stevig (2,5 of hoger)')}</th>
                        <th scope="col">{t('Niets ingevuld')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {profile.competences.map((competence) => (
                        <tr key={competence.competenceId}>
                          <th scope="row">{text(competence.name)}</th>
                          <td>{cell(competence.building)}</td>
                          <td>{cell(competence.secure)}</td>
                          <td>{cell(competence.notRated)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableWrap>
              );
            }),
          )}
        </>
      )}
    </section>
  );
}
