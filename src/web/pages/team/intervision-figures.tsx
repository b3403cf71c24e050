import { useTranslation } from 'react-i18next';
import { apiPath } from '../../api/api-client';
import type { IntervisionFigures } from '../../api/team-intervision-types';
import { useApiData } from '../../api/use-api-data';
import { LoadState } from '../../components/load-state';
import { useFormat } from '../../i18n/format';
import { coreConceptLabel } from './intervision-labels';

/** One school year's counts as list items: sessions by kind, distinct people (or why not), core concepts. */
function YearFigures({ year, k }: { year: IntervisionFigures['years'][number]; k: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <ul>
      <li>{t('Bijeenkomsten: {{sessions}} ({{intervision}} intervisie, {{supervision}} supervisie)', { sessions: format.number(year.sessions), intervision: format.number(year.intervision), supervision: format.number(year.supervision) })}</li>
      <li>
        {year.participants === null
          ? t('Verschillende deelnemers: minder dan {{k}}, daarom geen aantal', { k })
          : t('Verschillende deelnemers: {{people}}', { people: format.number(year.participants) })}
      </li>
      {year.concepts.length > 0 ? (
        <li>{t('Kernbegrippen: {{list}}', { list: year.concepts.map((entry) => `${coreConceptLabel(t, entry.concept)} (${format.number(entry.sessions)})`).join(', ') })}</li>
      ) : null}
    </ul>
  );
}

/** The counts per school year on the intervision page (school.team.figures). */
export function IntervisionFiguresSection({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation();
  const figures = useApiData<IntervisionFigures>(apiPath('/api/schools/:schoolId/team/intervision/figures', { schoolId }));
  const data = figures.data;
  return (
    <section aria-labelledby="intervisie-cijfers">
      <h2 id="intervisie-cijfers">{t('Aantallen per schooljaar')}</h2>
      {!data ? (
        <LoadState error={figures.error} isLoading={figures.isLoading} />
      ) : (
        data.years.map((year) => (
          <div key={year.schoolYear}>
            <h3>{year.schoolYear}</h3>
            <YearFigures year={year} k={data.minGroupSize} />
          </div>
        ))
      )}
    </section>
  );
}

/**
 * The intervision log as evidence beside the self-scan aspect about gaining and deepening knowledge (layer 1): this
 * school year's counts, folded to one line like the other evidence so the results page stays short. Render it only for
 * people who hold school.team.figures; the API refuses everyone else.
 */
export function IntervisionEvidence({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation();
  const figures = useApiData<IntervisionFigures>(apiPath('/api/schools/:schoolId/team/intervision/figures', { schoolId }));
  const year = figures.data?.years[0];
  return (
    <section className="folded-evidence intervision-evidence" aria-labelledby="intervisie-bewijs">
      <details>
        <summary>
          <h3 id="intervisie-bewijs">{t('Intervisie en supervisie (laag 1: kennis opdoen en verdiepen)')}</h3>
        </summary>
        {!figures.data || !year ? <LoadState error={figures.error} isLoading={figures.isLoading} /> : <YearFigures year={year} k={figures.data.minGroupSize} />}
      </details>
    </section>
  );
}
