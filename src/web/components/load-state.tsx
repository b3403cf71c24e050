import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/api-client';

/** Shows that data is on its way, or why it did not come. */
export function LoadState({ error, isLoading }: { error: ApiError | null; isLoading: boolean }) {
  const { t } = useTranslation();
  if (error) {
    return (
      <p className="notice notice-error" role="alert">
        {error.message}
      </p>
    );
  }
  if (isLoading) {
    return (
      <p className="notice" role="status">
        {t('Laden…')}
      </p>
    );
  }
  return null;
}

/** A short confirmation after something was saved, read out by screen readers. */
export function SuccessMessage({ message }: { message: string | null }) {
  return (
    <div role="status" className={message ? 'notice notice-success' : 'visually-hidden'}>
      {message}
    </div>
  );
}

/** Why something just failed, announced at once; nothing when there is no message. */
export function ErrorMessage({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p className="notice notice-error" role="alert">
      {message}
    </p>
  );
}
