import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { apiPath } from '../../api/api-client';
import type { SchoolEffect } from '../../api/questionnaire-types';
import { useApiData } from '../../api/use-api-data';
import { LoadState } from '../../components/load-state';
import { Page } from '../../components/page';
import { TableWrap } from '../../components/table-wrap';
import { useFormat } from '../../i18n/format';
import { useSchool } from '../school/school-layout';
import { tooFewAnswersText, useModelText } from '../selfscan/selfscan-model';
import { EffectChart } from './effect-chart';

type Scale = SchoolEffect['instruments'][number]['scales'][number];
type Fitted = Extract<Scale['effect'], { status: 'fitted' }>;
type Estimate = Fitted['slopeDifference'];
type NotFittedReason = Extract<Scale['effect'], { status: 'not_fitted' }>['reason'];

// "Does TSO work in our school?": per questionnaire and scale the mean of every closed wave and the growth
// model's answer — growth after the team training against growth before it, and the level against the same
// season a year earlier — in careful words: an indication, never proof that the training caused it.

/** The school's effect evaluation over all its closed waves. */
export function EffectPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const text = useModelText();
  const { school } = useSchool();
  const { data, error, isLoading } = useApiData<SchoolEffect>(apiPath('/api/schools/:schoolId/effect-evaluation', { schoolId: school.id }));

  return (
    <Page
      title={t('Effect van TSO')}
      intro={
        <p>
          {t(
            'Groeien leerkrachten en leerlingen na de teamscholing sterker dan ervoor, en ligt de score hoger dan in dezelfde periode een jaar eerder? Hier zie je per schaal het gemiddelde van elke afgesloten meting en wat een groeimodel daaruit schat. Lees het als aanwijzing: ook andere dingen veranderen in een schooljaar, dus het bewijst niet dat de scholing de oorzaak is.',
          )}
        </p>
      }
    >
      <LoadState error={error} isLoading={isLoading && !data} />
      {data ? (
        <>
          <p className="notice">
            {data.trainingOn
              ? t('Teamscholing volgens het scholingsregister: {{date}}. Metingen vanaf die dag tellen als "na de scholing".', { date: format.date(data.trainingOn) })
              : t('Het scholingsregister heeft nog geen teamscholing. Zet de scholing in het register; zonder scholingsdatum is er geen voor en na.')}
          </p>
          {data.instruments.length === 0 ? <p>{t('Er is nog geen afgesloten meting. Plan metingen onder Metingen: drie per schooljaar, vóór en na de teamscholing.')}</p> : null}
          {data.instruments.map((instrument) => (
            <section key={instrument.id} aria-labelledby={`effect-${instrument.id}`}>
              <h2 id={`effect-${instrument.id}`}>{text(instrument.name)}</h2>
              {instrument.scales.map((scale) => (
                <ScaleEffect key={scale.id} scale={scale} data={data} headingId={`effect-${instrument.id}-${scale.id}`} />
              ))}
            </section>
          ))}
        </>
      ) : null}
    </Page>
  );
}

