import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useMatch, useParams } from 'react-router';
import type { Permission } from '../../../server/auth/policy';
import { apiPath } from '../../api/api-client';
import type { School } from '../../api/api-types';
import { useApiData } from '../../api/use-api-data';
import { LoadState } from '../../components/load-state';
import { Page } from '../../components/page';
import { canInSchool } from '../../session/permissions';
import { CHECKIN_PERMISSIONS } from '../checkin/checkin-paths';
import { planPath, trainingPath } from '../plan/plan-paths';
import { useSession } from '../../session/session-context';

interface SchoolState {
  school: School;
  /** Whether the signed-in person holds a permission in this school. */
  can: (permission: Permission) => boolean;
  /** Loads the school again (after a change to its school years). */
  reload: () => void;
}

const SchoolContext = createContext<SchoolState | null>(null);

/** The school the current page is about. */
export function useSchool(): SchoolState {
  const state = useContext(SchoolContext);
  if (!state) throw new Error('useSchool outside SchoolLayout');
  return state;
}

/** Frame of the school pages: loads the school once and shows the menu of what this person may see. */
export function SchoolLayout() {
  const { t } = useTranslation();
  const { schoolId = '' } = useParams();
  const { session } = useSession();
  const isIndex = useMatch('/scholen/:schoolId') !== null;
  const { data: school, error, isLoading, reload } = useApiData<School>(apiPath('/api/schools/:schoolId', { schoolId }));

  if (error) {
    return (
      <Page title={t('School niet beschikbaar')}>
        <LoadState error={error} isLoading={false} />
      </Page>
    );
  }
  // No h1 while loading: the page's own h1 appears with the data and takes the focus then.
  if (!school || school.id !== schoolId) return <LoadState error={null} isLoading={isLoading || !school} />;
  const can = (permission: Permission) => canInSchool(session, permission, school.id, school.boardId);
  const base = `/scholen/${school.id}`;
  const place = session.schools.find((entry) => entry.id === school.id);
  const isMember = (place?.roles.length ?? 0) > 0;
  const planShared = place?.planSharedWithTeam === true;
  const items: { to: string; label: string; isShown: boolean }[] = [
    { to: base, label: t('Overzicht'), isShown: true },
    // The self-scan is for the school's own team; a board role alone does not make someone part of it.
    { to: `${base}/zelfscan`, label: t('Zelfscan'), isShown: isMember },
    { to: `${base}/leerlingen`, label: t('Leerlingen'), isShown: can('school.pupils.read') },
    { to: `${base}/klassen`, label: t('Klassen'), isShown: can('school.structure.manage') },
    { to: `${base}/locaties`, label: t('Locaties'), isShown: can('school.structure.manage') },
    { to: `${base}/check-in`, label: t('Check-in'), isShown: CHECKIN_PERMISSIONS.some(can) },
    // The working group and leadership always; the rest of the team once the school shares its plan.
    { to: planPath(school.id), label: t('Implementatieplan'), isShown: can('school.plan.edit') || (can('school.plan.read') && planShared) },
    { to: trainingPath(school.id), label: t('Scholing'), isShown: can('school.training.read') },
    { to: `${base}/personeel`, label: t('Personeel'), isShown: can('school.staff.read') },
    { to: `${base}/postvak`, label: t('Postvak'), isShown: can('school.outbox.read') },
    { to: `${base}/logboek`, label: t('Logboek'), isShown: can('school.audit.read') },
  ];
  const boardName = session.boards.find((board) => board.id === school.boardId)?.name;

  return (
    <SchoolContext.Provider value={{ school, can, reload }}>
      <div className="context">
        <p className="context-name">
          {!isIndex ? school.name : null}
          {boardName ? (
            <>
              {!isIndex ? ' · ' : null}
              <NavLink to={`/besturen/${school.boardId}`}>{boardName}</NavLink>
            </>
          ) : null}
        </p>
        <nav aria-label={t('Schoolmenu')} className="sub-nav">
          <ul>
            {items
              .filter((item) => item.isShown)
              .map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end>
                    {item.label}
                  </NavLink>
                </li>
              ))}
          </ul>
        </nav>
      </div>
      <Outlet />
    </SchoolContext.Provider>
  );
}

/** Shows the child page only to people who hold the permission (or one of several); the API would refuse the rest anyway. */
export function RequireSchoolPermission({ permission }: { permission: Permission | readonly Permission[] }) {
  const { t } = useTranslation();
  const { can } = useSchool();
  const permissions: readonly Permission[] = typeof permission === 'string' ? [permission] : permission;
  if (!permissions.some(can)) {
    return (
      <Page title={t('Geen toegang')}>
        <p>{t('Met jouw rollen in deze school kun je deze pagina niet gebruiken.')}</p>
      </Page>
    );
  }
  return <Outlet />;
}
