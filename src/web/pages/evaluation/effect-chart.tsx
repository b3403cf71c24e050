import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SchoolEffect } from '../../api/questionnaire-types';

type Scale = SchoolEffect['instruments'][number]['scales'][number];
type Wave = SchoolEffect['waves'][number];

// A fixed coordinate space; the SVG scales to its box.
const WIDTH = 640;
const HEIGHT = 260;
const LEFT = 56;
const RIGHT = 40;
const TOP = 24;
const BOTTOM = 40;
const DAY_MS = 86_400_000;

/**
 * One scale over the waves: the observed mean of each wave as a dot (none for a hidden wave), the training day as
 * a dashed line, and the model's two fitted segments. The table beside it on the page is its text alternative.
 */
export function EffectChart({ scale, waves, trainingOn, title }: { scale: Scale; waves: readonly Wave[]; trainingOn: string | null; title: string }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const descriptionId = useId();
  const waveById = new Map(waves.map((wave) => [wave.id, wave]));
  const dates = scale.waves.map((entry) => waveById.get(entry.waveId)!.opensOn);
  if (trainingOn) dates.push(trainingOn);
  const first = Math.min(...dates.map((date) => Date.parse(date)));
  const last = Math.max(...dates.map((date) => Date.parse(date)));
  const span = Math.max(last - first, 30 * DAY_MS);
  const xOf = (date: string) => LEFT + ((Date.parse(date) - first) / span) * (WIDTH - LEFT - RIGHT);
  const { lowest, highest } = scale.range;
  const yOf = (score: number) => TOP + ((highest - score) / (highest - lowest)) * (HEIGHT - TOP - BOTTOM);
  const ticks = Array.from({ length: Math.floor(highest - lowest) + 1 }, (_, index) => lowest + index);
  const monthYear = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'nl-NL', { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const effect = scale.effect;

  return (
    <svg className="effect-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${titleId} ${descriptionId}`}>
      <title id={titleId}>{title}</title>
      <desc id={descriptionId}>
        {effect.status === 'fitted'
          ? t('Gemiddelde per meting als punt, de scholing als stippellijn en de geschatte groei ervoor en erna als twee lijnen. De cijfers staan in de tabel.')
          : t('Gemiddelde per meting als punt. De cijfers staan in de tabel.')}
      </desc>
      {ticks.map((tick) => (
        <g key={tick}>
          <line className="effect-grid" x1={LEFT} x2={WIDTH - RIGHT} y1={yOf(tick)} y2={yOf(tick)} />
          <text className="effect-axis-label" x={LEFT - 8} y={yOf(tick)} textAnchor="end" dominantBaseline="middle">
            {tick}
          </text>
        </g>
      ))}
      {trainingOn ? (
        <g>
          <line className="effect-training" x1={xOf(trainingOn)} x2={xOf(trainingOn)} y1={TOP - 8} y2={HEIGHT - BOTTOM} />
          <text className="effect-axis-label" x={xOf(trainingOn)} y={TOP - 12} textAnchor="middle">
            {t('Teamscholing')}
          </text>
        </g>
      ) : null}
      {effect.status === 'fitted'
        ? [effect.before, effect.after].map(([from, to], index) => (
            <line key={index} className="effect-fit" x1={xOf(from.date)} y1={yOf(from.score)} x2={xOf(to.date)} y2={yOf(to.score)} />
          ))
        : null}
      {scale.waves.map((entry) => {
        const wave = waveById.get(entry.waveId)!;
        return (
          <g key={entry.waveId}>
            {entry.figures.hidden ? null : <circle className={`effect-dot effect-dot--${entry.training}`} cx={xOf(wave.opensOn)} cy={yOf(entry.figures.mean)} r={6} />}
            <text className="effect-axis-label" x={xOf(wave.opensOn)} y={HEIGHT - BOTTOM + 20} textAnchor="middle">
              {monthYear.format(new Date(`${wave.opensOn}T00:00:00Z`))}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
