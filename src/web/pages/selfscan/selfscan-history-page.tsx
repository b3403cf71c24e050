import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiPath } from '../../api/api-client';
import type { ModelDetail } from '../../api/api-types';
import type { SelfscanHistory } from '../../api/selfscan-history-types';
import { useApiData } from '../../api/use-api-data';
import { LoadState } from '../../components/load-state';
import { Page } from '../../components/page';
import { TableWrap } from '../../components/table-wrap';
import { useFormat } from '../../i18n/format';
import { useSchool } from '../school/school-layout';
import { phaseKey, tooFewAnswersText, useModelText } from './selfscan-model';

/** The timeline per aspect: for each layer a table of aspects × rounds, each cell the agreed phase or the median as text. */
export function SelfscanHistoryPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const modelText = useModelText();
  const { school } = useSchool();
  const history = useApiData<SelfscanHistory>(apiPath('/api/schools/:schoolId/selfscan/history', { schoolId: school.id }));
  const modelId = history.data?.model?.id;
  const model = useApiData<ModelDetail>(modelId ? apiPath('/api/schools/:schoolId/selfscan/models/:modelId', { schoolId: school.id, modelId }) : null);
  const title = t('Verloop per accent');
  const back = (
    <p>
      <Link to={`/scholen/${school.id}/zelfscan`}>{t('Terug naar de zelfscan')}</Link>
    </p>
  );

  if (history.data && history.data.rounds.length === 0) {
    return (
      <Page title={title}>
        <p className="notice">{t('Er is nog geen zelfscanronde die geopend is.')}</p>
        {back}
      </Page>
    );
  }
  if (!history.data || !model.data) {
    return (
      <Page title={title}>
        <LoadState error={history.error ?? model.error} isLoading />
      </Page>
    );
  }
  const { rounds, aspects, minGroupSize } = history.data;
  const definition = model.data.definition;
  const pointsOf = new Map(aspects.map((entry) => [entry.aspectId, new Map(entry.points.map((point) => [point.roundId, point]))]));

  return (
    <Page
      title={title}
      intro={
        <p>
          {t('Per accent zie je hoe de school zich over de rondes heen heeft geplaatst. Waar het team samen een groeifase heeft vastgesteld staat die; anders de mediaan van de antwoorden, zodra de ronde gesloten is en als genoeg mensen het accent beantwoordden.')}
        </p>
      }
    >
      <p className="muted">{t('Model: {{name}} (versie {{version}})', { name: modelText(definition.name), version: model.data.version })}</p>
      {definition.layers.map((layer) => {
        const layerName = modelText(layer.name);
        const caption = t('Verloop: {{layer}}', { layer: layerName });
        return (
          <section key={layer.id} aria-labelledby={`verloop-${layer.id}`}>
            <h2 className="results-section-title" id={`verloop-${layer.id}`}>
              {layerName}
            </h2>
            <TableWrap label={caption}>
              <table className="history-table">
                <caption>{caption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('Accent')}</th>
                    {rounds.map((round) => (
                      <th scope="col" key={round.id}>
                        {round.name}
                        <span className="muted history-date"> {format.date(round.opensOn)}</span>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {layer.aspects.map((aspect) => (
                    <tr key={aspect.id}>
                      <th scope="row">{modelText(aspect.name)}</th>
                      {rounds.map((round) => {
                        const point = pointsOf.get(aspect.id)?.get(round.id);
                        // A round that is still open has no median yet; a closed one hides a median of fewer than k ratings.
                        let text = round.status === 'open' ? t('ronde loopt nog') : tooFewAnswersText(t, minGroupSize);
                        if (point?.consensusPhase) text = t('{{phase}} (vastgesteld)', { phase: modelText(definition.phases[phaseKey(point.consensusPhase)]) });
                        else if (point && !point.median.hidden) text = t('mediaan {{value}}', { value: format.decimal(point.median.value, 1) });
                        return <td key={round.id}>{text}</td>;
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          </section>
        );
      })}
      {back}
    </Page>
  );
}
