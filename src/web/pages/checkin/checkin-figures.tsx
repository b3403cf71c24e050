import type { TFunction } from 'i18next';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClassAggregate, SchoolAggregates } from '../../api/checkin-types';
import { FormActions, SelectField, TextField } from '../../components/form-fields';
import { TableWrap } from '../../components/table-wrap';
import { useFormat } from '../../i18n/format';
import { MAX_FIGURES_DAYS_BY_DAY } from '../../../shared/limits';
import { addDays, schoolDateOf } from '../../../shared/school-time';

/** The period and grouping of anonymous figures, as query parameters (empty: the server's default, the last 4 weeks). */
export interface FiguresQuery {
  from: string;
  to: string;
  groupBy: 'day' | 'week';
}

/** A period form for anonymous figures; the figures reload when it is applied. */
export function FiguresPeriodForm({ query, onApply }: { query: FiguresQuery; onApply: (query: FiguresQuery) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(query);
  const [isTooLongByDay, setIsTooLongByDay] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // The server refuses longer periods per day; an empty "from" is its default of four weeks.
    const to = draft.to || schoolDateOf(new Date());
    const isTooLong = draft.groupBy === 'day' && draft.from !== '' && addDays(draft.from, MAX_FIGURES_DAYS_BY_DAY - 1) < to;
    setIsTooLongByDay(isTooLong);
    if (!isTooLong) onApply(draft);
  };
  return (
    <form onSubmit={submit} className="toolbar" noValidate>
      <TextField id="cijfers-van" label={t('Van')} type="date" value={draft.from} onChange={(from) => setDraft({ ...draft, from })} />
      <TextField id="cijfers-tot" label={t('Tot en met')} type="date" value={draft.to} onChange={(to) => setDraft({ ...draft, to })} />
      <SelectField
        id="cijfers-per"
        label={t('Per')}
        value={draft.groupBy}
        onChange={(groupBy) => setDraft({ ...draft, groupBy: groupBy === 'day' ? 'day' : 'week' })}
        hint={t('Per dag kan voor hoogstens {{n}} dagen.', { n: MAX_FIGURES_DAYS_BY_DAY })}
        error={isTooLongByDay ? t('Kies per week, of een periode van hoogstens {{n}} dagen.', { n: MAX_FIGURES_DAYS_BY_DAY }) : undefined}
        options={[
          { value: 'week', label: t('week') },
          { value: 'day', label: t('dag') },
        ]}
      />
      <FormActions>
        <button type="submit" className="button button-secondary">
          {t('Toon')}
        </button>
      </FormActions>
    </form>
  );
}

/** A school's anonymous figures: one table per class with the share in the window as number and bar. */
export function SchoolFigures({ figures, headingLevel = 2 }: { figures: SchoolAggregates; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  return (
    <>
      <p>{t('Een dag telt alleen mee als er minstens {{k}} leerlingen van de klas incheckten. Vandaag telt nog niet mee.', { k: figures.minGroupSize })}</p>
      {figures.hiddenClasses > 0 ? (
        <p className="notice">
          {figures.hiddenClasses === 1
            ? t('1 klas niet getoond: daar was in deze periode geen dag met minstens {{k}} leerlingen die incheckten. Zo blijft niemand herkenbaar.', { k: figures.minGroupSize })
            : t('{{n}} klassen niet getoond: daar was in deze periode geen dag met minstens {{k}} leerlingen die incheckten. Zo blijft niemand herkenbaar.', {
                n: figures.hiddenClasses,
                k: figures.minGroupSize,
              })}
        </p>
      ) : null}
      {figures.classes.length === 0 ? (
        <p className="notice">{t('Geen klassen om te tonen in deze periode.')}</p>
      ) : (
        figures.classes.map((entry) => <ClassFigures key={entry.classId} entry={entry} headingLevel={headingLevel} />)
      )}
    </>
  );
}

const BAR_WIDTH = 200;
const BAR_HEIGHT = 14;

function ClassFigures({ entry, headingLevel }: { entry: ClassAggregate; headingLevel: 2 | 3 }) {
  const { t } = useTranslation();
  const format = useFormat();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const headingId = `cijfers-${entry.classId}`;
  const caption = t('Aandeel in het raampje, {{name}}', { name: entry.className });
  // Per week the pupils are an average of the days counted; per day there is one day to count.
  const isByWeek = entry.periods.some((period) => WEEK_PATTERN.test(period.period));
  return (
    <section aria-labelledby={headingId} className="checkin-figures">
      <Heading id={headingId}>{entry.className}</Heading>
      <TableWrap label={caption}>
        <table>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('Periode')}</th>
              {isByWeek ? (
                <th scope="col" className="number">
                  {t('Dagen geteld')}
                </th>
              ) : null}
              <th scope="col" className="number">
                {isByWeek ? t('Leerlingen ingecheckt (gemiddeld per dag)') : t('Leerlingen ingecheckt')}
              </th>
              <th scope="col" className="number">
                {t('In het raampje')}
              </th>
              <th scope="col">
                <span className="visually-hidden">{t('Balk (0 tot 100 procent)')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {entry.periods.map((period) => {
              const percent = Math.round(period.shareInWindow * 100);
              return (
                <tr key={period.period}>
                  <th scope="row">{periodLabel(t, format.date, period.period)}</th>
                  {isByWeek ? <td className="number">{format.number(period.days)}</td> : null}
                  <td className="number">{format.number(period.pupilsCheckedIn)}</td>
                  <td className="number">{t('{{percent}}%', { percent: format.number(percent) })}</td>
                  <td>
                    <svg className="figure-bar" viewBox={`0 0 ${BAR_WIDTH} ${BAR_HEIGHT}`} preserveAspectRatio="none" aria-hidden="true" focusable="false">
                      <rect className="figure-bar-track" x={0} y={0} width={BAR_WIDTH} height={BAR_HEIGHT} />
                      <rect className="figure-bar-fill" x={0} y={0} width={(BAR_WIDTH * percent) / 100} height={BAR_HEIGHT} />
                    </svg>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}

const WEEK_PATTERN = /^(\d{4})-W(\d{1,2})$/;

/** "2026-W47" as "week 47 (2026)", a date as a date. */
function periodLabel(t: TFunction, formatDate: (value: string) => string, period: string): string {
  const week = WEEK_PATTERN.exec(period);
  if (week) return t('week {{week}} ({{year}})', { week: Number(week[2]), year: week[1] });
  return formatDate(period);
}

/** The query parameters of a figures request (empty values left out by apiPath). */
export function figuresQueryParams(query: FiguresQuery): Record<string, string | undefined> {
  return { from: query.from || undefined, to: query.to || undefined, groupBy: query.groupBy };
}
