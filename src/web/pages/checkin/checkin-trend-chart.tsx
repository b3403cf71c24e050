import { CHECKIN_STATES_TOP_DOWN } from '../../../shared/checkin';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrendDay } from '../../api/checkin-types';
import { TableWrap } from '../../components/table-wrap';
import { useFormat } from '../../i18n/format';
import { stateClass, StateBadge, stateLabel } from './checkin-labels';

// A fixed coordinate space; the SVG scales to its box (text keeps its proportions: no stretching).
const LEFT = 150;
const RIGHT = 12;
const TOP = 12;
const ROW = 34;
const STEP = 26;
const AXIS = 36;

/** A regulation moment on the chart: the day, and whether the pupil said it helped (null: not said). */
export interface TrendRegulation {
  date: string;
  helped: boolean | null;
}

/**
 * A pupil's school days as a chart drawn by React: one row per state (the window row shaded), a dot
 * per day, a ring on days the pupil asked to talk, and (when given) a small diamond under the rows on days the pupil
 * did a regulation activity after the check-in — filled when they said it helped. The chart repeats the table under
 * it, which is its text alternative and holds every day.
 */
export function TrendChart({ days: unsorted, regulation }: { days: TrendDay[]; regulation?: readonly TrendRegulation[] }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const titleId = useId();
  const days = [...unsorted].sort((a, b) => a.date.localeCompare(b.date));
  const descriptionId = useId();
  const width = LEFT + Math.max(1, days.length) * STEP + RIGHT;
  const height = TOP + CHECKIN_STATES_TOP_DOWN.length * ROW + AXIS;
  const xOf = (index: number) => LEFT + index * STEP + STEP / 2;
  const yOf = (state: TrendDay['state']) => TOP + CHECKIN_STATES_TOP_DOWN.indexOf(state ?? 'in_window') * ROW + ROW / 2;
  const shortDate = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'nl-NL', { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const labelDate = (date: string) => shortDate.format(new Date(`${date}T00:00:00Z`));
  const checkedIn = days.filter((day) => day.state !== null);
  const inWindow = checkedIn.filter((day) => day.state === 'in_window').length;
  const caption = t('Check-ins per schooldag');
  // Per day: how many regulation moments, and whether any of them helped.
  const moments = new Map<string, { count: number; helped: boolean }>();
  for (const moment of regulation ?? []) {
    const day = moments.get(moment.date) ?? { count: 0, helped: false };
    moments.set(moment.date, { count: day.count + 1, helped: day.helped || moment.helped === true });
  }
  const markY = TOP + CHECKIN_STATES_TOP_DOWN.length * ROW + 6;

  if (days.length === 0) return <p className="notice">{t('Nog geen schooldagen in deze periode.')}</p>;
  return (
    <figure className="trend-figure">
      <svg className="trend-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${titleId} ${descriptionId}`}>
        <title id={titleId}>{caption}</title>
        <desc id={descriptionId}>
          {t('Op {{checkedIn}} van {{days}} schooldagen ingecheckt, {{inWindow}} keer in het raampje. Alle dagen staan in de tabel hieronder.', {
            checkedIn: checkedIn.length,
            days: days.length,
            inWindow,
          })}
        </desc>
        {CHECKIN_STATES_TOP_DOWN.map((state, row) => (
          <g key={state}>
            <rect className={state === 'in_window' ? 'trend-row trend-row--window' : 'trend-row'} x={LEFT} y={TOP + row * ROW} width={width - LEFT - RIGHT} height={ROW} />
            <text className="trend-axis-label" x={LEFT - 8} y={TOP + row * ROW + ROW / 2} textAnchor="end" dominantBaseline="middle">
              {stateLabel(t, state)}
            </text>
          </g>
        ))}
        {days.map((day, index) => {
          const previous = days[index - 1];
          return previous?.state && day.state ? (
            <line key={`line-${day.date}`} className="trend-line" x1={xOf(index - 1)} y1={yOf(previous.state)} x2={xOf(index)} y2={yOf(day.state)} />
          ) : null;
        })}
        {days.map((day, index) =>
          day.state ? (
            <g key={day.date}>
              {day.wantsTalk ? <circle className="trend-talk" cx={xOf(index)} cy={yOf(day.state)} r={10} /> : null}
              <circle className={`trend-dot trend-dot--${stateClass(day.state)}`} cx={xOf(index)} cy={yOf(day.state)} r={6} />
            </g>
          ) : null,
        )}
        {days.map((day, index) => {
          const moment = moments.get(day.date);
          if (!moment) return null;
          const x = xOf(index);
          return <polygon key={`regulation-${day.date}`} className={moment.helped ? 'trend-regulation trend-regulation--helped' : 'trend-regulation'} points={`${x},${markY - 5} ${x + 5},${markY} ${x},${markY + 5} ${x - 5},${markY}`} />;
        })}
        {days.map((day, index) =>
          index % 5 === 0 ? (
            <text key={`label-${day.date}`} className="trend-date-label" x={xOf(index)} y={TOP + CHECKIN_STATES_TOP_DOWN.length * ROW + 20} textAnchor="middle">
              {labelDate(day.date)}
            </text>
          ) : null,
        )}
      </svg>
      <figcaption className="muted">
        {t('Een punt is de check-in van die dag, een ring eromheen: de leerling wilde praten. Een lege plek: geen check-in.')}
        {regulation ? ` ${t('Een ruitje onder de dag: de leerling deed na de check-in een regulatieactiviteit; gevuld als het hielp.')}` : null}
      </figcaption>
      <details className="trend-table">
        <summary>{t('Alle dagen als tabel')}</summary>
        <TableWrap label={caption}>
          <table>
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('Datum')}</th>
                <th scope="col">{t('Check-in')}</th>
                <th scope="col">{t('Wilde praten')}</th>
                {regulation ? <th scope="col">{t('Regulatie')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {days.map((day) => (
                <tr key={day.date}>
                  <th scope="row">
                    <time dateTime={day.date}>{format.date(day.date)}</time>
                  </th>
                  <td>{day.state ? <StateBadge state={day.state} /> : <span className="muted">{t('geen check-in')}</span>}</td>
                  <td>{day.wantsTalk ? t('ja') : t('nee')}</td>
                  {regulation ? <td>{regulationCell(t, moments.get(day.date))}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </details>
    </figure>
  );
}

function regulationCell(t: ReturnType<typeof useTranslation>['t'], moment: { count: number; helped: boolean } | undefined): string {
  if (!moment) return '';
  return moment.helped ? t('activiteit, hielp') : t('activiteit');
}