function ScaleEffect({ scale, data, headingId }: { scale: Scale; data: SchoolEffect; headingId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const text = useModelText();
  const name = text(scale.name);
  const waveById = new Map(data.waves.map((wave) => [wave.id, wave]));
  const effect = scale.effect;
  const wavesCaption = t('{{scale}}: gemiddelde per meting (scores van {{lowest}} tot {{highest}})', { scale: name, lowest: scale.range.lowest, highest: scale.range.highest });

  return (
    <section className="effect-scale" aria-labelledby={headingId}>
      <h3 id={headingId}>{name}</h3>
      {effect.status === 'fitted' ? (
        <ul className="effect-findings">
          <li>{slopeSentence(t, format, effect.slopeDifference)}</li>
          <li>{effect.sameSeason ? seasonSentence(t, format, effect.sameSeason) : t('Er is nog geen meting na de scholing met een meting in dezelfde periode een jaar eerder.')}</li>
        </ul>
      ) : (
        <p className="notice">{notFittedText(t, effect.reason, data.minGroupSize)}</p>
      )}
      <figure className="effect-figure">
        <EffectChart scale={scale} waves={data.waves} trainingOn={data.trainingOn} title={wavesCaption} />
        <figcaption className="muted">{t('Een punt is het gemiddelde van een meting (open: vóór de scholing, dicht: erna). Een meting met te weinig antwoorden heeft geen punt.')}</figcaption>
      </figure>
      <TableWrap label={wavesCaption}>
        <table>
          <caption>{wavesCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('Meting')}</th>
              <th scope="col">{t('Geopend op')}</th>
              <th scope="col">{t('Scholing')}</th>
              <th scope="col">{t('Aantal (n)')}</th>
              <th scope="col">{t('Gemiddelde')}</th>
            </tr>
          </thead>
          <tbody>
            {scale.waves.map((entry) => {
              const wave = waveById.get(entry.waveId)!;
              return (
                <tr key={entry.waveId}>
                  <th scope="row">{wave.name}</th>
                  <td>{format.date(wave.opensOn)}</td>
                  <td>{entry.training === 'after' ? t('na') : t('vóór')}</td>
                  {entry.figures.hidden ? (
                    <td colSpan={2}>{tooFewAnswersText(t, data.minGroupSize)}</td>
                  ) : (
                    <>
                      <td>{format.number(entry.figures.n)}</td>
                      <td>{format.decimal(entry.figures.mean, 2)}</td>
                    </>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableWrap>
      {effect.status === 'fitted' ? <ModelTable effect={effect} scaleName={name} /> : null}
    </section>
  );
}

function ModelTable({ effect, scaleName }: { effect: Fitted; scaleName: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const caption = t('{{scale}}: het groeimodel ({{persons}} personen, {{measurements}} antwoorden)', { scale: scaleName, persons: effect.persons, measurements: effect.measurements });
  const rows: [string, Estimate | null][] = [
    [t('Groei per jaar vóór de scholing'), effect.baselineSlope],
    [t('Groei per jaar na de scholing'), effect.implementationSlope],
    [t('Verschil in groei per jaar (na min vóór)'), effect.slopeDifference],
    [t('Sprong op de dag van de scholing'), effect.levelChange],
    [t('Na de scholing tegenover dezelfde periode een jaar eerder'), effect.sameSeason],
  ];
  return (
    <details className="effect-model">
      <summary>{t('De schattingen van het model')}</summary>
      <TableWrap label={caption}>
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('Schatting')}</th>
              <th scope="col">{t('Waarde')}</th>
              <th scope="col">{t('95%-interval')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([label, estimate]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                {estimate ? (
                  <>
                    <td>{format.signed(estimate.estimate)}</td>
                    <td>{t('{{lower}} tot {{upper}}', { lower: format.signed(estimate.lower), upper: format.signed(estimate.upper) })}</td>
                  </>
                ) : (
                  <td colSpan={2}>{t('geen metingen om te vergelijken')}</td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {effect.isSingular ? (
        <p className="muted">{t('De verschillen tussen personen waren niet van toeval te onderscheiden; het model rekent daarom zonder. De schattingen hierboven blijven bruikbaar.')}</p>
      ) : null}
    </details>
  );
}

type Format = ReturnType<typeof useFormat>;

export function slopeSentence(t: TFunction, format: Format, difference: Estimate): string {
  const values = { difference: format.signed(difference.estimate), lower: format.signed(difference.lower), upper: format.signed(difference.upper) };
  if (difference.lower > 0) return t('Na de scholing groeide de score sterker dan ervoor: {{difference}} punt per jaar (95%-interval {{lower}} tot {{upper}}).', values);
  if (difference.upper < 0) return t('Na de scholing groeide de score minder sterk dan ervoor: {{difference}} punt per jaar (95%-interval {{lower}} tot {{upper}}).', values);
  return t('Geen duidelijk verschil tussen de groei vóór en na de scholing: {{difference}} punt per jaar (95%-interval {{lower}} tot {{upper}}).', values);
}

function seasonSentence(t: TFunction, format: Format, contrast: Estimate): string {
  const values = { difference: format.signed(contrast.estimate), lower: format.signed(contrast.lower), upper: format.signed(contrast.upper) };
  if (contrast.lower > 0) return t('Na de scholing ligt de score hoger dan in dezelfde periode een jaar eerder: {{difference}} punt (95%-interval {{lower}} tot {{upper}}).', values);
  if (contrast.upper < 0) return t('Na de scholing ligt de score lager dan in dezelfde periode een jaar eerder: {{difference}} punt (95%-interval {{lower}} tot {{upper}}).', values);
  return t('Geen duidelijk verschil met dezelfde periode een jaar eerder: {{difference}} punt (95%-interval {{lower}} tot {{upper}}).', values);
}

export function notFittedText(t: TFunction, reason: NotFittedReason, k: number): string {
  switch (reason) {
    case 'no_training':
      return t('Zonder teamscholing in het register is er geen voor en na om te vergelijken.');
    case 'too_few_waves':
      return t('Voor een schatting zijn minstens twee metingen vóór en twee na de teamscholing nodig.');
    case 'too_few_persons':
      return t('Te weinig mensen hebben deze lijst ingevuld voor een schatting (minder dan {{k}}).', { k });
    case 'not_identifiable':
      return t('Met deze metingen is de groei vóór en na de scholing niet apart te schatten: er is te weinig verschil in de momenten.');
    case 'no_school':
      return t('Geen van de scholen die delen heeft genoeg metingen voor een schatting: een teamscholing in het register, twee metingen ervoor en twee erna, en minstens {{k}} mensen.', { k });
  }
}
