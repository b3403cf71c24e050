import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { NavLink, useSearchParams } from 'react-router';
import type { ActionStatus, GoalStatus, ImplementationPhase, KotterStep } from '../../../shared/plan';
import { apiPath } from '../../api/api-client';
import type { PlanGoal, PlanOverview } from '../../api/plan-types';
import { useApiData } from '../../api/use-api-data';
import { implementationPhaseLabel } from '../../i18n/labels';
import { useModelText } from '../selfscan/selfscan-model';
import { planPath, planPrintPath, planTeamPath, planTimelinePath } from './plan-paths';

// Words of the implementation plan, shared by its pages. Each case calls t() with a literal so the
// extractor sees it.

/** The name of an implementation phase (one wording for the whole app: see i18n/labels.ts). */
export const phaseLabel = implementationPhaseLabel;

/** How long a phase usually takes, in words. */
export function phaseDurationLabel(t: TFunction, phase: ImplementationPhase): string {
  switch (phase) {
    case 'explore':
      return t('meestal 3 tot 6 maanden');
    case 'prepare':
      return t('meestal zo’n half jaar');
    case 'implement':
      return t('meestal 1 tot 2 jaar');
    case 'sustain':
      return t('doorlopend, zonder einddatum');
  }
}

/** What a school typically works on in a phase: guidance, never a rule. */
export function phaseGuidance(t: TFunction, phase: ImplementationPhase): string[] {
  switch (phase) {
    case 'explore':
      return [
        t('Samen uitzoeken wat traumasensitief onderwijs inhoudt en wat stress en trauma met leren en gedrag doen.'),
        t('Voelen en benoemen waarom dit voor onze leerlingen nodig is.'),
        t('Nagaan waar de school nu staat, bijvoorbeeld met een eerste zelfscan.'),
      ];
    case 'prepare':
      return [
        t('Kartrekkers aanwijzen en een werkgroep samenstellen.'),
        t('De scholing van het hele team inplannen.'),
        t('Kiezen aan welke doelen de school volgend schooljaar werkt.'),
      ];
    case 'implement':
      return [
        t('Het hele team scholen, met een voor- en natraject.'),
        t('In de klas aan de doelen werken en elkaar daarbij helpen.'),
        t('Check-ins en ondersteuningsplannen voor leerlingen gebruiken.'),
        t('Met zelfscanrondes bekijken wat er al is veranderd.'),
      ];
    case 'sustain':
      return [
        t('Blijven doen wat werkt, ook als de aandacht verschuift.'),
        t('Nieuwe collega’s elk jaar scholen.'),
        t('Opfriscursussen en verdieping voor het team plannen.'),
        t('Elk jaar een zelfscan doen en de doelen bijstellen.'),
      ];
  }
}

/** The name of a goal status. */
export function goalStatusLabel(t: TFunction, status: GoalStatus): string {
  switch (status) {
    case 'planned':
      return t('Gepland');
    case 'in_progress':
      return t('Mee bezig');
    case 'achieved':
      return t('Bereikt');
    case 'dropped':
      return t('Vervallen');
  }
}

/** The name of an action status. */
export function actionStatusLabel(t: TFunction, status: ActionStatus): string {
  switch (status) {
    case 'open':
      return t('Open');
    case 'in_progress':
      return t('Mee bezig');
    case 'done':
      return t('Klaar');
    case 'dropped':
      return t('Vervallen');
  }
}

/** The short name of a Kotter step. */
export function kotterLabel(t: TFunction, step: KotterStep): string {
  switch (step) {
    case 'urgency':
      return t('Urgentie voelen');
    case 'guiding_team':
      return t('Een leidend team');
    case 'vision':
      return t('Visie en aanpak');
    case 'communicate':
      return t('De visie delen');
    case 'enable':
      return t('Ruimte maken om te handelen');
    case 'short_term_wins':
      return t('Snelle successen');
    case 'consolidate':
      return t('Doorzetten en uitbouwen');
    case 'anchor':
      return t('Verankeren in de cultuur');
  }
}

/** What a Kotter step means for a school working on TSO, in one sentence. */
export function kotterExplanation(t: TFunction, step: KotterStep): string {
  switch (step) {
    case 'urgency':
      return t('Het team ziet waarom het nodig is: wat stress en trauma met onze leerlingen doen.');
    case 'guiding_team':
      return t('Een groep mensen met gezag en energie trekt de verandering, zoals de werkgroep.');
    case 'vision':
      return t('Helder maken waar de school naartoe wil en langs welke weg.');
    case 'communicate':
      return t('Steeds opnieuw vertellen en voordoen wat de bedoeling is, aan team, ouders en partners.');
    case 'enable':
      return t('Obstakels weghalen: tijd, scholing, middelen en ruimtes regelen.');
    case 'short_term_wins':
      return t('Zichtbare resultaten op korte termijn laten zien en vieren.');
    case 'consolidate':
      return t('Niet te vroeg stoppen: op successen voortbouwen en verdiepen.');
    case 'anchor':
      return t('De nieuwe werkwijze vastleggen in beleid, inwerken en gewoontes.');
  }
}

/** The name of a goal: the aspect's name for aspect goals (or the school's own title), otherwise its text. */
export function useGoalName(): (goal: PlanGoal) => string {
  const modelText = useModelText();
  return (goal) => goal.title ?? (goal.aspect ? modelText(goal.aspect.name) : '');
}

/** The plan overview for the school year in the address (?schooljaar=), or the current one. */
export function usePlanOverview(schoolId: string) {
  const [searchParams, setSearchParams] = useSearchParams();
  const schoolYear = searchParams.get('schooljaar') ?? undefined;
  const state = useApiData<PlanOverview>(apiPath('/api/schools/:schoolId/plan', { schoolId }, { schoolYear }));
  const chooseSchoolYear = (year: string) => {
    const next = new URLSearchParams(searchParams);
    next.set('schooljaar', year);
    setSearchParams(next);
  };
  return { ...state, schoolYear, chooseSchoolYear };
}

/** The marker of an overdue action: an icon AND the words, never colour alone. */
export function OverdueMark() {
  const { t } = useTranslation();
  return (
    <span className="plan-overdue">
      <svg className="plan-overdue-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
        <circle cx="8" cy="8" r="7" fill="none" stroke="currentColor" strokeWidth="1.8" />
        <path d="M8 4v5M8 11.2v0.6" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
      </svg>
      {t('te laat')}
    </span>
  );
}

/** The links between the plan's pages. */
export function PlanNav({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation();
  const items = [
    { to: planPath(schoolId), label: t('Doelen en acties') },
    { to: planTimelinePath(schoolId), label: t('Tijdlijn') },
    { to: planTeamPath(schoolId), label: t('Fasen en werkgroep') },
    { to: planPrintPath(schoolId), label: t('Afdrukken en downloaden') },
  ];
  return (
    <nav aria-label={t('Implementatieplan')} className="plan-nav">
      <ul>
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end>
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A load error of the plan: a friendly explanation when the school has not shared its plan. */
export function PlanLoadError({ code, message }: { code: string; message: string }) {
  const { t } = useTranslation();
  if (code === 'not_shared') {
    return (
      <div className="notice" role="alert">
        <p>{t('De school heeft het implementatieplan nog niet met het hele team gedeeld.')}</p>
        <p className="plan-notice-last">{t('Zolang dat zo is, zien alleen de directie, de kartrekkers en de werkgroep het plan. Wil je meelezen? Vraag het aan een van hen.')}</p>
      </div>
    );
  }
  return (
    <p className="notice notice-error" role="alert">
      {message}
    </p>
  );
}
