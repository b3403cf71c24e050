import type { TFunction } from 'i18next';
import type { Session } from '../../api/api-types';
import { canInBoard } from '../../session/permissions';
import { boardPlanPath } from '../plan/plan-paths';
import type { MenuLink } from '../school/school-menu';

/** The board menu of a board admin, in its fixed order (a plain function: see school-menu.ts). */
export function boardMenuLinks(t: TFunction, session: Session, boardId: string): MenuLink[] {
  const base = `/besturen/${boardId}`;
  return [
    { to: base, label: t('Scholen') },
    { to: `${base}/zelfscan`, label: t('Zelfscan per school') },
    ...(canInBoard(session, 'board.checkin.aggregates', boardId) ? [{ to: `${base}/check-in`, label: t('Check-in per school') }] : []),
    ...(canInBoard(session, 'board.plan.rollup', boardId) ? [{ to: boardPlanPath(boardId), label: t('Implementatieplannen') }] : []),
    ...(canInBoard(session, 'board.evaluation.read', boardId) ? [{ to: `${base}/effect`, label: t('Effect van TSO') }] : []),
    ...(canInBoard(session, 'board.accounts.manage', boardId) ? [{ to: `${base}/accounts`, label: t('Accounts') }] : []),
    ...(canInBoard(session, 'board.sso.manage', boardId) ? [{ to: `${base}/inloggen-schoolaccount`, label: t('Inloggen met schoolaccount') }] : []),
    ...(canInBoard(session, 'board.privacy.register', boardId) ? [{ to: `${base}/verwerkingsregister`, label: t('Verwerkingsregister') }] : []),
    { to: `${base}/postvak`, label: t('Postvak') },
    { to: `${base}/logboek`, label: t('Logboek') },
  ];
}
