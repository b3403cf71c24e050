import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useMatch, useParams } from 'react-router';
import { Page } from '../../components/page';
import { useSession } from '../../session/session-context';
import { boardMenuLinks } from './board-menu';

/** Frame of the board pages: the board's name and its menu. Only board admins reach it. */
export function BoardLayout() {
  const { t } = useTranslation();
  const { boardId = '' } = useParams();
  const { session } = useSession();
  const isIndex = useMatch('/besturen/:boardId') !== null;
  const board = session.boards.find((item) => item.id === boardId);
  if (!board) {
    return (
      <Page title={t('Geen toegang')}>
        <p>{t('Dit bestuur bestaat niet, of je hebt er geen toegang toe.')}</p>
      </Page>
    );
  }
  return (
    <>
      <div className="context">
        {!isIndex ? <p className="context-name">{board.name}</p> : null}
        <nav aria-label={t('Bestuursmenu')} className="sub-nav">
          <ul>
            {boardMenuLinks(t, session, board.id).map((link, index) => (
              <li key={link.to}>
                {/* Only the first link, the board's own page, is active on that page alone. */}
                <NavLink to={link.to} end={index === 0}>
                  {link.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </div>
      <Outlet />
    </>
  );
}
