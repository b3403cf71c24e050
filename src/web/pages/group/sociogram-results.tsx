import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CdcStatus, NbStatus, SociogramResults } from '../../api/sociogram-types';
import { TableWrap } from '../../components/table-wrap';
import { questionText, statusExplanation, statusLabel } from './sociogram-labels';

type Pupil = SociogramResults['pupils'][number];
type Method = 'cdc' | 'nb';

const STATUS_ORDER: readonly (CdcStatus | NbStatus)[] = ['popular', 'average', 'controversial', 'neglected', 'rejected', 'unclassified'];
const NODE_RADIUS = 14;

/**
 * A closed sociogram's results for the class's teachers and the care team: the network picture (the status by shape
 * and colour, never colour alone; "rather not" choices on a layer that is off until switched on), the status of every
 * pupil by both methods side by side, the sociomatrix as the accessible alternative to the picture, the SP × SI
 * scatter, the groups, and what changed since the previous sociogram.
 */
export function SociogramResultsView({ results, pdfPath }: { results: SociogramResults; pdfPath: string | null }) {
  const { t } = useTranslation();
  const [method, setMethod] = useState<Method>('cdc');
  const [showNegative, setShowNegative] = useState(false);
  const hasNegative = results.sociogram.questions.some((question) => question.valence === 'negative');
  const names = new Map(results.pupils.map((pupil) => [pupil.pupilId, pupil.name]));
  const isolated = results.pupils.filter((pupil) => pupil.isolated);
  return (
    <>
      <p className="no-print">
        <button type="button" className="button button-secondary" onClick={() => window.print()}>
          {t('Afdrukken (A4)')}
        </button>{' '}
        {pdfPath ? (
          <a className="button button-secondary" href={pdfPath} download>
            {t('Pdf voor het zorgteam')}
          </a>
        ) : null}
      </p>
      <section aria-labelledby="signalen-kop" className={isolated.length > 0 ? 'card notice-warning' : 'card card-quiet'}>
        <h2 id="signalen-kop">{t('Wie heeft nu aandacht nodig?')}</h2>
        {isolated.length === 0 ? (
          <p>{t('Iedere leerling is door minstens één klasgenoot gekozen.')}</p>
        ) : (
          <>
            <p>{t('Door niemand gekozen: {{names}}.', { names: isolated.map((pupil) => pupil.name).join(', ') })}</p>
            <p className="muted">
              {t('Eerst verbinden, dan pas corrigeren: zoek dagelijks even contact met dit kind, geef het een taak samen met een klasgenoot die het aardig vindt, en maak het samen met de klas ieders zaak dat iedereen erbij hoort.')}
            </p>
          </>
        )}
        <p className="muted">{t('{{respondents}} van de {{pupils}} leerlingen hebben gekozen.', { respondents: results.respondents, pupils: results.pupils.length })}</p>
      </section>

      <section aria-labelledby="netwerk-kop">
        <h2 id="netwerk-kop">{t('Het netwerk van de klas')}</h2>
        <div className="sociogram-controls no-print">
          <div className="field">
            <label htmlFor="netwerk-methode">{t('Vorm en kleur volgens')}</label>
            <select id="netwerk-methode" value={method} onChange={(event) => setMethod(event.target.value as Method)}>
              <option value="cdc">{t('Coie-Dodge-Coppotelli (z-scores)')}</option>
              <option value="nb">{t('Newcomb-Bukowski (kansen)')}</option>
            </select>
          </div>
          {hasNegative ? (
            <div className="checkbox">
              <input id="netwerk-negatief" type="checkbox" checked={showNegative} onChange={(event) => setShowNegative(event.target.checked)} />
              <label htmlFor="netwerk-negatief">{t('Ook de "liever niet"-keuzes tonen')}</label>
            </div>
          ) : null}
        </div>
        <NetworkPicture results={results} method={method} showNegative={showNegative} />
        <Legend method={method} />
      </section>

      <StatusTable results={results} hasNegative={hasNegative} />
      <Sociomatrix results={results} />
      <Scatter results={results} />

      <section aria-labelledby="groepjes-kop">
        <h2 id="groepjes-kop">{t('Groepjes in de klas')}</h2>
        <p className="muted">{t('Leerlingen die elkaar vaak kiezen vormen samen een groepje. Een brugfiguur heeft vrienden in meer groepjes en kan helpen groepjes te verbinden.')}</p>
        <ul>
          {results.groups.map((group) => (
            <li key={group.id}>
              {t('Groepje {{number}}', { number: group.id })}: {group.pupils.map((pupilId) => names.get(pupilId) ?? '').join(', ')}
            </li>
          ))}
        </ul>
        {results.pupils.some((pupil) => pupil.bridge) ? (
          <p>
            {t('Brugfiguren: {{names}}.', {
              names: results.pupils
                .filter((pupil) => pupil.bridge)
                .map((pupil) => pupil.name)
                .join(', '),
            })}
          </p>
        ) : null}
      </section>

      <Comparison results={results} names={names} />
    </>
  );
}

