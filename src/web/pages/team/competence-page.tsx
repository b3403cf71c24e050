import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, apiPath } from '../../api/api-client';
import type { AssessmentDetail, CompetenceOverview, ProfileSummary } from '../../api/team-competence-types';
import { useApiData } from '../../api/use-api-data';
import { DefinitionFileImport } from '../../components/definition-file-import';
import { useRefusalWords } from '../../components/form-errors';
import { ErrorMessage, LoadState, SuccessMessage } from '../../components/load-state';
import { Page } from '../../components/page';
import { useModelText } from '../selfscan/selfscan-model';
import { useSchool } from '../school/school-layout';
import { CompetenceAssessmentForm } from './competence-assessment-form';
import { CompetenceFiguresSection } from './competence-figures';
import { CompetenceGrowthTable } from './competence-growth';
import { CompetenceSharedView } from './competence-shared-view';
import { CompetenceSharing } from './competence-sharing';

/**
 * My competence profile: the self-assessment (seven competences and two deepening dimensions), growth over time,
 * sharing it with a colleague or the leadership, what colleagues shared with me; the school's anonymous figures for
 * whoever holds school.team.figures, and importing the school's own profile for school.team.manage.
 */
export function CompetencePage() {
  const { t } = useTranslation();
  const { school, can } = useSchool();
  const text = useModelText();
  const refusal = useRefusalWords();
  const overview = useApiData<CompetenceOverview>(apiPath('/api/schools/:schoolId/team/competence', { schoolId: school.id }));
  const [draft, setDraft] = useState<AssessmentDetail | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [openShared, setOpenShared] = useState<string | null>(null);
  const data = overview.data;

  const open = async () => {
    setFailure(null);
    setMessage(null);
    try {
      setDraft(await api.post<AssessmentDetail>(apiPath('/api/schools/:schoolId/team/competence/assessments', { schoolId: school.id })));
    } catch (error) {
      setFailure(refusal.failure(error));
    }
  };
  const changed = (note: string) => {
    setMessage(note);
    setFailure(null);
    overview.reload();
  };

  const intro = t(
    'Kijk eerlijk naar je eigen werk: per competentie zet je uitspraken op een stap, je noteert waaraan je dat ziet en welke doelen je hebt. Alleen jij ziet het, tot je het zelf deelt. Elke afgeronde zelfbeoordeling blijft bewaard, zo zie je je groei.',
  );
  return (
    <Page title={t('Mijn competentieprofiel')} intro={intro}>
      <SuccessMessage message={message} />
      <ErrorMessage message={failure} />
      {!data ? (
        <LoadState error={overview.error} isLoading={overview.isLoading} />
      ) : (
        <>
          {draft ? (
            <CompetenceAssessmentForm
              schoolId={school.id}
              assessment={draft}
              onDone={(done) => {
                setDraft(null);
                changed(done);
              }}
            />
          ) : (
            <section aria-labelledby="competentie-start">
              <h2 id="competentie-start">{t('Zelfbeoordeling')}</h2>
              <p>{text(data.profile.definition.name)}</p>
              <button type="button" className="button" onClick={() => void open()}>
                {data.draftId ? t('Verder met je zelfbeoordeling') : t('Nieuwe zelfbeoordeling beginnen')}
              </button>
            </section>
          )}

          <section aria-labelledby="competentie-groei">
            <h2 id="competentie-groei">{t('Mijn groei')}</h2>
            {data.completed.length === 0 ? (
              <p className="muted">{t('Na je eerste afgeronde zelfbeoordeling zie je hier per competentie je gemiddelde stap, en na een volgende ook je groei.')}</p>
            ) : (
              data.profiles.map((profile) => <CompetenceGrowthTable key={profile.id} profile={profile} completed={data.completed} caption={t('Mijn gemiddelde stap per competentie')} />)
            )}
          </section>

          <CompetenceSharing schoolId={school.id} overview={data} onChanged={changed} />

          <section aria-labelledby="competentie-met-mij">
            <h2 id="competentie-met-mij">{t('Met mij gedeeld')}</h2>
            {data.sharedWithMe.length === 0 ? (
              <p className="muted">{t('Niemand heeft een profiel met je gedeeld.')}</p>
            ) : (
              <ul className="competence-shares">
                {data.sharedWithMe.map((entry) => (
                  <li key={entry.ownerUserId}>
                    <button type="button" className="button button-small button-secondary" aria-expanded={openShared === entry.ownerUserId} onClick={() => setOpenShared(openShared === entry.ownerUserId ? null : entry.ownerUserId)}>
                      {t('Profiel van {{name}} bekijken', { name: entry.name })}
                    </button>
                    {openShared === entry.ownerUserId ? <CompetenceSharedView schoolId={school.id} ownerUserId={entry.ownerUserId} /> : null}
                  </li>
                ))}
              </ul>
            )}
          </section>

          {can('school.team.figures') ? <CompetenceFiguresSection schoolId={school.id} /> : null}
          {can('school.team.manage') ? (
            <section aria-labelledby="competentie-profiel-inlezen">
              <h2 id="competentie-profiel-inlezen">{t('Eigen competentieprofiel van de school')}</h2>
              <DefinitionFileImport<ProfileSummary>
                id="competentieprofiel"
                fileLabel={t('Profielbestand (JSON)')}
                fileHint={t('Een nieuwe versie wordt het profiel voor nieuwe zelfbeoordelingen. Afgeronde zelfbeoordelingen houden hun eigen versie.')}
                buttonLabel={t('Profiel inlezen')}
                postPath={apiPath('/api/schools/:schoolId/team/competence/profiles', { schoolId: school.id })}
                savedText={(profile) => t('Profiel {{name}} (versie {{version}}) is ingelezen.', { name: text(profile.definition.name), version: profile.version })}
                onImported={() => overview.reload()}
              >
                <p>{t('Nu in gebruik: {{name}}, versie {{version}}.', { name: text(data.profile.definition.name), version: data.profile.version })}</p>
              </DefinitionFileImport>
            </section>
          ) : null}
        </>
      )}
    </Page>
  );
}
