import { useTranslation } from 'react-i18next';
import { apiPath } from '../../api/api-client';
import type { SharedProfile } from '../../api/team-competence-types';
import { useApiData } from '../../api/use-api-data';
import { LoadState } from '../../components/load-state';
import { useFormat } from '../../i18n/format';
import { useModelText } from '../selfscan/selfscan-model';
import { CompetenceGrowthTable } from './competence-growth';

/** A colleague's shared profile, read-only: their growth per competence and their latest self-assessment in full. */
export function CompetenceSharedView({ schoolId, ownerUserId }: { schoolId: string; ownerUserId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const text = useModelText();
  const shared = useApiData<SharedProfile>(apiPath('/api/schools/:schoolId/team/competence/shared/:ownerUserId', { schoolId, ownerUserId }));
  const data = shared.data;
  if (!data) return <LoadState error={shared.error} isLoading={shared.isLoading} />;
  const latest = data.latest;
  const steps = new Map(latest?.ratings.map((rating) => [rating.indicatorId, rating]) ?? []);
  return (
    <section aria-labelledby="gedeeld-profiel" className="card">
      <h3 id="gedeeld-profiel">{t('Het profiel van {{name}}', { name: data.ownerName })}</h3>
      <p className="muted">{t('Alleen lezen. {{name}} kan het delen altijd intrekken.', { name: data.ownerName })}</p>
      {data.profiles.map((profile) => (
        <CompetenceGrowthTable key={profile.id} profile={profile} completed={data.completed} caption={t('Gemiddelde stap per competentie van {{name}}', { name: data.ownerName })} />
      ))}
      {latest ? (
        <>
          <h4>{t('Laatste zelfbeoordeling ({{date}})', { date: format.date(latest.completedOn) })}</h4>
          <dl className="competence-latest">
            {latest.profile.definition.competences.flatMap((competence) =>
              competence.indicators
                .filter((indicator) => steps.has(indicator.id))
                .map((indicator) => {
                  const rating = steps.get(indicator.id)!;
                  const step = rating.step === 0 ? t('nog niet van toepassing') : `${rating.step} – ${text(latest.profile.definition.steps[String(rating.step) as '1'])}`;
                  return (
                    <div key={indicator.id}>
                      <dt>{text(indicator.text)}</dt>
                      <dd>
                        {step}
                        {rating.evidence ? ` · ${rating.evidence}` : ''}
                      </dd>
                    </div>
                  );
                }),
            )}
          </dl>
          {latest.goals ? (
            <>
              <h4>{t('Doelen')}</h4>
              <p className="preserve-lines">{latest.goals}</p>
            </>
          ) : null}
        </>
      ) : (
        <p>{t('{{name}} heeft nog geen zelfbeoordeling afgerond.', { name: data.ownerName })}</p>
      )}
    </section>
  );
}
