import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPLEMENTATION_PHASES } from '../../../shared/plan';
import type { PlanOverview } from '../../api/plan-types';
import { LoadState } from '../../components/load-state';
import { Page } from '../../components/page';
import { TableWrap } from '../../components/table-wrap';
import { useFormat } from '../../i18n/format';
import { useSchool } from '../school/school-layout';
import { SchoolYearPicker } from './plan-page';
import { OverdueMark, phaseLabel, PlanLoadError, PlanNav, usePlanOverview, useGoalName } from './plan-labels';

// A fixed coordinate space; the SVG scales to its box.
const WIDTH = 960;
const LEFT = 180;
const RIGHT = 16;
const TOP = 28;
const ROW = 34;
const DAY = 86_400_000;

function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY);
}

/** One thing on the timeline with a date: a round, a measurement wave, a monitoring moment or an action's due date. */
interface TimelineEvent {
  kind: 'round' | 'wave' | 'moment' | 'action' | 'today';
  date: string;
  endDate?: string;
  label: string;
  isOverdue?: boolean;
}

/** The multi-year timeline: phases as bars, rounds, moments and due dates as markers, with a table of all of it. */
export function PlanTimelinePage() {
  const { t } = useTranslation();
  const { school } = useSchool();
  const { data: plan, error, isLoading, chooseSchoolYear } = usePlanOverview(school.id);

  if (!plan) {
    return (
      <Page title={t('Tijdlijn')}>
        <PlanNav schoolId={school.id} />
        {error ? <PlanLoadError code={error.code} message={error.message} /> : <LoadState error={null} isLoading={isLoading} />}
      </Page>
    );
  }
  return (
    <Page title={t('Tijdlijn')} intro={<p>{t('De invoering van traumasensitief onderwijs over meerdere jaren: de vier fasen, de zelfscanrondes, de meetmomenten en wanneer de acties van het gekozen schooljaar klaar moeten zijn.')}</p>}>
      <PlanNav schoolId={school.id} />
      <SchoolYearPicker years={[...new Set([...plan.schoolYears, plan.schoolYear])]} current={plan.schoolYear} onChoose={chooseSchoolYear} />
      <TimelineChart plan={plan} />
    </Page>
  );
}

