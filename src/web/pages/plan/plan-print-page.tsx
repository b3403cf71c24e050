import { useTranslation } from 'react-i18next';
import { apiPath } from '../../api/api-client';
import { LoadState } from '../../components/load-state';
import { Page } from '../../components/page';
import { SpreadsheetDownloads } from '../../components/spreadsheet-downloads';
import { useFormat } from '../../i18n/format';
import { useSchool } from '../school/school-layout';
import { ActionsTable, GoalFacts, SchoolYearPicker } from './plan-page';
import { goalStatusLabel, phaseLabel, PlanLoadError, PlanNav, usePlanOverview, useGoalName } from './plan-labels';

/** The year's plan on one clean page for printing (print CSS hides the menus), with the PDF, Excel and CSV downloads. */
export function PlanPrintPage() {
  const { t, i18n } = useTranslation();
  const { school } = useSchool();
  const format = useFormat();
  const goalName = useGoalName();
  const { data: plan, error, isLoading, chooseSchoolYear } = usePlanOverview(school.id);

  if (!plan) {
    return (
      <Page title={t('Implementatieplan afdrukken')}>
        <PlanNav schoolId={school.id} />
        {error ? <PlanLoadError code={error.code} message={error.message} /> : <LoadState error={null} isLoading={isLoading} />}
      </Page>
    );
  }
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const pdfPath = apiPath('/api/schools/:schoolId/plan/export.pdf', { schoolId: school.id }, { schoolYear: plan.schoolYear, lang });
  const achieved = plan.goals.filter((goal) => goal.status === 'achieved').length;
  const leads = plan.workingGroup.filter((member) => member.role === 'lead').map((member) => member.name);

  return (
    <Page title={t('Implementatieplan {{year}} van {{school}}', { year: plan.schoolYear, school: school.name })}>
      <div className="plan-print-tools">
        <PlanNav schoolId={school.id} />
        <SchoolYearPicker years={[...new Set([...plan.schoolYears, plan.schoolYear])]} current={plan.schoolYear} onChoose={chooseSchoolYear} />
        <div className="report-actions">
          <button type="button" className="button" onClick={() => window.print()}>
            {t('Afdrukken')}
          </button>
          <a className="button button-secondary" href={pdfPath} download>
            {t('Download als pdf')}
          </a>
          <SpreadsheetDownloads path="/api/schools/:schoolId/plan/actions" params={{ schoolId: school.id }} query={{ schoolYear: plan.schoolYear }} what={t('Acties')} />
        </div>
        <p className="muted">
          {t('Het Excel-bestand opent in Excel, LibreOffice of Numbers; het csv-bestand is voor andere programma’s. Elke download wordt in het logboek van de school bijgehouden.')}
        </p>
      </div>
      <dl className="facts">
        <div>
          <dt>{t('Fase')}</dt>
          <dd>{plan.currentPhase ? phaseLabel(t, plan.currentPhase) : t('nog niet begonnen')}</dd>
        </div>
        <div>
          <dt>{t('Doelen bereikt')}</dt>
          <dd>{t('{{achieved}} van {{total}}', { achieved: format.number(achieved), total: format.number(plan.goals.length) })}</dd>
        </div>
        <div>
          <dt>{t('Kartrekkers')}</dt>
          <dd>{leads.length > 0 ? leads.join(', ') : t('nog niet benoemd')}</dd>
        </div>
        <div>
          <dt>{t('Afgedrukt op')}</dt>
          <dd>{format.date(plan.today)}</dd>
        </div>
      </dl>
      {plan.goals.length === 0 ? <p className="notice">{t('Voor schooljaar {{year}} staan er nog geen doelen in het plan.', { year: plan.schoolYear })}</p> : null}
      {plan.goals.map((goal) => (
        <section key={goal.id} className="plan-print-goal" aria-labelledby={`print-${goal.id}`}>
          <h2 id={`print-${goal.id}`}>
            {goalName(goal)} <span className={`badge plan-status plan-status--${goal.status}`}>{goalStatusLabel(t, goal.status)}</span>
          </h2>
          <GoalFacts goal={goal} />
          {goal.evidence ? <p className="plan-evidence">{goal.evidence}</p> : null}
          {goal.actions.length > 0 ? <ActionsTable goalName={goalName(goal)} actions={goal.actions} canEdit={false} /> : <p className="muted">{t('Nog geen acties bij dit doel.')}</p>}
        </section>
      ))}
    </Page>
  );
}
