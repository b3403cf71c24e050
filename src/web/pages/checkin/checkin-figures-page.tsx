import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiPath } from '../../api/api-client';
import type { SchoolAggregates } from '../../api/checkin-types';
import { useApiData } from '../../api/use-api-data';
import { LoadState } from '../../components/load-state';
import { Page } from '../../components/page';
import { SpreadsheetDownloadBar } from '../../components/spreadsheet-downloads';
import { useSchool } from '../school/school-layout';
import { type FiguresQuery, figuresQueryParams, FiguresPeriodForm, SchoolFigures } from './checkin-figures';

/** Leadership and the TSO lead: anonymous per-class figures, never a pupil. */
export function CheckinFiguresPage() {
  const { t } = useTranslation();
  const { school } = useSchool();
  const [query, setQuery] = useState<FiguresQuery>({ from: '', to: '', groupBy: 'week' });
  const { data, error, isLoading } = useApiData<SchoolAggregates>(
    apiPath('/api/schools/:schoolId/checkin/aggregates', { schoolId: school.id }, figuresQueryParams(query)),
  );
  return (
    <Page
      title={t('Check-in in cijfers')}
      intro={
        <p>
          {t('Per klas hoeveel leerlingen incheckten en welk deel van hen in het raampje zat. Zonder namen: alleen dagen waarop genoeg leerlingen van een klas incheckten tellen mee. Zonder datums zie je de laatste vier weken.')}
        </p>
      }
    >
      <FiguresPeriodForm query={query} onApply={setQuery} />
      <LoadState error={error} isLoading={isLoading && !data} />
      {data ? <SchoolFigures figures={data} /> : null}
      {data && data.classes.length > 0 ? <SpreadsheetDownloadBar path="/api/schools/:schoolId/checkin/aggregates" params={{ schoolId: school.id }} query={figuresQueryParams(query)} what={t('Cijfers')} logged={false} /> : null}
    </Page>
  );
}
