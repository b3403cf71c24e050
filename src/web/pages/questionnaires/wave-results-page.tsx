import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { apiPath } from '../../api/api-client';
import type { WaveResults } from '../../api/questionnaire-types';
import { useApiData } from '../../api/use-api-data';
import { LoadState } from '../../components/load-state';
import { Page } from '../../components/page';
import { TableWrap } from '../../components/table-wrap';
import { useFormat } from '../../i18n/format';
import { useSchool } from '../school/school-layout';
import { tooFewAnswersText, useModelText } from '../selfscan/selfscan-model';

type Scale = WaveResults['instruments'][number]['scales'][number];
type Figures = NonNullable<Scale['school']>;

/** A closed wave's results per questionnaire and scale, as far as the reader's relation to them allows. */
export function WaveResultsPage() {
  const { t } = useTranslation();
  const { school } = useSchool();
  const { waveId = '' } = useParams();
  const text = useModelText();
  const { data, error, isLoading } = useApiData<WaveResults>(apiPath('/api/schools/:schoolId/questionnaire-waves/:waveId/results', { schoolId: school.id, waveId }));

  return (
    <Page
      title={data ? t('Uitkomsten van {{name}}', { name: data.name }) : t('Uitkomsten')}
      intro={
        <p>
          {t(
            'Per schaal: hoeveel mensen een score hebben (n), het gemiddelde, de spreiding en welk deel van de antwoorden gunstig is. Een groep met te weinig antwoorden blijft verborgen, en soms ook een tweede, zodat niemand uit het verschil te herleiden is. Lees de cijfers als aanwijzing, niet als oordeel.',
          )}
        </p>
      }
    >
      <LoadState error={error} isLoading={isLoading && !data} />
      {data ? (
        <>
          <p className="notice">{data.training === 'after' ? t('Deze meting was na de teamscholing.') : t('Deze meting was vóór de teamscholing.')}</p>
          {data.instruments.map((instrument) => (
            <section key={instrument.id} aria-labelledby={`uitkomsten-${instrument.id}`}>
              <h2 id={`uitkomsten-${instrument.id}`}>{text(instrument.name)}</h2>
              {instrument.scales.map((scale) => (
                <ScaleTable key={scale.id} scale={scale} minGroupSize={data.minGroupSize} />
              ))}
            </section>
          ))}
        </>
      ) : null}
    </Page>
  );
}

function ScaleTable({ scale, minGroupSize }: { scale: Scale; minGroupSize: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const text = useModelText();
  const caption = t('{{scale}} (scores van {{lowest}} tot {{highest}})', { scale: text(scale.name), lowest: scale.range.lowest, highest: scale.range.highest });
  const rows: { key: string; label: string; figures: Figures }[] = [
    ...(scale.school ? [{ key: 'school', label: t('De school'), figures: scale.school }] : []),
    ...scale.classes.map((schoolClass) => ({ key: schoolClass.id, label: schoolClass.name, figures: schoolClass.figures })),
  ];
  return (
    <TableWrap label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('Groep')}</th>
            <th scope="col">{t('Aantal (n)')}</th>
            <th scope="col">{t('Gemiddelde')}</th>
            <th scope="col">{t('Spreiding (sd)')}</th>
            <th scope="col">{t('Gunstige antwoorden')}</th>
          </tr>
        </thead>
        <tbody>
          {scale.mine === null ? null : (
            <tr>
              <th scope="row">{t('Jouw score (alleen voor jou)')}</th>
              <td>{format.number(1)}</td>
              <td>{format.decimal(scale.mine, 1)}</td>
              <td />
              <td />
            </tr>
          )}
          {rows.map((row) =>
            row.figures.hidden ? (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                <td colSpan={4}>{tooFewAnswersText(t, minGroupSize)}</td>
              </tr>
            ) : (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                <td>{format.number(row.figures.n)}</td>
                <td>{format.decimal(row.figures.mean, 1)}</td>
                <td>{format.decimal(row.figures.sd, 1)}</td>
                <td>{t('{{percent}}%', { percent: Math.round(row.figures.favourableShare * 100) })}</td>
              </tr>
            ),
          )}
          {rows.length === 0 && scale.mine === null ? (
            <tr>
              <td colSpan={5}>{t('Er zijn geen uitkomsten die je bij deze schaal mag zien.')}</td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </TableWrap>
  );
}
