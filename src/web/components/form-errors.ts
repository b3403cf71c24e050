import { useCallback, useState } from 'react';
import { ApiError } from '../api/api-client';

/** What went wrong with a form: one message for the whole form, and one per field (keyed by the input's id). */
export interface FormErrors {
  message: string | null;
  fields: Record<string, string>;
}

const NONE: FormErrors = { message: null, fields: {} };

/**
 * Errors of one form. Client checks give translated per-field messages; a server refusal gives
 * the server's message (already in the user's language) and marks the fields it names.
 */
export function useFormErrors(idPrefix = '') {
  const [errors, setErrors] = useState<FormErrors>(NONE);

  const clear = useCallback(() => setErrors(NONE), []);

  /** Sets client-side field errors (keyed by input id); returns true when there were none. */
  const check = useCallback((fields: Record<string, string | null | false | undefined>, message: string): boolean => {
    const found: Record<string, string> = {};
    for (const [name, text] of Object.entries(fields)) if (text) found[name] = text;
    if (Object.keys(found).length === 0) {
      setErrors(NONE);
      return true;
    }
    setErrors({ message, fields: found });
    return false;
  }, []);

  /** Shows a failed request; `fieldMessages` says in words what a refused field needs. */
  const fromError = useCallback((error: unknown, fieldMessages: Record<string, string> = {}, fallback = '') => {
    if (!(error instanceof ApiError)) {
      setErrors({ message: error instanceof Error ? error.message : String(error), fields: {} });
      return;
    }
    const fields: Record<string, string> = {};
    for (const name of error.fieldNames) {
      // "classIds.2" is about the field classIds.
      const field = name.split('.')[0] ?? name;
      // A password that is long enough but too common: the server's own words say it best.
      const text = error.code === 'password_too_common' ? error.message : (fieldMessages[field] ?? fallback);
      if (text) fields[`${idPrefix}${field}`] = text;
    }
    setErrors({ message: error.message, fields });
  }, [idPrefix]);

  return { errors, clear, check, fromError };
}