function shortName(name: string): string {
  const parts = name.split(' ');
  return parts.length > 1 ? `${parts[0]} ${parts[parts.length - 1]!.charAt(0).toUpperCase()}.` : name;
}

// The status as a shape centred on (x, y): every group its own shape, so the picture never relies on colour alone.
function Shape({ status, x, y }: { status: CdcStatus | NbStatus; x: number; y: number }) {
  const r = NODE_RADIUS;
  const className = `sociogram-node sociogram-node-${status}`;
  const points = (corners: [number, number][]) => corners.map(([dx, dy]) => `${(x + dx).toFixed(1)},${(y + dy).toFixed(1)}`).join(' ');
  switch (status) {
    case 'popular': {
      const star: [number, number][] = Array.from({ length: 10 }, (_, index) => {
        const angle = (Math.PI / 5) * index - Math.PI / 2;
        const radius = index % 2 === 0 ? r * 1.25 : r * 0.55;
        return [Math.cos(angle) * radius, Math.sin(angle) * radius];
      });
      return <polygon className={className} points={points(star)} />;
    }
    case 'rejected':
      return <rect className={className} x={x - r * 0.85} y={y - r * 0.85} width={r * 1.7} height={r * 1.7} />;
    case 'neglected':
      return <polygon className={className} points={points([[0, -r], [r, r * 0.8], [-r, r * 0.8]])} />;
    case 'controversial':
      return <polygon className={className} points={points([[0, -r * 1.15], [r * 1.15, 0], [0, r * 1.15], [-r * 1.15, 0]])} />;
    case 'unclassified':
      return <polygon className={className} points={points(Array.from({ length: 6 }, (_, index) => [Math.cos((Math.PI / 3) * index) * r, Math.sin((Math.PI / 3) * index) * r] as [number, number]))} />;
    case 'average':
      return <circle className={className} cx={x} cy={y} r={r} />;
  }
}

function NetworkPicture({ results, method, showNegative }: { results: SociogramResults; method: Method; showNegative: boolean }) {
  const { t } = useTranslation();
  const byId = new Map(results.pupils.map((pupil) => [pupil.pupilId, pupil]));
  const valenceOf = new Map(results.sociogram.questions.map((question) => [question.position, question.valence]));
  // One line per pair and valence: mutual (chosen both ways) or one-way.
  const edges = new Map<string, { from: Pupil; to: Pupil; valence: 'positive' | 'negative'; mutual: boolean }>();
  for (const choice of results.choices) {
    const valence = valenceOf.get(choice.position) ?? 'positive';
    const from = byId.get(choice.chooser);
    const to = byId.get(choice.chosen);
    if (!from || !to) continue;
    const back = `${valence}:${choice.chosen}:${choice.chooser}`;
    const existing = edges.get(back);
    if (existing) existing.mutual = true;
    else if (!edges.has(`${valence}:${choice.chooser}:${choice.chosen}`)) edges.set(`${valence}:${choice.chooser}:${choice.chosen}`, { from, to, valence, mutual: false });
  }
  const lines = [...edges.entries()];
  return (
    <svg className="sociogram-picture" viewBox="0 0 1000 700" role="img" aria-labelledby="netwerk-titel netwerk-uitleg">
      <title id="netwerk-titel">{t('Netwerk van de klas')}</title>
      <desc id="netwerk-uitleg">{t('Pijlen wijzen van wie kiest naar wie gekozen wordt; een dubbele lijn is een wederzijdse keuze. De tabellen hieronder geven dezelfde informatie.')}</desc>
      <defs>
        <marker id="pijl-plus" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" className="sociogram-arrow" />
        </marker>
        <marker id="pijl-min" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" className="sociogram-arrow-negative" />
        </marker>
      </defs>
      <g>
        {lines
          .filter(([, edge]) => edge.valence === 'positive')
          .map(([key, edge]) => (
            <Edge key={key} edge={edge} />
          ))}
      </g>
      {showNegative ? (
        <g>
          {lines
            .filter(([, edge]) => edge.valence === 'negative')
            .map(([key, edge]) => (
              <Edge key={key} edge={edge} />
            ))}
        </g>
      ) : null}
      <g>
        {results.pupils.map((pupil) => (
          <g key={pupil.pupilId}>
            <Shape status={pupil[method]} x={pupil.x} y={pupil.y} />
            <text className="sociogram-label" x={pupil.x} y={pupil.y + NODE_RADIUS + 16} textAnchor="middle">
              {shortName(pupil.name)}
            </text>
          </g>
        ))}
      </g>
    </svg>
  );
}

