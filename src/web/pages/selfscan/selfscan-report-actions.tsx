import { useTranslation } from 'react-i18next';
import { apiPath } from '../../api/api-client';

/**
 * Print, PDF, Excel and CSV for a round's results. Everyone who sees the results may print them and download the
 * PDF and the aggregates (the PDF and workbooks in the current interface language; Excel first, CSV for other
 * programs); the pseudonymised raw answers only the school admin.
 */
export function SelfscanReportActions({ schoolId, roundId, canExportRatings }: { schoolId: string; roundId: string; canExportRatings: boolean }) {
  const { t, i18n } = useTranslation();
  const params = { schoolId, roundId };
  const language = i18n.resolvedLanguage === 'en' ? 'en' : 'nl';
  return (
    <div className="form-actions report-actions">
      <button type="button" className="button button-secondary" onClick={() => window.print()}>
        {t('Afdrukken')}
      </button>
      <a className="button button-secondary" href={apiPath('/api/schools/:schoolId/selfscan/rounds/:roundId/report.pdf', params, { lang: language })} download>
        {t('PDF downloaden')}
      </a>
      <a className="button button-secondary" href={apiPath('/api/schools/:schoolId/selfscan/rounds/:roundId/results.xlsx', params, { lang: language })} download>
        {t('Uitkomsten als Excel (.xlsx)')}
      </a>
      <a className="button button-secondary" href={apiPath('/api/schools/:schoolId/selfscan/rounds/:roundId/results.csv', params)} download>
        {t('Uitkomsten als CSV')}
      </a>
      {canExportRatings ? (
        <>
          <a className="button button-secondary" href={apiPath('/api/schools/:schoolId/selfscan/rounds/:roundId/ratings.xlsx', params, { lang: language })} download>
            {t('Antwoorden als Excel (.xlsx, zonder namen)')}
          </a>
          <a className="button button-secondary" href={apiPath('/api/schools/:schoolId/selfscan/rounds/:roundId/ratings.csv', params)} download>
            {t('Antwoorden als CSV (zonder namen)')}
          </a>
        </>
      ) : null}
    </div>
  );
}
