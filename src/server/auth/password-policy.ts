import { dictionary } from '@zxcvbn-ts/language-common';
import { AppError } from '../errors';

// Passwords people in Dutch schools are likely to pick that the international list lacks.
// Compared after lower-casing and dropping trailing digits and punctuation (see `baseOf`).
const LOCAL_COMMON_PASSWORDS = [
  'wachtwoord',
  'welkom',
  'welkomstwachtwoord',
  'geheim',
  'groeiwijzer',
  'school',
  'basisschool',
  'leerkracht',
  'juf',
  'meester',
  'directeur',
  'zomervakantie',
  'kerstvakantie',
  'voorjaar',
  'najaar',
  'maandag',
  'vrijdag',
  'nederland',
  'amsterdam',
  'rotterdam',
  'utrecht',
  'ajax',
  'feyenoord',
  'oranje',
  'hallo',
  'qwerty',
  'azerty',
  'trauma',
  'veiligheid',
];

/** Lower case without the digits and punctuation people tack on at the end ("Welkom2026!" → "welkom"). */
function baseOf(password: string): string {
  return password.toLowerCase().replace(/[\d\s!?.,;:@#$%^&*_+=~-]+$/u, '');
}

let blocklist: ReadonlySet<string> | undefined;

/** The offline list of common and breached passwords (about 49,000 from zxcvbn-ts plus our Dutch additions). */
function commonPasswords(): ReadonlySet<string> {
  blocklist ??= new Set([...dictionary['passwords-common'], ...LOCAL_COMMON_PASSWORDS].map((entry) => entry.toLowerCase()));
  return blocklist;
}

/** What a password may not be built from besides the list: the person's own address and name. */
export interface PasswordContext {
  email?: string | undefined;
  name?: string | undefined;
}

/**
 * True when a password is on the common/breached list (as typed or without trailing digits and
 * punctuation), or is just the person's e-mail address, its local part or a part of their name.
 */
export function isWeakPassword(password: string, context: PasswordContext = {}): boolean {
  const lowered = password.toLowerCase();
  const base = baseOf(password);
  const list = commonPasswords();
  if (list.has(lowered) || (base.length > 0 && list.has(base))) return true;
  const email = context.email?.toLowerCase();
  const personal = [email, email?.split('@')[0], context.name?.toLowerCase(), ...(context.name?.toLowerCase().split(/\s+/) ?? [])];
  return personal.some((word) => word !== undefined && word.length >= 3 && (lowered === word || base === word));
}

/** Refuses a new password that is too common or too personal, naming the form field it came from. */
export function assertPasswordNotWeak(password: string, context: PasswordContext, field: string): void {
  if (isWeakPassword(password, context)) {
    throw new AppError('password_too_common', { fields: { [field]: ['password_too_common'] } });
  }
}