function Edge({ edge }: { edge: { from: Pupil; to: Pupil; valence: 'positive' | 'negative'; mutual: boolean } }) {
  const dx = edge.to.x - edge.from.x;
  const dy = edge.to.y - edge.from.y;
  const length = Math.hypot(dx, dy) || 1;
  const [ux, uy] = [dx / length, dy / length];
  const gap = NODE_RADIUS + 3;
  const [x1, y1, x2, y2] = [edge.from.x + ux * gap, edge.from.y + uy * gap, edge.to.x - ux * gap, edge.to.y - uy * gap];
  const negative = edge.valence === 'negative';
  if (edge.mutual) {
    // Two parallel lines, no arrows: chosen both ways.
    const [px, py] = [-uy * 2.5, ux * 2.5];
    const className = negative ? 'sociogram-edge-negative' : 'sociogram-edge-mutual';
    return (
      <g>
        <line className={className} x1={x1 + px} y1={y1 + py} x2={x2 + px} y2={y2 + py} />
        <line className={className} x1={x1 - px} y1={y1 - py} x2={x2 - px} y2={y2 - py} />
      </g>
    );
  }
  return <line className={negative ? 'sociogram-edge-negative' : 'sociogram-edge'} x1={x1} y1={y1} x2={x2} y2={y2} markerEnd={negative ? 'url(#pijl-min)' : 'url(#pijl-plus)'} />;
}

function Legend({ method }: { method: Method }) {
  const { t } = useTranslation();
  const statuses = STATUS_ORDER.filter((status) => method === 'cdc' || status !== 'unclassified');
  return (
    <dl className="sociogram-legend">
      {statuses.map((status) => (
        <div key={status}>
          <dt>
            <svg viewBox="0 0 40 40" width="28" height="28" aria-hidden="true" focusable="false">
              <Shape status={status} x={20} y={20} />
            </svg>
            {statusLabel(t, status)}
          </dt>
          <dd>{statusExplanation(t, status)}</dd>
        </div>
      ))}
    </dl>
  );
}

