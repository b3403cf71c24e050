import { useTranslation } from 'react-i18next';
import type { ClosedPulse, PulseFiguresView, PulseInstrument } from '../../api/team-pulse-types';
import { TableWrap } from '../../components/table-wrap';
import { useFormat } from '../../i18n/format';
import { useModelText } from '../selfscan/selfscan-model';

/**
 * The trend over closed pulses: per pulse and scale the mean (1–5, higher is better) and the share of favourable
 * answers, under the k rule. A scale's mean is the mean of its items' means: the pulse keeps no one's answers
 * together, only how often each answer was given.
 */
export function PulseTrend({ closed, instrument, minGroupSize }: { closed: ClosedPulse[]; instrument: PulseInstrument; minGroupSize: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const text = useModelText();
  if (closed.length === 0) return <p>{t('Er is nog geen afgesloten peiling. De uitkomsten verschijnen hier zodra een peiling is afgesloten.')}</p>;
  const period = (pulse: ClosedPulse) => t('{{from}} tot en met {{to}}', { from: format.date(pulse.opensOn), to: format.date(pulse.closedOn ?? pulse.closesOn) });
  return (
    <>
      <p className="hint">
        {t('Per onderdeel het gemiddelde op een schaal van 1 tot 5 (hoger is beter) en het deel van de antwoorden dat gunstig is. Alleen bij minstens {{k}} antwoorden; anders blijft het verborgen, zodat niemand te herkennen is.', { k: minGroupSize })}
      </p>
      <TableWrap label={t('Uitkomsten per peiling')}>
        <table>
          <caption>{t('Uitkomsten per peiling')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('Peiling')}</th>
              <th scope="col">{t('Ingevuld door')}</th>
              {instrument.scales.map((scale) => (
                <th scope="col" key={scale.id}>
                  {text(scale.name)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {closed.map((pulse) => (
              <tr key={pulse.id}>
                <th scope="row">{period(pulse)}</th>
                <td>{pulse.votes === null ? t('minder dan {{k}}', { k: minGroupSize }) : format.number(pulse.votes)}</td>
                {instrument.scales.map((scale) => (
                  <td key={scale.id}>
                    <Figures figures={pulse.scales.find((entry) => entry.scaleId === scale.id)?.figures ?? { hidden: true }} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <details>
        <summary>{t('Per vraag')}</summary>
        {closed.map((pulse) => (
          <section key={pulse.id} aria-label={period(pulse)}>
            <h3>{period(pulse)}</h3>
            {pulse.isLargeEnough ? (
              <ul>
                {instrument.items.map((item) => {
                  const figures = pulse.scales.flatMap((scale) => scale.items).find((entry) => entry.itemId === item.id)?.figures ?? { hidden: true };
                  return (
                    <li key={item.id}>
                      {text(item.text)} <Figures figures={figures} />
                    </li>
                  );
                })}
              </ul>
            ) : (
              <p>{t('Te weinig antwoorden om iets te laten zien.')}</p>
            )}
          </section>
        ))}
      </details>
    </>
  );
}

/** One cell: the mean and the favourable share, or that it stays hidden. */
function Figures({ figures }: { figures: PulseFiguresView }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (figures.hidden) return <span className="hint">{t('verborgen')}</span>;
  return <span>{t('{{mean}} · {{share}}% gunstig', { mean: format.decimal(figures.mean, 1), share: format.number(Math.round(figures.favourableShare * 100)) })}</span>;
}
