import { type Actor, isAllowed, type Permission } from '../../shared/permissions';
import type { BoardRole, SchoolRole } from '../../shared/roles';
import type { Session } from '../api/api-types';

// The web app asks the server's own policy table what to show, so a menu never offers a page the
// API would refuse (the API still decides; this only hides what would fail).

/** The session seen as the policy's actor. */
export function actorOf(session: Session): Actor {
  return {
    userId: session.user?.id ?? '',
    boardRoles: new Map<string, readonly BoardRole[]>(session.boards.map((board) => [board.id, board.roles])),
    schoolRoles: new Map<string, readonly SchoolRole[]>(session.schools.map((school) => [school.id, school.roles])),
    boardOfSchool: new Map(session.schools.map((school) => [school.id, school.boardId])),
    workingGroup: new Map(session.schools.flatMap((school) => (school.workingGroup ? [[school.id, school.workingGroup] as const] : []))),
  };
}

/** Whether the signed-in user may do something in a board. */
export function canInBoard(session: Session, permission: Permission, boardId: string): boolean {
  return isAllowed(actorOf(session), permission, { boardId });
}

/** Whether the signed-in user may do something in a school of the given board. */
export function canInSchool(session: Session, permission: Permission, schoolId: string, boardId: string): boolean {
  return isAllowed(actorOf(session), permission, { schoolId, schoolBoardId: boardId });
}
