import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, ApiError, apiPath } from '../../api/api-client';
import type { AspectAggregate, ModelDetail, RoundResults } from '../../api/api-types';
import { useApiData } from '../../api/use-api-data';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { LoadState, SuccessMessage } from '../../components/load-state';
import { Page } from '../../components/page';
import { TableWrap } from '../../components/table-wrap';
import { useFormat } from '../../i18n/format';
import { roleGroupLabel } from '../../i18n/labels';
import { TrainingCoverageEvidence } from '../plan/training-coverage-panel';
import { useSchool } from '../school/school-layout';
import { heatClass, PHASE_KEYS, type PlacedAspect, placedAspectsOf, useModelText } from './selfscan-model';
import { SelfscanShiftSection } from './selfscan-shift-section';
import { SelfscanLayerBars } from './selfscan-layer-bars';
import { SelfscanReportActions } from './selfscan-report-actions';

/** The results and model of a round, loaded together; the results page and the consensus page share them. */
export function useRoundResults(schoolId: string, roundId: string) {
  const results = useApiData<RoundResults>(apiPath('/api/schools/:schoolId/selfscan/rounds/:roundId/results', { schoolId, roundId }));
  const modelPath = results.data ? apiPath('/api/schools/:schoolId/selfscan/models/:modelId', { schoolId, modelId: results.data.round.model.id }) : null;
  const model = useApiData<ModelDetail>(modelPath);
  return { results, model, error: results.error ?? model.error, isReady: Boolean(results.data && model.data) };
}

