import { KIOSK_COOKIE, PUPIL_COOKIE } from '../../../shared/checkin';
import type { DeviceCaller, DeviceKindRegistration } from '../../access/caller';
import { resumeKioskDevice, resumePupilDevice } from './checkin-access.service';

// The check-in brings two kinds of caller without an account: a pupil's own device (class code + personal
// card code) and a class device in kiosk mode. They are registered here, with the cookie each one carries,
// so the access core resolves them without knowing the check-in.

/** A pupil's own-device session: whose check-in it may submit, and in which class. */
export interface PupilDevice {
  idHash: string;
  pupilId: string;
  classId: string;
  schoolId: string;
}

/** A class device in kiosk mode: which class it serves. */
export interface KioskDevice {
  idHash: string;
  classId: string;
  schoolId: string;
}

declare module '../../access/caller' {
  interface DeviceCallers {
    pupil: PupilDevice;
    kiosk: KioskDevice;
  }
}

/** A pupil's own device as routes receive it. */
export type PupilCaller = DeviceCaller<'pupil'>;
/** A class kiosk as routes receive it. */
export type KioskCaller = DeviceCaller<'kiosk'>;

/** The check-in's device kinds, for app.ts to hand to the auth hook. */
export const checkinDeviceKinds: readonly DeviceKindRegistration[] = [
  { kind: 'pupil', cookie: PUPIL_COOKIE, resolve: (deps, cookie) => resumePupilDevice(deps.db.kysely, deps.clock, cookie) },
  { kind: 'kiosk', cookie: KIOSK_COOKIE, resolve: (deps, cookie) => resumeKioskDevice(deps.db.kysely, deps.clock, cookie) },
];
