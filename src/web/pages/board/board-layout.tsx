import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useMatch, useParams } from 'react-router';
import { Page } from '../../components/page';
import { boardPlanPath } from '../plan/plan-paths';
import { canInBoard } from '../../session/permissions';
import { useSession } from '../../session/session-context';

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
            <li>
              <NavLink to={`/besturen/${board.id}`} end>
                {t('Scholen')}
              </NavLink>
            </li>
            <li>
              <NavLink to={`/besturen/${board.id}/zelfscan`}>{t('Zelfscan per school')}</NavLink>
            </li>
            {canInBoard(session, 'board.checkin.aggregates', board.id) ? (
              <li>
                <NavLink to={`/besturen/${board.id}/check-in`}>{t('Check-in per school')}</NavLink>
              </li>
            ) : null}
            {canInBoard(session, 'board.plan.rollup', board.id) ? (
              <li>
                <NavLink to={boardPlanPath(board.id)}>{t('Implementatieplannen')}</NavLink>
              </li>
            ) : null}
            <li>
              <NavLink to={`/besturen/${board.id}/postvak`}>{t('Postvak')}</NavLink>
            </li>
            <li>
              <NavLink to={`/besturen/${board.id}/logboek`}>{t('Logboek')}</NavLink>
            </li>
          </ul>
        </nav>
      </div>
      <Outlet />
    </>
  );
}
