import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { apiPath } from '../../api/api-client';
import type { BoardPlanRollup } from '../../api/plan-types';
import { useApiData } from '../../api/use-api-data';
import { LoadState } from '../../components/load-state';
import { Page } from '../../components/page';
import { SpreadsheetDownloadBar } from '../../components/spreadsheet-downloads';
import { TableWrap } from '../../components/table-wrap';
import { useFormat } from '../../i18n/format';
import { implementationPhaseLabel } from '../../i18n/labels';

/** The board's roll-up of the implementation plans: one row per school that shares its plan with the board. */
export function BoardPlanPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { boardId = '' } = useParams();
  const { data, error, isLoading } = useApiData<BoardPlanRollup>(apiPath('/api/boards/:boardId/plan-rollup', { boardId }));
  const title = t('Implementatieplannen');
  const intro = (
    <p>
      {t('Per school de fase van de invoering, hoeveel doelen dit schooljaar behaald zijn, welke acties over hun datum zijn en hoeveel van het team de volledige training heeft gehad. Een school kiest zelf of het bestuur dit ziet.')}
    </p>
  );
  if (!data) {
    return (
      <Page title={title} intro={intro}>
        <LoadState error={error} isLoading={isLoading} />
      </Page>
    );
  }
  const caption = t('Implementatieplan per school');

  return (
    <Page title={title} intro={intro}>
      {data.schools.length === 0 ? (
        <p className="notice">{t('Nog geen enkele school deelt haar implementatieplan met het bestuur.')}</p>
      ) : (
        <TableWrap label={caption}>
          <table className="board-plan-table">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('School')}</th>
                <th scope="col">{t('Fase')}</th>
                <th scope="col">{t('Schooljaar')}</th>
                <th scope="col" className="number">
                  {t('Doelen behaald')}
                </th>
                <th scope="col" className="number">
                  {t('Acties over de datum')}
                </th>
                <th scope="col" className="number">
                  {t('Volledig getraind')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.schools.map((school) => (
                <tr key={school.schoolId}>
                  <th scope="row">{school.name}</th>
                  <td>{school.currentPhase ? implementationPhaseLabel(t, school.currentPhase) : <span className="muted">{t('nog geen fase vastgelegd')}</span>}</td>
                  <td>{school.schoolYear}</td>
                  <td className="number">{t('{{achieved}} van {{total}}', { achieved: format.number(school.goalsAchieved), total: format.number(school.goalsTotal) })}</td>
                  <td className="number">{format.number(school.overdueActions)}</td>
                  <td className="number">
                    {school.training.share === null
                      ? t('geen medewerkers')
                      : t('{{percent}}% ({{trained}} van {{staff}})', {
                          percent: format.number(Math.round(school.training.share * 100)),
                          trained: format.number(school.training.fullyTrained),
                          staff: format.number(school.training.currentStaff),
                        })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {data.schools.length > 0 ? <SpreadsheetDownloadBar path="/api/boards/:boardId/plan-rollup" params={{ boardId }} what={title} /> : null}
      {data.notSharing > 0 ? (
        <p className="notice">
          {data.notSharing === 1
            ? t('1 school deelt haar implementatieplan niet met het bestuur.')
            : t('{{number}} scholen delen hun implementatieplan niet met het bestuur.', { number: format.number(data.notSharing) })}
        </p>
      ) : null}
    </Page>
  );
}
