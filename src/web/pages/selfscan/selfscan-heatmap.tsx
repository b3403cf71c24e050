import { Fragment, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AspectCell, DevelopmentModel, RoundResults, TeamAspectCell } from '../../api/api-types';
import { useFormat } from '../../i18n/format';
import { roleGroupLabel } from '../../i18n/labels';
import { PHASE_KEYS, tooFewAnswersText, useModelText } from './selfscan-model';

/** How strongly a heatmap cell is shaded: 0 for nobody, then 1 to 4 for up to a quarter, half, three quarters, all of the team. */
export function shareLevelOf(count: number, total: number): 0 | 1 | 2 | 3 | 4 {
  if (count <= 0 || total <= 0) return 0;
  return Math.min(4, Math.max(1, Math.ceil((count / total) * 4))) as 1 | 2 | 3 | 4;
}

const LEVELS = [0, 1, 2, 3, 4] as const;

/**
 * The one overview of a closed round: per layer a table of its aspects × the four growth phases, each cell the
 * number of colleagues who chose that phase, shaded darker the larger their share of the team; the median; a mark
 * for agreement ("eens") or spread ("bespreekpunt"). A hidden aspect (fewer than k ratings) reads "te weinig
 * antwoorden" on a hatched cell without any number. The aspect name opens its detail: figures, role groups, notes.
 * `evidenceAfterLayer` puts evidence from elsewhere right under the layer it is about, by layer id: the training
 * coverage under layer 1 (knowledge development), the care coverage under layer 3a (relationships).
 */
