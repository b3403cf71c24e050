import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Permission } from '../../../shared/permissions';
import { api, ApiError, apiPath } from '../../api/api-client';
import type { FirstStep, GettingStarted, Session } from '../../api/api-types';
import { canInSchool } from '../../session/permissions';
import { useSession } from '../../session/session-context';

type SessionSchool = Session['schools'][number];

// Per step: the page that does it, and the permission that page needs (without it the step is named, not linked).
const STEP_PAGES: Record<FirstStep, { path: (schoolId: string) => string; permission: Permission }> = {
  locations: { path: (id) => `/scholen/${id}/locaties`, permission: 'school.structure.manage' },
  classes: { path: (id) => `/scholen/${id}/klassen`, permission: 'school.structure.manage' },
  staff: { path: (id) => `/scholen/${id}/personeel`, permission: 'school.staff.manage' },
  pupils: { path: (id) => `/scholen/${id}/leerlingen/importeren`, permission: 'school.pupils.import' },
  selfscan: { path: (id) => `/scholen/${id}/zelfscan`, permission: 'school.selfscan.manage' },
};

/** The getting-started checklists of the schools the person sets up (school admin, TSO lead), until hidden. */
export function HomeGettingStarted({ schools }: { schools: Session['schools'] }) {
  const { session } = useSession();
  const mine = schools.filter((school) => canInSchool(session, 'school.getting_started', school.id, school.boardId));
  return (
    <>
      {mine.map((school) => (
        <SchoolChecklist key={school.id} school={school} />
      ))}
    </>
  );
}

function SchoolChecklist({ school }: { school: SessionSchool }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const [checklist, setChecklist] = useState<GettingStarted | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const path = apiPath('/api/schools/:schoolId/getting-started', { schoolId: school.id });

  useEffect(() => {
    let isCurrent = true;
    api.get<GettingStarted>(path).then(
      (loaded) => isCurrent && setChecklist(loaded),
      // A checklist that cannot be loaded is left out: the home page works without it.
      () => undefined,
    );
    return () => {
      isCurrent = false;
    };
  }, [path]);

  if (!checklist || checklist.hidden) return null;
  const label = (step: FirstStep): string =>
    ({
      locations: t('Voeg de locaties (gebouwen) van de school toe'),
      classes: t('Maak de groepen of klassen van dit schooljaar aan'),
      staff: t('Nodig je team uit'),
      pupils: t('Importeer de leerlingen uit je leerlingadministratie'),
      selfscan: t('Plan de eerste zelfscan met het team'),
    })[step];
  const doneCount = checklist.steps.filter((item) => item.isDone).length;
  const headingId = `eerste-stappen-${school.id}`;

  const hide = async () => {
    setFailure(null);
    try {
      setChecklist(await api.post<GettingStarted>(apiPath('/api/schools/:schoolId/getting-started/hide', { schoolId: school.id })));
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : String(error));
    }
  };

  return (
    <section aria-labelledby={headingId} className="card getting-started">
      <h2 id={headingId}>{t('Aan de slag met {{school}}', { school: school.name })}</h2>
      <p>{t('{{done}} van de {{total}} eerste stappen gedaan.', { done: doneCount, total: checklist.steps.length })}</p>
      <ul className="checklist">
        {checklist.steps.map(({ step, isDone }) => {
          const page = STEP_PAGES[step];
          const canDo = canInSchool(session, page.permission, school.id, school.boardId);
          return (
            <li key={step} className={isDone ? 'checklist-done' : 'checklist-open'}>
              <span className="checklist-mark" aria-hidden="true">
                {isDone ? '✓' : '○'}
              </span>{' '}
              {canDo ? <Link to={page.path(school.id)}>{label(step)}</Link> : label(step)}
              <span className="muted"> — {isDone ? t('gedaan') : canDo ? t('nog te doen') : step === 'selfscan' ? t('nog te doen, door de kartrekker of de directie') : t('nog te doen, door de schoolbeheerder')}</span>
            </li>
          );
        })}
      </ul>
      {failure ? (
        <p className="notice notice-error" role="alert">
          {failure}
        </p>
      ) : null}
      {checklist.allDone ? (
        <>
          <p>{t('Alles staat klaar. Je kunt deze lijst nu verbergen; dat geldt voor de hele school.')}</p>
          <button type="button" className="button button-secondary" onClick={() => void hide()}>
            {t('Lijst verbergen')}
          </button>
        </>
      ) : null}
    </section>
  );
}
