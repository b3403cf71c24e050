import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useMatch, useParams } from 'react-router';
import type { Permission } from '../../../shared/permissions';
import { apiPath } from '../../api/api-client';
import type { School } from '../../api/api-types';
import { useApiData } from '../../api/use-api-data';
import { LoadState } from '../../components/load-state';
import { Page } from '../../components/page';
import { canInSchool } from '../../session/permissions';
import { useSession } from '../../session/session-context';
import { schoolMenuLinks } from './school-menu';

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
  const menu = schoolMenuLinks(t, session, school);
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
            {menu.map((link) => (
              <li key={link.to}>
                <NavLink to={link.to} end>
                  {link.label}
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
