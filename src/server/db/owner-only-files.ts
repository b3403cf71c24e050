import { chmodSync, closeSync, openSync, statSync } from 'node:fs';

/** Mode of every file Groeiwijzer writes with data or keys in it: read and write for its owner only. */
export const OWNER_ONLY_FILE_MODE = 0o600;

/** Mode of a folder Groeiwijzer creates for its data. */
export const OWNER_ONLY_FOLDER_MODE = 0o700;

/** The umask the command line sets at start: whatever else the process creates gets no group or other permissions. */
export const OWNER_ONLY_UMASK = 0o077;

/** Creates an empty file readable by its owner only; false when the file exists already. */
export function createOwnerOnlyFile(path: string): boolean {
  try {
    closeSync(openSync(path, 'wx', OWNER_ONLY_FILE_MODE));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** Takes group and other permissions off an existing file; returns the mode it had when it changed it. */
export function restrictToOwner(path: string): number | undefined {
  let mode: number;
  try {
    mode = statSync(path).mode & 0o777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if ((mode & 0o077) === 0) return undefined;
  chmodSync(path, mode & 0o700);
  return mode;
}