export function SelfscanHeatmap({ model, results, evidenceAfterLayer = {} }: { model: DevelopmentModel; results: RoundResults; evidenceAfterLayer?: Readonly<Record<string, ReactNode>> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const modelText = useModelText();
  const { aggregate } = results;
  const k = aggregate.minGroupSize;
  const byAspect = new Map(aggregate.aspects.map((cell) => [cell.aspect, cell]));
  const notesByAspect = new Map(results.notes.map((entry) => [entry.aspectId, entry]));
  const [openAspects, setOpenAspects] = useState<ReadonlySet<string>>(new Set());
  const toggle = (aspectId: string) =>
    setOpenAspects((current) => {
      const next = new Set(current);
      if (next.has(aspectId)) next.delete(aspectId);
      else next.add(aspectId);
      return next;
    });
  const levelText = {
    0: t('niemand'),
    1: t('tot een kwart van het team'),
    2: t('tot de helft'),
    3: t('tot driekwart'),
    4: t('meer dan driekwart'),
  } as const;

  return (
    <section aria-labelledby="overzicht-kop" className="heat-overview">
      <h2 id="overzicht-kop" className="results-section-title">
        {t('Overzicht per accent')}
      </h2>
      <p className="muted">
        {t('Per accent staat bij elke groeifase hoeveel collega’s die kozen. Hoe donkerder het vak, hoe groter hun deel van het team. Klik op een accent voor de cijfers, de rolgroepen en de toelichtingen.')}
      </p>
      <ul className="heat-legend" aria-label={t('Legenda')}>
        {LEVELS.map((level) => (
          <li key={level}>
            <span className={`heat-swatch heat-level-${level}`} aria-hidden="true" /> {levelText[level]}
          </li>
        ))}
        <li>
          <span className="heat-swatch heat-hidden" aria-hidden="true" /> {t('te weinig antwoorden (minder dan {{k}}): geen cijfers', { k })}
        </li>
        <li>
          <span className="agreement-mark">{t('✓ Eens')}</span> {t('overeenstemming 0,7 of meer')}
        </li>
        <li>
          <span className="discuss-mark">{t('⚠ Bespreekpunt')}</span> {t('de antwoorden lopen uiteen')}
        </li>
      </ul>
      {model.layers.map((layer) => (
        <Fragment key={layer.id}>
          <table className="heatmap overview-layer">
            <caption>{modelText(layer.name)}</caption>
            <thead>
              <tr>
                <th scope="col" className="heat-aspect-column">
                  {t('Accent')}
                </th>
                {PHASE_KEYS.map((phase) => (
                  <th scope="col" key={phase} className="heat-phase-column">
                    <span aria-hidden="true">{phase}</span>
                    <span className="visually-hidden">{modelText(model.phases[phase])}</span>
                  </th>
                ))}
                <th scope="col" className="heat-median-column">
                  {t('Mediaan')}
                </th>
              </tr>
            </thead>
            <tbody>
              {layer.aspects.map((aspect) => {
                const cell = byAspect.get(aspect.id);
                const isOpen = openAspects.has(aspect.id);
                const detailId = `detail-${aspect.id.replace(/[^a-z0-9-]/g, '-')}`;
                return (
                  <Fragment key={aspect.id}>
                    <tr>
                      <th scope="row">
                        <button type="button" className="heat-toggle" aria-expanded={isOpen} aria-controls={detailId} onClick={() => toggle(aspect.id)}>
                          <span className="heat-toggle-sign" aria-hidden="true">
                            {isOpen ? '▾' : '▸'}
                          </span>
                          {modelText(aspect.name)}
                        </button>
                        {cell && !cell.hidden ? (
                          cell.discuss ? (
                            <span className="discuss-mark">{t('⚠ Bespreekpunt')}</span>
                          ) : (
                            <span className="agreement-mark">{t('✓ Eens')}</span>
                          )
                        ) : null}
                      </th>
                      {cell && !cell.hidden ? (
                        <>
                          {PHASE_KEYS.map((phase) => (
                            <td key={phase} className={`heat heat-level-${shareLevelOf(cell.counts[phase], cell.n)}`}>
                              {cell.counts[phase]}
                            </td>
                          ))}
                          <td className="heat-median">{format.decimal(cell.median, 1)}</td>
                        </>
                      ) : (
                        <td colSpan={PHASE_KEYS.length + 1} className="heat-hidden">
                          {tooFewAnswersText(t, k)}
                        </td>
                      )}
                    </tr>
                    <tr id={detailId} className="heat-detail" hidden={!isOpen}>
                      <td colSpan={PHASE_KEYS.length + 2}>
                        <AspectDetail cell={cell} groups={aggregate.groups} aspectId={aspect.id} notes={notesByAspect.get(aspect.id)} k={k} />
                      </td>
                    </tr>
                  </Fragment>
                );
              })}
            </tbody>
          </table>
          {evidenceAfterLayer[layer.id] ?? null}
        </Fragment>
      ))}
    </section>
  );
}

interface AspectDetailProps {
  cell: TeamAspectCell | undefined;
  groups: RoundResults['aggregate']['groups'];
  aspectId: string;
  notes: RoundResults['notes'][number] | undefined;
  k: number;
}

// Detail on demand: the whole team's figures, the role groups (each under the same k rule) and the notes.
function AspectDetail({ cell, groups, aspectId, notes, k }: AspectDetailProps) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="heat-detail-body">
      {cell && !cell.hidden ? (
        <dl className="detail-facts">
          <div>
            <dt>{t('Met een groeifase')}</dt>
            <dd>{format.number(cell.n)}</dd>
          </div>
          <div>
            <dt>{t('Weet ik niet')}</dt>
            <dd>{format.number(cell.dontKnow)}</dd>
          </div>
          <div>
            <dt>{t('Mediaan')}</dt>
            <dd>{format.decimal(cell.median, 1)}</dd>
          </div>
          <div>
            <dt>{t('Gemiddelde')}</dt>
            <dd>{format.decimal(cell.mean, 2)}</dd>
          </div>
          <div>
            <dt>{t('Overeenstemming')}</dt>
            <dd>{format.decimal(cell.rwg, 2)}</dd>
          </div>
        </dl>
      ) : (
        <p>{t('Minder dan {{k}} mensen kozen bij dit accent een groeifase, dus tonen we geen cijfers. “Weet ik niet” telt daarbij niet mee.', { k })}</p>
      )}
      <p className="detail-title">{t('Per rolgroep')}</p>
      {groups.length === 0 ? (
        <p className="muted">{t('Een rol krijgt pas eigen cijfers als minstens {{k}} mensen met die rol meededen; zo blijft niemand herkenbaar.', { k })}</p>
      ) : (
        <>
          <ul className="detail-groups">
            {groups.map((group) => (
              <li key={group.group}>
                <strong>{roleGroupLabel(t, group.group)}</strong>: <GroupFigures cell={group.aspects.find((entry) => entry.aspect === aspectId)} k={k} />
              </li>
            ))}
          </ul>
          {groups.some((group) => group.aspects.find((entry) => entry.aspect === aspectId)?.hidden !== false) ? (
            <p className="muted">
              {t('Per accent kan een rolgroep ook verborgen zijn als een andere groep dat is: anders zou het hele team min de getoonde groepen de verborgen groep verraden.')}
            </p>
          ) : null}
        </>
      )}
      <p className="detail-title">{t('Toelichtingen')}</p>
      {!notes || notes.hidden ? (
        <p className="muted">{t('Bij een accent dat minder dan {{k}} mensen beantwoordden (ook met “weet ik niet”), tonen we geen toelichtingen.', { k })}</p>
      ) : notes.notes.length === 0 ? (
        <p className="muted">{t('Er zijn geen toelichtingen gegeven.')}</p>
      ) : (
        <ul className="detail-notes">
          {notes.notes.map((note, index) => (
            <li key={index}>{note}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function GroupFigures({ cell, k }: { cell: AspectCell | undefined; k: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!cell || cell.hidden) return <>{tooFewAnswersText(t, k)}</>;
  return (
    <>
      {t('{{n}} antwoorden, mediaan {{median}}, overeenstemming {{rwg}}', { n: format.number(cell.n), median: format.decimal(cell.median, 1), rwg: format.decimal(cell.rwg, 2) })}
      {cell.discuss ? <> · {t('bespreekpunt')}</> : null}
    </>
  );
}
