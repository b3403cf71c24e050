import { useTranslation } from 'react-i18next';
import { apiPath } from '../api/api-client';

interface SpreadsheetDownloadsProps {
  /** The table's API path without the extension, e.g. `/api/schools/:schoolId/staff`; `.xlsx` and `.csv` are added. */
  path: string;
  params?: Record<string, string>;
  /** Extra query parameters for both files (a school year, a status). */
  query?: Record<string, string | undefined>;
  /** What the table holds, as the start of the link text: "Personeel" gives "Personeel als Excel (.xlsx)". */
  what: string;
}

/**
 * The two downloads every table offers: an Excel workbook for people (headers and labels in the current interface
 * language, numbers and dates as such) and CSV for other programs. Two links, for a row of buttons.
 */
export function SpreadsheetDownloads({ path, params = {}, query = {}, what }: SpreadsheetDownloadsProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage === 'en' ? 'en' : 'nl';
  return (
    <>
      <a className="button button-secondary" href={apiPath(`${path}.xlsx`, params, { ...query, lang })} download>
        {t('{{what}} als Excel (.xlsx)', { what })}
      </a>
      <a className="button button-secondary" href={apiPath(`${path}.csv`, params, query)} download>
        {t('{{what}} als CSV', { what })}
      </a>
    </>
  );
}

/**
 * The downloads in their own row, with a line on which file suits what and, for tables with personal data (whose
 * downloads the server records), that each download is logged.
 */
export function SpreadsheetDownloadBar({ logged = true, ...props }: SpreadsheetDownloadsProps & { logged?: boolean }) {
  const { t } = useTranslation();
  return (
    <div>
      <div className="form-actions report-actions">
        <SpreadsheetDownloads {...props} />
      </div>
      <p className="muted">
        {logged
          ? t('Het Excel-bestand opent in Excel, LibreOffice of Numbers; het csv-bestand is voor andere programma’s. Elke download wordt in het logboek bijgehouden.')
          : t('Het Excel-bestand opent in Excel, LibreOffice of Numbers; het csv-bestand is voor andere programma’s.')}
      </p>
    </div>
  );
}
