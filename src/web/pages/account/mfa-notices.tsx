import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Session } from '../../api/api-types';
import { MFA_ENROLLMENT_PATH } from './mfa-paths';

/**
 * Shown on the home page: that this installation does not require two-step verification (the demo
 * runs like that), and an invitation to set it up for whoever has not.
 */
export function MfaHomeNotice({ session }: { session: Session }) {
  const { t } = useTranslation();
  const mfa = session.mfa;
  if (!mfa || mfa.enforced) return null;
  return (
    <div className="notice notice-warning">
      <p>
        <strong>{t('Tweestapsverificatie is op deze installatie niet verplicht.')}</strong>{' '}
        {t('Zo kun je in de demo elk account uitproberen. Zet MFA_REQUIRED aan voordat er echte gegevens over leerlingen in Groeiwijzer komen.')}
      </p>
      {!mfa.enabled ? (
        <p>
          <Link to={MFA_ENROLLMENT_PATH}>{t('Tweestapsverificatie toch instellen voor je eigen account')}</Link>
        </p>
      ) : null}
    </div>
  );
}