// The sections that hold a single table are not landmarks: the table's scroll box is the region, named like the
// heading, and a second region of the same name is one too many for screen-reader users (axe: landmark-unique).
function StatusTable({ results, hasNegative }: { results: SociogramResults; hasNegative: boolean }) {
  const { t } = useTranslation();
  return (
    <section>
      <h2>{t('Per leerling, volgens twee methoden')}</h2>
      <p className="muted">
        {t('Twee erkende methoden delen leerlingen anders in. Kijk naar beide, en naar wat je zelf in de klas ziet: "niet in te delen" of "gemiddeld" zegt niets slechts over een kind.')}
      </p>
      <TableWrap label={t('Per leerling, volgens twee methoden')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('Leerling')}</th>
              <th scope="col">{t('Gekozen door')}</th>
              {hasNegative ? <th scope="col">{t('"Liever niet" door')}</th> : null}
              <th scope="col">{t('Koos zelf')}</th>
              <th scope="col">{t('Wederzijds')}</th>
              <th scope="col">{t('Coie-Dodge-Coppotelli')}</th>
              <th scope="col">{t('Newcomb-Bukowski')}</th>
              <th scope="col">{t('Groepje')}</th>
            </tr>
          </thead>
          <tbody>
            {results.pupils.map((pupil) => (
              <tr key={pupil.pupilId} className={pupil.isolated ? 'row-attention' : undefined}>
                <th scope="row">
                  {pupil.name}
                  {pupil.isolated ? ` · ${t('door niemand gekozen')}` : null}
                  {!pupil.answered ? ` · ${t('koos niet')}` : null}
                </th>
                <td>{pupil.positiveReceived}</td>
                {hasNegative ? <td>{pupil.negativeReceived}</td> : null}
                <td>{pupil.positiveGiven}</td>
                <td>{pupil.mutualFriends.length}</td>
                <td>{statusLabel(t, pupil.cdc)}</td>
                <td>{statusLabel(t, pupil.nb)}</td>
                <td>
                  {pupil.group}
                  {pupil.bridge ? ` · ${t('brugfiguur')}` : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}

function Sociomatrix({ results }: { results: SociogramResults }) {
  const { t, i18n } = useTranslation();
  const valenceOf = new Map(results.sociogram.questions.map((question) => [question.position, question.valence]));
  const cell = new Map<string, { plus: number; minus: number }>();
  for (const choice of results.choices) {
    const key = `${choice.chooser}>${choice.chosen}`;
    const now = cell.get(key) ?? { plus: 0, minus: 0 };
    if (valenceOf.get(choice.position) === 'negative') now.minus += 1;
    else now.plus += 1;
    cell.set(key, now);
  }
  const describe = (value: { plus: number; minus: number } | undefined) =>
    !value ? '' : [value.plus > 0 ? `+${value.plus}` : '', value.minus > 0 ? `−${value.minus}` : ''].filter(Boolean).join(' ');
  return (
    <section>
      <h2>{t('Sociomatrix')}</h2>
      <p className="muted">
        {t('Elke rij is een leerling die kiest, elke kolom een leerling die gekozen wordt. +2 betekent: bij twee vragen gekozen; −1: bij één "liever niet"-vraag genoemd.')}{' '}
        {results.sociogram.questions.map((question) => `${question.position}. ${questionText(question, i18n.language)}`).join(' · ')}
      </p>
      <TableWrap label={t('Sociomatrix')}>
        <table className="sociomatrix">
          <thead>
            <tr>
              <th scope="col">{t('Kiest ↓ / gekozen →')}</th>
              {results.pupils.map((pupil) => (
                <th scope="col" key={pupil.pupilId}>
                  {shortName(pupil.name)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {results.pupils.map((chooser) => (
              <tr key={chooser.pupilId}>
                <th scope="row">{chooser.name}</th>
                {results.pupils.map((chosen) => (
                  <td key={chosen.pupilId}>{chooser.pupilId === chosen.pupilId ? '·' : describe(cell.get(`${chooser.pupilId}>${chosen.pupilId}`))}</td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('Gekozen (+)')}</th>
              {results.pupils.map((pupil) => (
                <td key={pupil.pupilId}>{pupil.positiveReceived}</td>
              ))}
            </tr>
          </tfoot>
        </table>
      </TableWrap>
    </section>
  );
}

// Social preference (SP, across) against social impact (SI, up), standardised, with the ±1 lines of the CDC rules.
function Scatter({ results }: { results: SociogramResults }) {
  const { t } = useTranslation();
  const size = 600;
  const margin = 50;
  const scale = (z: number) => margin + ((Math.max(-3, Math.min(3, z)) + 3) / 6) * (size - 2 * margin);
  const flip = (z: number) => size - scale(z);
  return (
    <section aria-labelledby="spreiding-kop">
      <h2 id="spreiding-kop">{t('Voorkeur en opvallen (SP × SI)')}</h2>
      <p className="muted">
        {t('Naar rechts: vaker gekozen dan "liever niet" genoemd (sociale voorkeur, SP). Naar boven: vaker genoemd, in welke richting ook (sociale impact, SI). De stippellijnen liggen op −1 en +1.')}
      </p>
      <svg className="sociogram-scatter" viewBox={`0 0 ${size} ${size}`} role="img" aria-labelledby="spreiding-titel">
        <title id="spreiding-titel">{t('Spreidingsdiagram van sociale voorkeur en sociale impact')}</title>
        <line className="sociogram-axis" x1={margin} y1={flip(0)} x2={size - margin} y2={flip(0)} />
        <line className="sociogram-axis" x1={scale(0)} y1={margin} x2={scale(0)} y2={size - margin} />
        {[-1, 1].map((z) => (
          <g key={z}>
            <line className="sociogram-threshold" x1={scale(z)} y1={margin} x2={scale(z)} y2={size - margin} />
            <line className="sociogram-threshold" x1={margin} y1={flip(z)} x2={size - margin} y2={flip(z)} />
          </g>
        ))}
        <text className="sociogram-axis-label" x={size - margin} y={flip(0) - 6} textAnchor="end">
          SP
        </text>
        <text className="sociogram-axis-label" x={scale(0) + 6} y={margin + 4}>
          SI
        </text>
        {results.pupils.map((pupil) => (
          <g key={pupil.pupilId}>
            <Shape status={pupil.cdc} x={scale(pupil.zSP)} y={flip(pupil.zSI)} />
            <text className="sociogram-label" x={scale(pupil.zSP)} y={flip(pupil.zSI) + NODE_RADIUS + 14} textAnchor="middle">
              {shortName(pupil.name)}
            </text>
          </g>
        ))}
      </svg>
    </section>
  );
}

function Comparison({ results, names }: { results: SociogramResults; names: Map<string, string> }) {
  const { t } = useTranslation();
  if (!results.comparison) return null;
  const changed = results.comparison.pupils.filter(
    (pupil) => pupil.newlyIsolated || pupil.friendsGained.length > 0 || pupil.friendsLost.length > 0 || (pupil.cdcBefore !== null && pupil.cdcBefore !== pupil.cdcNow) || (pupil.nbBefore !== null && pupil.nbBefore !== pupil.nbNow),
  );
  const list = (ids: string[]) => ids.map((id) => names.get(id) ?? t('(niet meer in de klas)')).join(', ');
  return (
    <section>
      <h2>{t('Wat is er veranderd sinds het vorige sociogram?')}</h2>
      {changed.length === 0 ? (
        <p>{t('Geen veranderingen in vriendschappen of indeling.')}</p>
      ) : (
        <TableWrap label={t('Wat is er veranderd sinds het vorige sociogram?')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('Leerling')}</th>
                <th scope="col">{t('Nieuwe wederzijdse keuzes')}</th>
                <th scope="col">{t('Niet meer wederzijds')}</th>
                <th scope="col">{t('Coie-Dodge-Coppotelli')}</th>
                <th scope="col">{t('Newcomb-Bukowski')}</th>
              </tr>
            </thead>
            <tbody>
              {changed.map((pupil) => (
                <tr key={pupil.pupil} className={pupil.newlyIsolated ? 'row-attention' : undefined}>
                  <th scope="row">
                    {names.get(pupil.pupil)}
                    {pupil.newlyIsolated ? ` · ${t('nu door niemand gekozen')}` : null}
                  </th>
                  <td>{list(pupil.friendsGained)}</td>
                  <td>{list(pupil.friendsLost)}</td>
                  <td>{pupil.cdcBefore === null || pupil.cdcBefore === pupil.cdcNow ? statusLabel(t, pupil.cdcNow) : `${statusLabel(t, pupil.cdcBefore)} → ${statusLabel(t, pupil.cdcNow)}`}</td>
                  <td>{pupil.nbBefore === null || pupil.nbBefore === pupil.nbNow ? statusLabel(t, pupil.nbNow) : `${statusLabel(t, pupil.nbBefore)} → ${statusLabel(t, pupil.nbNow)}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}
