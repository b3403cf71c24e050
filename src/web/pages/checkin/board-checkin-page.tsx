import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { apiPath } from '../../api/api-client';
import type { BoardAggregates } from '../../api/checkin-types';
import { useApiData } from '../../api/use-api-data';
import { LoadState } from '../../components/load-state';
import { Page } from '../../components/page';
import { SpreadsheetDownloadBar } from '../../components/spreadsheet-downloads';
import { type FiguresQuery, figuresQueryParams, FiguresPeriodForm, SchoolFigures } from './checkin-figures';

/** The board's anonymous check-in figures per class, for the schools that share them. */
export function BoardCheckinPage() {
  const { t } = useTranslation();
  const { boardId = '' } = useParams();
  const [query, setQuery] = useState<FiguresQuery>({ from: '', to: '', groupBy: 'week' });
  const { data, error, isLoading } = useApiData<BoardAggregates>(apiPath('/api/boards/:boardId/checkin/aggregates', { boardId }, figuresQueryParams(query)));
  return (
    <Page
      title={t('Check-in per school')}
      intro={
        <p>
          {t('Anonieme cijfers per klas: hoeveel leerlingen incheckten en welk deel in het raampje zat. Een school bepaalt zelf of het bestuur dit ziet; van scholen die niet delen zie je niets.')}
        </p>
      }
    >
      <FiguresPeriodForm query={query} onApply={setQuery} />
      <LoadState error={error} isLoading={isLoading && !data} />
      {data ? (
        data.schools.length === 0 ? (
          <p className="notice">{t('Nog geen school deelt zijn check-incijfers met het bestuur.')}</p>
        ) : (
          data.schools.map((school) => (
            <section key={school.schoolId} aria-labelledby={`school-${school.schoolId}`} className="card">
              <h2 id={`school-${school.schoolId}`}>{school.schoolName}</h2>
              <SchoolFigures figures={school} headingLevel={3} />
            </section>
          ))
        )
      ) : null}
      {data && data.schools.length > 0 ? <SpreadsheetDownloadBar path="/api/boards/:boardId/checkin/aggregates" params={{ boardId }} query={figuresQueryParams(query)} what={t('Cijfers')} logged={false} /> : null}
    </Page>
  );
}
