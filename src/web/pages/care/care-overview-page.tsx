import { useTranslation } from 'react-i18next';
import { ACE_INFORMANTS } from '../../../shared/aces';
import { Link } from 'react-router';
import { apiPath } from '../../api/api-client';
import type { AceFigures, CareOverview } from '../../api/care-types';
import { useApiData } from '../../api/use-api-data';
import { LoadState } from '../../components/load-state';
import { TableWrap } from '../../components/table-wrap';
import { Page } from '../../components/page';
import { useFormat } from '../../i18n/format';
import { signalLabel } from '../checkin/checkin-labels';
import { useModelText } from '../selfscan/selfscan-model';
import { useSchool } from '../school/school-layout';
import { aceInformantLabel } from './care-labels';
import { pupilCarePath } from './care-paths';

/** The care team's caseload: today's signals, screenings above a cut-off, overdue plan reviews, break-glass openings. */
export function CareOverviewPage() {
  const { t } = useTranslation();
  const { school } = useSchool();
  const format = useFormat();
  const text = useModelText();
  const overview = useApiData<CareOverview>(apiPath('/api/schools/:schoolId/care/overview', { schoolId: school.id }));
  const intro = t('Alles wat vandaag aandacht vraagt, op één plek. Alleen het zorgteam ziet dit overzicht.');
  if (!overview.data) {
    return (
      <Page title={t('Zorgoverzicht')} intro={intro}>
        <LoadState error={overview.error} isLoading={overview.isLoading} />
      </Page>
    );
  }
  const data = overview.data;
  const pupilLink = (pupilId: string, name: string) => <Link to={pupilCarePath(school.id, pupilId)}>{name}</Link>;
  return (
    <Page title={t('Zorgoverzicht')} intro={intro}>
      <section aria-labelledby="zorg-noodtoegang-kop">
        <h2 id="zorg-noodtoegang-kop">{t('Noodtoegang (laatste 30 dagen)')}</h2>
        {data.breakGlass.length === 0 ? (
          <p className="muted">{t('Niemand heeft noodtoegang gebruikt.')}</p>
        ) : (
          <ul className="care-stack">
            {data.breakGlass.map((entry) => (
              <li key={entry.id} className="card notice-warning">
                <p>
                  {t('{{user}} opende op {{time}} het plan van', { user: entry.userName, time: format.dateTime(entry.openedAt) })} {pupilLink(entry.pupilId, entry.pupilName)}.
                </p>
                <p className="care-quote">{entry.reason}</p>
                <p className="muted">{t('Ga na of het nodig was en bespreek het met je collega.')}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="zorg-signalen-kop">
        <h2 id="zorg-signalen-kop">{t('Signalen van de check-in vandaag')}</h2>
        {data.signals.length === 0 ? (
          <p className="muted">{t('Vandaag geen signalen.')}</p>
        ) : (
          <ul>
            {data.signals.map((entry) => (
              <li key={entry.pupilId}>
                {pupilLink(entry.pupilId, entry.displayName)} ({entry.className}): {entry.signals.map((signal) => signalLabel(t, signal.kind)).join(', ')}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="zorg-screenings-kop">
        <h2 id="zorg-screenings-kop">{t('Screenings boven het afkappunt')}</h2>
        {data.screeningsAboveCutOff.length === 0 ? (
          <p className="muted">{t('Geen screenings die om een gesprek over verwijzing vragen.')}</p>
        ) : (
          <ul>
            {data.screeningsAboveCutOff.map((entry) => (
              <li key={entry.screeningId}>
                {pupilLink(entry.pupilId, entry.pupilName)}: {text(entry.instrumentName)}, {format.date(entry.takenOn)} — {text(entry.bandName)}
              </li>
            ))}
          </ul>
        )}
      </section>
      <AceFiguresSection />
      <section aria-labelledby="zorg-plannen-kop">
        <h2 id="zorg-plannen-kop">{t('Plannen om opnieuw te bekijken')}</h2>
        {data.overduePlanReviews.length === 0 ? (
          <p className="muted">{t('Geen plannen over hun datum.')}</p>
        ) : (
          <ul>
            {data.overduePlanReviews.map((entry) => (
              <li key={entry.pupilId}>
                {pupilLink(entry.pupilId, entry.pupilName)}: {t('had op {{date}} opnieuw bekeken moeten worden', { date: format.date(entry.reviewOn) })}
              </li>
            ))}
          </ul>
        )}
      </section>
    </Page>
  );
}

/** The school's ACE figures like the TSO study: per informant and combined, under the minimum group size. */
function AceFiguresSection() {
  const { t } = useTranslation();
  const { school } = useSchool();
  const format = useFormat();
  const figures = useApiData<AceFigures>(apiPath('/api/schools/:schoolId/care/ace-figures', { schoolId: school.id }));
  const rows: { key: 'pupil' | 'parent' | 'file' | 'combined'; label: string }[] = [
    ...ACE_INFORMANTS.map((informant) => ({ key: informant, label: t('Volgens {{source}}', { source: aceInformantLabel(t, informant).toLowerCase() }) })),
    { key: 'combined', label: t('Samen (minstens één bron zegt ja)') },
  ];
  const share = (part: number, whole: number) => t('{{part}} ({{percent}}%)', { part: format.number(part), percent: format.number(Math.round((100 * part) / whole)) });
  return (
    <section aria-labelledby="zorg-aces-kop">
      <h2 id="zorg-aces-kop">{t('Ingrijpende jeugdervaringen in de school')}</h2>
      {figures.data ? (
        <TableWrap label={t('Cijfers per bron')}>
          <table>
            <caption>{t('Leerlingen die nu op school zitten; een bron die over minder dan {{k}} leerlingen vertelde, staat er zonder cijfers.', { k: figures.data.minGroupSize })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('Bron')}</th>
                <th scope="col">{t('Leerlingen met antwoorden')}</th>
                <th scope="col">{t('Minstens één')}</th>
                <th scope="col">{t('Vier of meer')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const entry = figures.data![row.key];
                return (
                  <tr key={row.key}>
                    <th scope="row">{row.label}</th>
                    {entry ? (
                      <>
                        <td>{format.number(entry.pupils)}</td>
                        <td>{share(entry.atLeastOne, entry.pupils)}</td>
                        <td>{share(entry.fourOrMore, entry.pupils)}</td>
                      </>
                    ) : (
                      <td colSpan={3} className="muted">
                        {t('te weinig leerlingen voor cijfers')}
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      ) : (
        <LoadState error={figures.error} isLoading={figures.isLoading} />
      )}
    </section>
  );
}
