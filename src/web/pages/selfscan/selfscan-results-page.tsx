import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, ApiError, apiPath } from '../../api/api-client';
import type { ModelDetail, RoundResults } from '../../api/api-types';
import { useApiData } from '../../api/use-api-data';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { LoadState, SuccessMessage } from '../../components/load-state';
import { Page } from '../../components/page';
import { useFormat } from '../../i18n/format';
import { CARE_COVERAGE_ASPECT_ID } from '../../../shared/care';
import { CareCoverageEvidence } from '../care/care-coverage-evidence';
import { ParentContactEvidence } from '../parents/parent-contact-evidence';
import { TrainingCoverageEvidence } from '../plan/training-coverage-panel';
import { WindowLessonEvidence } from '../regulation/window-lesson-evidence';
import { PartnerEvidence } from '../partners/partner-evidence';
import { IntervisionEvidence } from '../team/intervision-figures';
import { useSchool } from '../school/school-layout';
import { SelfscanHeatmap } from './selfscan-heatmap';
import { SelfscanShiftSection } from './selfscan-shift-section';
import { SelfscanReportActions } from './selfscan-report-actions';

/** The results and model of a round, loaded together; the results page and the consensus page share them. */
export function useRoundResults(schoolId: string, roundId: string) {
  const results = useApiData<RoundResults>(apiPath('/api/schools/:schoolId/selfscan/rounds/:roundId/results', { schoolId, roundId }));
  const modelPath = results.data ? apiPath('/api/schools/:schoolId/selfscan/models/:modelId', { schoolId, modelId: results.data.round.model.id }) : null;
  const model = useApiData<ModelDetail>(modelPath);
  return { results, model, error: results.error ?? model.error, isReady: Boolean(results.data && model.data) };
}

/**
 * The results of a (closed) round: one overview (a heatmap per layer with agreement marks, detail per aspect on
 * demand) and the shift against an earlier round. Cells the server withheld under the k rule arrive without
 * figures and read "te weinig antwoorden".
 */
export function SelfscanResultsPage() {
  const { t } = useTranslation();
  const format = useFormat();
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
  const { round, aggregate } = results.data;
  const k = aggregate.minGroupSize;
  const discussCount = aggregate.aspects.filter((entry) => !entry.hidden && entry.discuss).length;

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
      <p className="muted">
        {t('Cijfers staan alleen bij een accent dat minstens {{k}} mensen met een groeifase beantwoordden; anders staat er “te weinig antwoorden”. “Weet ik niet” telt daarbij niet mee. Zo is niet te herleiden wie wat antwoordde.', { k })}
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

      <SelfscanHeatmap
        model={model.data.definition}
        results={results.data}
        evidenceAfterLayer={{
          'layer-1': (
            <>
              {can('school.training.read') ? <TrainingCoverageEvidence schoolId={school.id} /> : null}
              {can('school.regulation.manage') ? <WindowLessonEvidence schoolId={school.id} layer="layer-1" /> : null}
              {can('school.team.figures') ? <IntervisionEvidence schoolId={school.id} /> : null}
            </>
          ),
          'layer-3b': can('school.regulation.manage') ? <WindowLessonEvidence schoolId={school.id} layer="layer-3b" /> : null,
          [CARE_COVERAGE_ASPECT_ID.split('.')[0]!]: (
            <>
              {can('school.care.coverage') ? <CareCoverageEvidence schoolId={school.id} isFolded /> : null}
              {can('school.parents.coverage') ? <ParentContactEvidence schoolId={school.id} /> : null}
              {can('school.partners') ? <PartnerEvidence schoolId={school.id} /> : null}
            </>
          ),
        }}
      />
      <SelfscanShiftSection schoolId={school.id} round={round} model={model.data.definition} />
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
