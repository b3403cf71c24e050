import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiPath } from '../../api/api-client';
import type { TrainingCoverage } from '../../api/plan-types';
import { useApiData } from '../../api/use-api-data';
import { LoadState } from '../../components/load-state';
import { TableWrap } from '../../components/table-wrap';
import { useFormat } from '../../i18n/format';
import { trainingPath } from './plan-paths';

// The bar is drawn in a fixed coordinate space and scales to its box; the sentence beside it carries the figures.
const BAR_WIDTH = 200;
const BAR_HEIGHT = 14;

type HeadingLevel = 2 | 3;

interface TrainingCoveragePanelProps {
  coverage: TrainingCoverage;
  title: string;
  /** The level of the panel's own heading; its parts are one level lower. */
  headingLevel?: HeadingLevel;
  /** Makes the heading ids unique when the panel appears more than once. */
  idPrefix?: string;
  /** False: the staff lists show only how many people they hold (for pages the whole team may see). */
  showNames?: boolean;
}

/**
 * How far the school's team is trained: the share of current staff with the full training, who is overdue,
 * who is new and until when they have, and which partner organisations took part. Every figure is text;
 * the bar only repeats the share.
 */
export function TrainingCoveragePanel({ coverage, title, headingLevel = 2, idPrefix = 'dekking', showNames = true }: TrainingCoveragePanelProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const SubHeading = headingLevel === 2 ? 'h3' : 'h4';
  const months = format.number(coverage.untrainedAfterMonths);
  const percent = coverage.share === null ? null : Math.round(coverage.share * 100);
  const headingId = `${idPrefix}-kop`;

  return (
    <section aria-labelledby={headingId} className="card training-coverage">
      <Heading id={headingId}>{title}</Heading>
      {coverage.currentStaff === 0 || percent === null ? (
        <p className="training-coverage-figure">{t('Er staan nog geen medewerkers in het team van deze school.')}</p>
      ) : (
        <div className="training-coverage-summary">
          <p className="training-coverage-figure">
            {t('{{trained}} van de {{staff}} medewerkers hebben de volledige training gehad ({{percent}}%).', {
              trained: format.number(coverage.fullyTrained),
              staff: format.number(coverage.currentStaff),
              percent: format.number(percent),
            })}
          </p>
          <svg className="training-coverage-bar" viewBox={`0 0 ${BAR_WIDTH} ${BAR_HEIGHT}`} preserveAspectRatio="none" aria-hidden="true" focusable="false">
            <rect className="training-coverage-bar-track" x={0} y={0} width={BAR_WIDTH} height={BAR_HEIGHT} />
            <rect className="training-coverage-bar-fill" x={0} y={0} width={(BAR_WIDTH * percent) / 100} height={BAR_HEIGHT} />
          </svg>
        </div>
      )}
      <p className="muted">
        {t(
          'Zo tellen we: iedereen die nu een rol in de school heeft en een actief account, telt mee; volledig getraind is wie deelnam aan de teamtraining met voor- en natraject of aan de training voor nieuwe medewerkers.',
        )}
      </p>

      <SubHeading id={`${idPrefix}-achterstand`}>{t('Langer dan {{months}} maanden in het team, nog niet getraind', { months })}</SubHeading>
      {coverage.untrainedOverdue.length === 0 ? (
        <p>{t('Niemand: iedereen die al langer in het team zit, heeft de volledige training gehad.')}</p>
      ) : !showNames ? (
        <p>{t('Aantal medewerkers: {{number}}', { number: format.number(coverage.untrainedOverdue.length) })}</p>
      ) : (
        <TableWrap label={t('Nog te trainen medewerkers')}>
          <table className="training-coverage-table">
            <caption className="visually-hidden">{t('Nog te trainen medewerkers')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('Naam')}</th>
                <th scope="col">{t('In het team sinds')}</th>
              </tr>
            </thead>
            <tbody>
              {coverage.untrainedOverdue.map((person) => (
                <tr key={person.userId}>
                  <th scope="row">{person.name}</th>
                  <td>{format.date(person.joinedOn)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}

      <SubHeading id={`${idPrefix}-nieuw`}>{t('Nieuw in het team (korter dan {{months}} maanden)', { months })}</SubHeading>
      {coverage.newStaffWithinGrace.length === 0 ? (
        <p>{t('Er zijn geen nieuwe medewerkers die de training nog moeten volgen.')}</p>
      ) : !showNames ? (
        <p>{t('Aantal medewerkers: {{number}}', { number: format.number(coverage.newStaffWithinGrace.length) })}</p>
      ) : (
        <TableWrap label={t('Nieuwe medewerkers en wanneer ze getraind moeten zijn')}>
          <table className="training-coverage-table">
            <caption className="visually-hidden">{t('Nieuwe medewerkers en wanneer ze getraind moeten zijn')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('Naam')}</th>
                <th scope="col">{t('In het team sinds')}</th>
                <th scope="col">{t('Scholing uiterlijk')}</th>
              </tr>
            </thead>
            <tbody>
              {coverage.newStaffWithinGrace.map((person) => (
                <tr key={person.userId}>
                  <th scope="row">{person.name}</th>
                  <td>{format.date(person.joinedOn)}</td>
                  <td>{format.date(person.trainBy)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}

      <SubHeading id={`${idPrefix}-partners`}>{t('Getrainde ketenpartners')}</SubHeading>
      {coverage.partnersTrained.length === 0 ? (
        <p>{t('Er hebben nog geen ketenpartners meegedaan aan een training.')}</p>
      ) : (
        <TableWrap label={t('Ketenpartners die meededen aan een training')}>
          <table className="training-coverage-table">
            <caption className="visually-hidden">{t('Ketenpartners die meededen aan een training')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('Organisatie')}</th>
                <th scope="col">{t('Laatst getraind')}</th>
                <th scope="col" className="number">
                  {t('Scholingen')}
                </th>
              </tr>
            </thead>
            <tbody>
              {coverage.partnersTrained.map((partner) => (
                <tr key={partner.organisation}>
                  <th scope="row">{partner.organisation}</th>
                  <td>{format.date(partner.lastTrainedOn)}</td>
                  <td className="number">{format.number(partner.trainings)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}

/**
 * The coverage as evidence beside layer 1 (knowledge development) of the self-scan: loads the figures itself.
 * Render it only for people who hold school.training.read; the API refuses everyone else.
 */
export function TrainingCoverageEvidence({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation();
  const { data, error, isLoading } = useApiData<TrainingCoverage>(apiPath('/api/schools/:schoolId/trainings/coverage', { schoolId }));
  return (
    <div className="training-evidence">
      {data ? (
        // The results page is read by the whole team once shared: figures only, the names stay in the register.
        <TrainingCoveragePanel coverage={data} title={t('Scholing (laag 1)')} headingLevel={3} idPrefix="scholing-bewijs" showNames={false} />
      ) : (
        <LoadState error={error} isLoading={isLoading} />
      )}
      <p>
        <Link to={trainingPath(schoolId)}>{t('Naar het scholingsregister')}</Link>
      </p>
    </div>
  );
}
