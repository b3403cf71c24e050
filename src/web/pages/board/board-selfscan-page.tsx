import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { apiPath } from '../../api/api-client';
import type { BoardSelfscan } from '../../api/selfscan-history-types';
import { useApiData } from '../../api/use-api-data';
import { LoadState } from '../../components/load-state';
import { Page } from '../../components/page';
import { SpreadsheetDownloadBar } from '../../components/spreadsheet-downloads';
import { TableWrap } from '../../components/table-wrap';
import { useFormat } from '../../i18n/format';
import { phaseKey, useModelText } from '../selfscan/selfscan-model';

type Latest = NonNullable<BoardSelfscan['schools'][number]['latest']>;

/** The board's side-by-side view: schools × aspects with the agreed phase as text, only for schools that share it. */
export function BoardSelfscanPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const modelText = useModelText();
  const { boardId = '' } = useParams();
  const { data, error, isLoading } = useApiData<BoardSelfscan>(apiPath('/api/boards/:boardId/selfscan', { boardId }));
  const title = t('Zelfscan per school');
  if (!data) {
    return (
      <Page title={title}>
        <LoadState error={error} isLoading={isLoading} />
      </Page>
    );
  }
  // Schools may use different model versions: the columns are every aspect seen, in the order first met.
  const columns: Latest['aspects'] = [];
  for (const school of data.schools) {
    for (const aspect of school.latest?.aspects ?? []) if (!columns.some((column) => column.aspectId === aspect.aspectId)) columns.push(aspect);
  }
  const caption = t('Vastgestelde groeifase per school en accent');

  return (
    <Page
      title={title}
      intro={
        <p>
          {t('Hier staan de groeifasen die een schoolteam samen heeft vastgesteld in zijn laatste gesloten zelfscanronde waaraan genoeg mensen meededen (minstens de minimale groepsgrootte van het bestuur). Een school bepaalt zelf of het bestuur dit ziet; van scholen die niet delen zie je niets.')}
        </p>
      }
    >
      {data.schools.length === 0 ? (
        <p className="notice">{t('Dit bestuur heeft nog geen scholen.')}</p>
      ) : (
        <TableWrap label={caption}>
          <table className="board-selfscan-table">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('School')}</th>
                <th scope="col">{t('Ronde')}</th>
                {columns.map((column) => (
                  <th scope="col" key={column.aspectId}>
                    <span className="muted board-selfscan-layer">{modelText(column.layerName)}</span> {modelText(column.name)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.schools.map((school) => {
                const latest = school.latest;
                const span = Math.max(1, columns.length);
                return (
                  <tr key={school.schoolId}>
                    <th scope="row">{school.schoolName}</th>
                    {!school.isShared ? (
                      <td colSpan={span + 1}>{t('Niet gedeeld met het bestuur')}</td>
                    ) : !latest ? (
                      <td colSpan={span + 1}>{t('Gedeeld, maar nog geen groeifasen vastgesteld')}</td>
                    ) : (
                      <>
                        <td>
                          {latest.round.name}
                          <span className="muted"> {format.date(latest.round.opensOn)}</span>
                        </td>
                        {columns.map((column) => {
                          const entry = latest.aspects.find((aspect) => aspect.aspectId === column.aspectId);
                          return <td key={column.aspectId}>{entry?.phase ? modelText(latest.phaseNames[phaseKey(entry.phase)]) : t('niet vastgesteld')}</td>;
                        })}
                      </>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      )}
      {data.schools.length > 0 ? <SpreadsheetDownloadBar path="/api/boards/:boardId/selfscan" params={{ boardId }} what={title} /> : null}
    </Page>
  );
}
