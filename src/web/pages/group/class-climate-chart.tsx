import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CLIMATE_RATINGS } from '../../../shared/class-group';
import type { ClimateRating } from '../../api/group-types';

// A fixed coordinate space, the points spread evenly over its width; the SVG scales to its box. The check-in
// trend's classes draw it (no inline styles).
const WIDTH = 640;
const LEFT = 36;
const RIGHT = 16;
const TOP = 12;
const ROW = 28;
const AXIS = 30;
/** At most this many dates under the line; the table has them all. */
const MAX_DATE_LABELS = 8;

/**
 * The climate ratings of the school year as a line, oldest left, one point per rating at its step (4 on top). The
 * table beside it holds every rating: it is the chart's text alternative.
 */
export function ClassClimateChart({ ratings }: { ratings: readonly ClimateRating[] }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const descriptionId = useId();
  const points = [...ratings].reverse();
  const steps = [...CLIMATE_RATINGS].reverse();
  const spacing = (WIDTH - LEFT - RIGHT) / Math.max(1, points.length);
  const height = TOP + steps.length * ROW + AXIS;
  const xOf = (index: number) => LEFT + index * spacing + spacing / 2;
  const yOf = (rating: number) => TOP + (steps.length - rating) * ROW + ROW / 2;
  const shortDate = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'nl-NL', { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const labelDate = (date: string) => shortDate.format(new Date(`${date}T00:00:00Z`));
  const latest = points[points.length - 1];
  const labelEvery = Math.max(1, Math.ceil(points.length / MAX_DATE_LABELS));

  return (
    <figure className="trend-figure">
      <svg className="trend-chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${titleId} ${descriptionId}`}>
        <title id={titleId}>{t('Klassenklimaat door het jaar')}</title>
        <desc id={descriptionId}>
          {t('{{ratings}} inschattingen, de laatste een {{latest}} van 4. Alle inschattingen staan in de tabel.', { ratings: points.length, latest: latest?.rating ?? '' })}
        </desc>
        {steps.map((step, row) => (
          <g key={step}>
            <rect className={step >= 3 ? 'trend-row trend-row--window' : 'trend-row'} x={LEFT} y={TOP + row * ROW} width={WIDTH - LEFT - RIGHT} height={ROW} />
            <text className="trend-axis-label" x={LEFT - 8} y={TOP + row * ROW + ROW / 2} textAnchor="end" dominantBaseline="middle">
              {step}
            </text>
          </g>
        ))}
        {points.map((point, index) => {
          const previous = points[index - 1];
          return previous ? <line key={`line-${point.id}`} className="trend-line" x1={xOf(index - 1)} y1={yOf(previous.rating)} x2={xOf(index)} y2={yOf(point.rating)} /> : null;
        })}
        {points.map((point, index) => (
          <circle key={point.id} className="trend-dot--in-window" cx={xOf(index)} cy={yOf(point.rating)} r={5} />
        ))}
        {points.map((point, index) =>
          index % labelEvery === 0 ? (
            <text key={`label-${point.id}`} className="trend-date-label" x={xOf(index)} y={TOP + steps.length * ROW + 20} textAnchor="middle">
              {labelDate(point.ratedOn)}
            </text>
          ) : null,
        )}
      </svg>
      <figcaption className="muted">{t('1 is gespannen, 4 is hecht. De lichte band: een goed klimaat (3 of 4).')}</figcaption>
    </figure>
  );
}
