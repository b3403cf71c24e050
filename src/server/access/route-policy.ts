import type { Permission } from '../../shared/permissions';
import type { DeviceKind } from './caller';

/**
 * Who may call a route: anyone, any signed-in staff member, holders of a permission in the route's board or
 * school (`:boardId` / `:schoolId` in the path), or one registered kind of device (a pupil's own device, a class
 * kiosk): a device route answers only to its own cookie and never to a staff session.
 */
export type RoutePolicy =
  | { access: 'public' }
  | { access: 'authenticated' }
  | { access: 'permission'; permission: Permission }
  | { access: 'device'; kind: DeviceKind };