/** The results of a round: heatmap, statistics per aspect and role group, distributions and notes. */
export function SelfscanResultsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const modelText = useModelText();
  const { school, can } = useSchool();
  const { roundId = '' } = useParams();
  const { results, model, error, isReady } = useRoundResults(school.id, roundId);
  const [isSharing, setIsSharing] = useState(false);
  const [shareError, setShareError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  if (!isReady || !results.data || !model.data) {
    return (
      <Page title={t('Uitkomsten zelfscan')}>
        <LoadState error={error} isLoading />
      </Page>
    );
  }
  const { round, aggregate, notes } = results.data;
  const aspects = placedAspectsOf(model.data.definition);
  const byAspect = new Map(aggregate.aspects.map((entry) => [entry.aspect, entry]));
  const nameOf = (aspectId: string) => {
    const entry = aspects.find((candidate) => candidate.aspect.id === aspectId);
    return entry ? modelText(entry.aspect.name) : aspectId;
  };
  const widest = Math.max(...model.data.definition.layers.map((layer) => layer.aspects.length));
  const notesShown = notes.filter((entry) => entry.notes.length > 0);
  const discussCount = aggregate.aspects.filter((entry) => entry.discuss).length;

  const share = async () => {
    try {
      await api.post(apiPath('/api/schools/:schoolId/selfscan/rounds/:roundId/share', { schoolId: school.id, roundId }));
      setIsSharing(false);
      setSaved(t('De uitkomsten zijn gedeeld met het team.'));
      results.reload();
    } catch (failure) {
      setShareError(failure instanceof ApiError ? failure.message : String(failure));
    }
  };

  return (
    <Page title={t('Uitkomsten: {{name}}', { name: round.name })}>
      <SuccessMessage message={saved} />
      <dl className="facts">
        <div>
          <dt>{t('Ingevuld')}</dt>
          <dd>{t('{{responded}} van {{invited}}', { responded: format.number(round.progress.responded), invited: format.number(round.progress.invited) })}</dd>
        </div>
        <div>
          <dt>{t('Bespreekpunten')}</dt>
          <dd>{format.number(discussCount)}</dd>
        </div>
        <div>
          <dt>{t('Gedeeld met het team')}</dt>
          <dd>{round.resultsSharedAt ? format.dateTime(round.resultsSharedAt) : t('Nog niet')}</dd>
        </div>
      </dl>
      <p className="muted">
        {t('Overeenstemming (rwg) loopt van 0 (het team denkt heel verschillend) tot 1 (iedereen koos hetzelfde). Onder 0,7 is een accent een bespreekpunt.')}
      </p>
      <SelfscanReportActions schoolId={school.id} roundId={round.id} canExportRatings={can('school.selfscan.raw.export')} />
      {can('school.selfscan.manage') ? (
        <div className="form-actions results-actions">
          {round.resultsSharedAt === null ? (
            <button
              type="button"
              className="button"
              onClick={() => {
                setShareError(null);
                setIsSharing(true);
              }}
            >
              {t('Delen met het team')}
            </button>
          ) : null}
          <Link className="button button-secondary" to={`/scholen/${school.id}/zelfscan/${round.id}/vaststellen`}>
            {t('Samen vaststellen')}
          </Link>
        </div>
      ) : null}

      <h2 className="results-section-title">{t('Overzicht per groeilaag')}</h2>
      <p className="muted">{t('De mediaan per accent; een donkerder kleur betekent een hogere groeifase.')}</p>
      <TableWrap label={t('Mediaan per groeilaag en accent')}>
        <table className="heatmap">
          <caption>{t('Mediaan per groeilaag en accent')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('Groeilaag')}</th>
              {Array.from({ length: widest }, (_, column) => (
                <th scope="col" key={column}>
                  {t('Accent {{number}}', { number: column + 1 })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {model.data.definition.layers.map((layer) => (
              <tr key={layer.id}>
                <th scope="row">{modelText(layer.name)}</th>
                {Array.from({ length: widest }, (_, column) => {
                  const aspect = layer.aspects[column];
                  if (!aspect) return <td key={column} />;
                  const stats = byAspect.get(aspect.id);
                  const median = stats?.median ?? null;
                  return (
                    <td key={aspect.id} className={heatClass(median)}>
                      <span className="heat-name">{modelText(aspect.name)}</span>
                      <span className="heat-value">{median === null ? t('geen mediaan') : t('mediaan {{value}}', { value: format.decimal(median, 1) })}</span>
                      {stats?.discuss ? <span className="discuss-mark">{t('Bespreekpunt')}</span> : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>

      <h2 className="results-section-title">{t('Hele team')}</h2>
      <p>{t('{{people}} deelnemers', { people: format.number(aggregate.respondents) })}</p>
      <StatsTable caption={t('Uitkomsten per accent, hele team')} aspects={aspects} stats={aggregate.aspects} />
      <DistributionTable aspects={aspects} stats={aggregate.aspects} phaseName={(phase) => modelText(model.data!.definition.phases[phase])} />

      <SelfscanLayerBars
        model={model.data.definition}
        stats={aggregate.aspects}
        firstLayerEvidence={can('school.training.read') ? <TrainingCoverageEvidence schoolId={school.id} /> : null}
      />
      <SelfscanShiftSection schoolId={school.id} round={round} model={model.data.definition} />
      <h2 className="results-section-title">{t('Per rolgroep')}</h2>
      {aggregate.groups.length === 0 ? (
        <p className="notice">
          {t('Een rol krijgt pas een eigen overzicht als minstens {{size}} mensen met die rol hebben meegedaan; zo blijft niemand herkenbaar.', { size: aggregate.minGroupSize })}
        </p>
      ) : (
        aggregate.groups.map((group) => (
          <section key={group.group} aria-labelledby={`groep-${group.group}`}>
            <h3 id={`groep-${group.group}`}>
              {t('{{group}} ({{people}} deelnemers)', { group: roleGroupLabel(t, group.group), people: format.number(group.respondents) })}
            </h3>
            <StatsTable caption={t('Uitkomsten per accent, {{group}}', { group: roleGroupLabel(t, group.group) })} aspects={aspects} stats={group.aspects} />
          </section>
        ))
      )}

      <h2 className="results-section-title">{t('Toelichtingen')}</h2>
      {notesShown.length === 0 ? (
        <p className="notice">{t('Er zijn geen toelichtingen gegeven.')}</p>
      ) : (
        notesShown.map((entry) => (
          <section key={entry.aspectId} className="card notes" aria-labelledby={`toelichting-${entry.aspectId}`}>
            <h3 id={`toelichting-${entry.aspectId}`}>{nameOf(entry.aspectId)}</h3>
            <ul>
              {entry.notes.map((note, index) => (
                <li key={index}>{note}</li>
              ))}
            </ul>
          </section>
        ))
      )}
      <p>
        <Link to={`/scholen/${school.id}/zelfscan`}>{t('Terug naar de zelfscan')}</Link>
      </p>

      <ConfirmDialog
        isOpen={isSharing}
        title={t('Uitkomsten delen met het team?')}
        message={<p>{t('Iedereen in de school kan de uitkomsten en de toelichtingen dan zien, zonder namen. Delen kun je niet terugdraaien.')}</p>}
        confirmLabel={t('Delen met het team')}
        error={shareError}
        onConfirm={share}
        onCancel={() => setIsSharing(false)}
      />
    </Page>
  );
}

function StatsTable({ caption, aspects, stats }: { caption: string; aspects: PlacedAspect[]; stats: AspectAggregate[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const modelText = useModelText();
  const byAspect = new Map(stats.map((entry) => [entry.aspect, entry]));
  const value = (number: number | null, digits = 2) => (number === null ? '–' : format.decimal(number, digits));
  return (
    <TableWrap label={caption}>
      <table className="stats-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('Accent')}</th>
            <th scope="col" className="number">
              {t('Aantal')}
            </th>
            <th scope="col" className="number">
              {t('Weet ik niet')}
            </th>
            <th scope="col" className="number">
              {t('Mediaan')}
            </th>
            <th scope="col" className="number">
              {t('Gemiddelde')}
            </th>
            <th scope="col" className="number">
              {t('Overeenstemming')}
            </th>
            <th scope="col">{t('Bespreekpunt')}</th>
          </tr>
        </thead>
        <tbody>
          {aspects.map((entry) => {
            const row = byAspect.get(entry.aspect.id);
            if (!row) return null;
            return (
              <tr key={entry.aspect.id} className={row.discuss ? 'row-discuss' : undefined}>
                <th scope="row">{modelText(entry.aspect.name)}</th>
                <td className="number">{format.number(row.n)}</td>
                <td className="number">{format.number(row.dontKnow)}</td>
                <td className="number">{value(row.median, 1)}</td>
                <td className="number">{value(row.mean)}</td>
                <td className="number">{value(row.rwg)}</td>
                <td>{row.discuss ? <span className="discuss-mark">{t('Bespreekpunt')}</span> : <span className="muted">{t('nee')}</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableWrap>
  );
}

function DistributionTable({ aspects, stats, phaseName }: { aspects: PlacedAspect[]; stats: AspectAggregate[]; phaseName: (phase: '1' | '2' | '3' | '4') => string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const modelText = useModelText();
  const byAspect = new Map(stats.map((entry) => [entry.aspect, entry]));
  const caption = t('Verdeling over de groeifasen, hele team');
  return (
    <TableWrap label={caption}>
      <table className="distribution-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('Accent')}</th>
            {PHASE_KEYS.map((phase) => (
              <th scope="col" key={phase}>
                {phaseName(phase)}
              </th>
            ))}
            <th scope="col">{t('Weet ik niet')}</th>
          </tr>
        </thead>
        <tbody>
          {aspects.map((entry) => {
            const row = byAspect.get(entry.aspect.id);
            if (!row) return null;
            const total = row.n + row.dontKnow;
            const cells = [...PHASE_KEYS.map((phase) => ({ key: phase, count: row.counts[phase] })), { key: 'dont-know', count: row.dontKnow }];
            return (
              <tr key={entry.aspect.id}>
                <th scope="row">{modelText(entry.aspect.name)}</th>
                {cells.map((cell) => (
                  <td key={cell.key} className="bar-cell">
                    <span className="bar-number">{format.number(cell.count)}</span>
                    <span className="bar-track" aria-hidden="true">
                      <span className={cell.key === 'dont-know' ? 'bar bar-unknown' : 'bar'} style={{ width: `${total === 0 ? 0 : (cell.count / total) * 100}%` }} />
                    </span>
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableWrap>
  );
}
