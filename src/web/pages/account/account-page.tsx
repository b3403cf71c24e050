import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../components/page';
import { useSession } from '../../session/session-context';
import { MFA_SETTINGS_PATH } from './mfa-paths';
import { PasswordChangeSection } from './password-change-section';
import { SessionsSection } from './sessions-section';

/** The signed-in person's own account: two-step verification, password and where they are signed in. */
export function AccountPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  // A password change ends the other sessions: the list below is loaded again.
  const [sessionsVersion, setSessionsVersion] = useState(0);

  return (
    <Page title={t('Mijn account')} intro={session.user ? `${session.user.name} · ${session.user.email}` : undefined}>
      <section aria-labelledby="mfa-heading" className="card">
        <h2 id="mfa-heading">{t('Tweestapsverificatie')}</h2>
        <p>
          {session.mfa?.enabled
            ? t('Staat aan: na je wachtwoord vraagt Groeiwijzer een code uit je app.')
            : t('Staat uit: je wachtwoord is genoeg om in te loggen.')}
        </p>
        <p>
          <Link to={MFA_SETTINGS_PATH}>{t('Tweestapsverificatie beheren')}</Link>
        </p>
      </section>
      <PasswordChangeSection onOtherSessionsEnded={() => setSessionsVersion((version) => version + 1)} />
      <SessionsSection key={sessionsVersion} />
    </Page>
  );
}
