import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { apiPath } from '../../api/api-client';
import type { BoardEffect } from '../../api/questionnaire-types';
import { useApiData } from '../../api/use-api-data';
import { LoadState } from '../../components/load-state';
import { Page } from '../../components/page';
import { TableWrap } from '../../components/table-wrap';
import { useFormat } from '../../i18n/format';
import { useModelText } from '../selfscan/selfscan-model';
import { notFittedText, slopeSentence } from './effect-page';

type Scale = BoardEffect['instruments'][number]['scales'][number];

// The board's view of "does TSO work?": per questionnaire and scale the growth model over the schools that share
// their effect evaluation, each with its own training day — pooled estimates and which schools are in them, never a
// school's own means.

/** The board's pooled effect evaluation. */
export function BoardEffectPage() {
  const { t } = useTranslation();
  const text = useModelText();
  const { boardId = '' } = useParams();
  const { data, error, isLoading } = useApiData<BoardEffect>(apiPath('/api/boards/:boardId/effect-evaluation', { boardId }));
  const sharing = data?.schools.filter((school) => school.isSharing) ?? [];

  return (
    <Page
      title={t('Effect van TSO')}
      intro={
        <p>
          {t(
            'Over de scholen die hun effectmeting met het bestuur delen: groeien leerkrachten en leerlingen na de teamscholing van hun school sterker dan ervoor? Het groeimodel neemt elke school met haar eigen scholingsdatum mee. Je ziet alleen de gezamenlijke schattingen, geen cijfers van een school apart. Lees het als aanwijzing, niet als bewijs.',
          )}
        </p>
      }
    >
      <LoadState error={error} isLoading={isLoading && !data} />
      {data ? (
        <>
          <p className="notice">
            {sharing.length === 0
              ? t('Nog geen enkele school deelt haar effectmeting met het bestuur.')
              : t('Scholen die delen: {{names}}.', { names: sharing.map((school) => school.name).join(', ') })}
          </p>
          {data.instruments.map((instrument) => (
            <section key={instrument.id} aria-labelledby={`bestuur-effect-${instrument.id}`}>
              <h2 id={`bestuur-effect-${instrument.id}`}>{text(instrument.name)}</h2>
              {instrument.scales.map((scale) => (
                <BoardScale key={scale.id} scale={scale} data={data} headingId={`bestuur-effect-${instrument.id}-${scale.id}`} />
              ))}
            </section>
          ))}
        </>
      ) : null}
    </Page>
  );
}

function BoardScale({ scale, data, headingId }: { scale: Scale; data: BoardEffect; headingId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const text = useModelText();
  const name = text(scale.name);
  const schoolName = new Map(data.schools.map((school) => [school.schoolId, school.name]));
  const effect = scale.effect;
  const caption = t('{{scale}}: welke scholen meetellen', { scale: name });
  const statusText = (status: Scale['schools'][number]['status']) => (status === 'included' ? t('telt mee') : notFittedText(t, status, data.minGroupSize));
  return (
    <section className="effect-scale" aria-labelledby={headingId}>
      <h3 id={headingId}>{name}</h3>
      {effect.status === 'fitted' ? (
        <>
          <p>{slopeSentence(t, format, effect.slopeDifference)}</p>
          <p className="muted">
            {t('Scholen: {{schools}}, personen: {{persons}}, antwoorden: {{measurements}}. Groei per jaar vóór de scholing {{before}}, erna {{after}}; sprong bij de scholing {{step}}.', {
              schools: effect.schools,
              persons: effect.persons,
              measurements: effect.measurements,
              before: format.signed(effect.baselineSlope.estimate),
              after: format.signed(effect.implementationSlope.estimate),
              step: format.signed(effect.levelChange.estimate),
            })}
          </p>
        </>
      ) : (
        <p className="notice">{notFittedText(t, effect.reason, data.minGroupSize)}</p>
      )}
      <TableWrap label={caption}>
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('School')}</th>
              <th scope="col">{t('In de schatting')}</th>
            </tr>
          </thead>
          <tbody>
            {scale.schools.map((school) => (
              <tr key={school.schoolId}>
                <th scope="row">{schoolName.get(school.schoolId) ?? school.schoolId}</th>
                <td>{statusText(school.status)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}