/** The chart and its text alternative. */
export function TimelineChart({ plan }: { plan: PlanOverview }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const goalName = useGoalName();
  const titleId = useId();
  const descriptionId = useId();

  const events: TimelineEvent[] = [
    ...plan.rounds.map((round) => ({ kind: 'round' as const, date: round.opensOn, endDate: round.closesOn, label: round.name })),
    ...plan.waves.map((wave) => ({ kind: 'wave' as const, date: wave.opensOn, endDate: wave.closesOn, label: wave.name })),
    ...plan.moments.map((moment) => ({ kind: 'moment' as const, date: moment.onDate, label: moment.title })),
    ...plan.goals.flatMap((goal) =>
      goal.actions.flatMap((action) => (action.dueOn ? [{ kind: 'action' as const, date: action.dueOn, label: `${action.title} (${goalName(goal)})`, isOverdue: action.overdue }] : [])),
    ),
  ].sort((a, b) => a.date.localeCompare(b.date));

  const today = dayNumber(plan.today);
  const dates = [today, ...plan.phases.flatMap((phase) => [dayNumber(phase.startsOn), ...(phase.endsOn ? [dayNumber(phase.endsOn)] : [])]), ...events.flatMap((event) => [dayNumber(event.date), ...(event.endDate ? [dayNumber(event.endDate)] : [])])];
  // Whole calendar years around everything, so the year lines fall on the edges.
  const firstYear = new Date(Math.min(...dates) * DAY).getUTCFullYear();
  const lastYear = new Date(Math.max(...dates, today + 180) * DAY).getUTCFullYear();
  const start = dayNumber(`${firstYear}-01-01`);
  const end = dayNumber(`${lastYear + 1}-01-01`);
  const xOf = (day: number) => LEFT + ((day - start) / (end - start)) * (WIDTH - LEFT - RIGHT);
  const rows = [...IMPLEMENTATION_PHASES, 'rounds', 'waves', 'moments', 'actions'] as const;
  const yOf = (row: (typeof rows)[number]) => TOP + rows.indexOf(row) * ROW;
  const height = TOP + rows.length * ROW + 8;
  const years = Array.from({ length: lastYear - firstYear + 1 }, (_, index) => firstYear + index);
  const phaseOf = new Map(plan.phases.map((phase) => [phase.phase, phase]));
  const shortDate = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'nl-NL', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const short = (date: string) => shortDate.format(new Date(`${date}T00:00:00Z`));
  const kindLabel = (kind: TimelineEvent['kind']) =>
    kind === 'round' ? t('Zelfscanronde') : kind === 'wave' ? t('Meting (vragenlijsten)') : kind === 'moment' ? t('Meetmoment') : kind === 'action' ? t('Actie klaar') : t('Vandaag');
  const tableEvents = [...events, { kind: 'today' as const, date: plan.today, label: '' }].sort((a, b) => a.date.localeCompare(b.date));
  const rowLabel = (row: (typeof rows)[number]) =>
    row === 'rounds' ? t('Zelfscanrondes') : row === 'waves' ? t('Metingen') : row === 'moments' ? t('Meetmomenten') : row === 'actions' ? t('Acties {{year}}', { year: plan.schoolYear }) : phaseLabel(t, row);

  return (
    <figure className="plan-timeline">
      {plan.phases.length === 0 ? <p className="notice">{t('Er zijn nog geen data voor de fasen ingevuld. Dat kan bij Fasen en werkgroep.')}</p> : null}
      <svg className="plan-timeline-chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${titleId} ${descriptionId}`}>
        <title id={titleId}>{t('Tijdlijn van de invoering')}</title>
        <desc id={descriptionId}>
          {t('Van {{from}} tot en met {{to}}: {{phases}} fasen met data, {{rounds}} zelfscanrondes, {{waves}} metingen, {{moments}} meetmomenten en {{actions}} acties met een datum. Alles staat ook in de tabel onder de tijdlijn.', {
            from: firstYear,
            to: lastYear,
            phases: plan.phases.length,
            rounds: plan.rounds.length,
            waves: plan.waves.length,
            moments: plan.moments.length,
            actions: events.filter((event) => event.kind === 'action').length,
          })}
        </desc>
        {rows.map((row, index) => (
          <g key={row}>
            <rect className={index % 2 === 0 ? 'timeline-row' : 'timeline-row timeline-row--alt'} x={LEFT} y={yOf(row)} width={WIDTH - LEFT - RIGHT} height={ROW} />
            <text className={row === plan.currentPhase ? 'timeline-label timeline-label--current' : 'timeline-label'} x={LEFT - 8} y={yOf(row) + ROW / 2} textAnchor="end" dominantBaseline="middle">
              {row === plan.currentPhase ? t('{{phase}} (nu)', { phase: rowLabel(row) }) : rowLabel(row)}
            </text>
          </g>
        ))}
        {years.map((year) => (
          <g key={year}>
            <line className="timeline-year-line" x1={xOf(dayNumber(`${year}-01-01`))} x2={xOf(dayNumber(`${year}-01-01`))} y1={TOP - 4} y2={height - 8} />
            <text className="timeline-year" x={xOf(dayNumber(`${year}-07-01`))} y={TOP - 10} textAnchor="middle">
              {year}
            </text>
          </g>
        ))}
        {IMPLEMENTATION_PHASES.map((phase) => {
          const dates = phaseOf.get(phase);
          if (!dates) return null;
          const from = xOf(dayNumber(dates.startsOn));
          const to = dates.endsOn ? xOf(dayNumber(dates.endsOn)) : WIDTH - RIGHT;
          return (
            <rect
              key={phase}
              className={`timeline-bar timeline-bar--${phase}${phase === plan.currentPhase ? ' timeline-bar--current' : ''}${dates.endsOn ? '' : ' timeline-bar--open'}`}
              x={from}
              y={yOf(phase) + 7}
              width={Math.max(3, to - from)}
              height={ROW - 14}
              rx={4}
            />
          );
        })}
        {events.map((event, index) => {
          const x = xOf(dayNumber(event.date));
          if (event.kind === 'round') {
            const y = yOf('rounds') + ROW / 2;
            return <path key={`e-${index}`} className="timeline-mark timeline-mark--round" d={`M ${x} ${y - 8} L ${x + 8} ${y} L ${x} ${y + 8} L ${x - 8} ${y} Z`} />;
          }
          if (event.kind === 'wave') {
            const y = yOf('waves') + ROW / 2;
            return <rect key={`e-${index}`} className="timeline-mark timeline-mark--wave" x={x - 7} y={y - 7} width={14} height={14} />;
          }
          if (event.kind === 'today') return null;
          if (event.kind === 'moment') return <circle key={`e-${index}`} className="timeline-mark timeline-mark--moment" cx={x} cy={yOf('moments') + ROW / 2} r={7} />;
          const y = yOf('actions') + ROW / 2;
          return (
            <path
              key={`e-${index}`}
              className={event.isOverdue ? 'timeline-mark timeline-mark--action timeline-mark--overdue' : 'timeline-mark timeline-mark--action'}
              d={event.isOverdue ? `M ${x - 7} ${y - 7} L ${x + 7} ${y + 7} M ${x + 7} ${y - 7} L ${x - 7} ${y + 7}` : `M ${x} ${y - 8} L ${x + 7} ${y + 6} L ${x - 7} ${y + 6} Z`}
            />
          );
        })}
        <line className="timeline-today" x1={xOf(today)} x2={xOf(today)} y1={TOP - 2} y2={height - 8} />
        <text className="timeline-today-label" x={xOf(today) + 4} y={height - 2}>
          {t('vandaag')}
        </text>
      </svg>
      <figcaption className="muted">
        {t('Balken: de fasen (een balk zonder einde loopt door). Ruit: zelfscanronde. Vierkant: meting met vragenlijsten. Rondje: meetmoment. Driehoek: een actie moet dan klaar zijn; een kruisje: die actie is te laat. De stippellijn is vandaag.')}
      </figcaption>
      <details className="plan-timeline-table">
        <summary>{t('Alles op de tijdlijn als tabel')}</summary>
        <TableWrap label={t('Fasen')}>
          <table>
            <caption>{t('Fasen')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('Fase')}</th>
                <th scope="col">{t('Begint')}</th>
                <th scope="col">{t('Eindigt (gepland)')}</th>
              </tr>
            </thead>
            <tbody>
              {IMPLEMENTATION_PHASES.map((phase) => {
                const dates = phaseOf.get(phase);
                return (
                  <tr key={phase}>
                    <th scope="row">{phase === plan.currentPhase ? t('{{phase}} (nu)', { phase: phaseLabel(t, phase) }) : phaseLabel(t, phase)}</th>
                    <td>{dates ? format.date(dates.startsOn) : <span className="muted">{t('niet ingevuld')}</span>}</td>
                    <td>{dates?.endsOn ? format.date(dates.endsOn) : <span className="muted">{dates ? t('loopt door') : t('niet ingevuld')}</span>}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
        <TableWrap label={t('Op datum')}>
          <table>
            <caption>{t('Op datum')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('Datum')}</th>
                <th scope="col">{t('Soort')}</th>
                <th scope="col">{t('Wat')}</th>
              </tr>
            </thead>
            <tbody>
              {tableEvents.map((event, index) => (
                <tr key={`t-${index}`}>
                  <th scope="row">{event.endDate ? t('{{from}} tot en met {{to}}', { from: short(event.date), to: short(event.endDate) }) : format.date(event.date)}</th>
                  <td>{kindLabel(event.kind)}</td>
                  <td>
                    {event.label}
                    {event.isOverdue ? (
                      <>
                        {' '}
                        <OverdueMark />
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </details>
    </figure>
  );
}
