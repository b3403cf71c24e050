import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AspectAggregate, DevelopmentModel } from '../../api/api-types';
import { useFormat } from '../../i18n/format';
import { useModelText } from './selfscan-model';

// Bars are drawn in a fixed coordinate space; the SVG scales to its cell.
const CHART_WIDTH = 240;
const CHART_HEIGHT = 16;
const TICKS = [1, 2, 3, 4] as const;

/**
 * Per layer, the team's median for each aspect as a horizontal bar on the phase 1–4 scale. Each
 * layer is a table, so the aspect names and medians are real text; the bars only repeat them.
 * `firstLayerEvidence` (the training coverage) sits right under the first layer, knowledge development.
 */
export function SelfscanLayerBars({ model, stats, firstLayerEvidence }: { model: DevelopmentModel; stats: AspectAggregate[]; firstLayerEvidence?: ReactNode }) {
  const { t } = useTranslation();
  const format = useFormat();
  const modelText = useModelText();
  const byAspect = new Map(stats.map((entry) => [entry.aspect, entry]));
  const xOf = (phase: number) => (phase / 4) * CHART_WIDTH;

  return (
    <section aria-labelledby="laagbalken-kop" className="layer-bars">
      <h2 id="laagbalken-kop" className="results-section-title">
        {t('Mediaan per laag')}
      </h2>
      <p className="muted">{t('Per accent de mediaan van het hele team, op de schaal van groeifase 1 tot en met 4. Een streepje betekent dat er geen mediaan is.')}</p>
      {model.layers.map((layer, layerIndex) => {
        const captionId = `laagbalken-${layer.id}`;
        return (
          <Fragment key={layer.id}>
            <figure className="layer-bars-figure" aria-labelledby={captionId}>
              <figcaption id={captionId}>{modelText(layer.name)}</figcaption>
              <table className="layer-bars-table" aria-labelledby={captionId}>
                <thead>
                  <tr>
                    <th scope="col">{t('Accent')}</th>
                    <th scope="col" className="number">
                      {t('Mediaan')}
                    </th>
                    <th scope="col">
                      <span className="visually-hidden">{t('Balk (groeifase 1 tot en met 4)')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {layer.aspects.map((aspect) => {
                    const median = byAspect.get(aspect.id)?.median ?? null;
                    return (
                      <tr key={aspect.id}>
                        <th scope="row">{modelText(aspect.name)}</th>
                        <td className="number">{median === null ? '–' : format.decimal(median, 1)}</td>
                        <td className="layer-bar-cell">
                          <svg className="layer-bar" viewBox={`0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`} preserveAspectRatio="none" aria-hidden="true" focusable="false">
                            <rect className="layer-bar-track" x={0} y={0} width={CHART_WIDTH} height={CHART_HEIGHT} />
                            {median === null ? null : <rect className="layer-bar-fill" x={0} y={2} width={xOf(median)} height={CHART_HEIGHT - 4} />}
                            {TICKS.map((phase) => (
                              <line key={phase} className="layer-bar-tick" x1={xOf(phase)} x2={xOf(phase)} y1={0} y2={CHART_HEIGHT} />
                            ))}
                          </svg>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </figure>
            {layerIndex === 0 && firstLayerEvidence ? firstLayerEvidence : null}
          </Fragment>
        );
      })}
    </section>
  );
}
