import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { api, ApiError } from '../../api/api-client';
import { ErrorSummary, FormActions, TextField } from '../../components/form-fields';
import { useFormErrors } from '../../components/form-errors';
import { Page } from '../../components/page';
import { useSession } from '../../session/session-context';
import type { MfaEnrollment, RecoveryCodes as RecoveryCodesAnswer } from '../../api/account-types';
import { MFA_SETTINGS_PATH } from './mfa-paths';
import { RecoveryCodes } from './recovery-codes';

/** Setting up an authenticator app: scan or type the key, confirm with a code, save the recovery codes. */
export function MfaEnrollmentPage() {
  const { t } = useTranslation();
  const { session, refresh } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [enrollment, setEnrollment] = useState<MfaEnrollment | null>(null);
  const [startError, setStartError] = useState<string | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const isStarted = useRef(false);
  const isAlreadyOn = Boolean(session.mfa?.enabled) && recoveryCodes === null;
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  useEffect(() => {
    // Once per visit: every start makes a new secret, so a second call would invalidate the QR code shown.
    if (isStarted.current || isAlreadyOn) return;
    isStarted.current = true;
    api.post<MfaEnrollment>('/api/me/mfa/enrollment').then(setEnrollment, (error: unknown) => {
      setStartError(error instanceof ApiError ? error.message : String(error));
    });
  }, [isAlreadyOn]);

  const title = t('Tweestapsverificatie instellen');
  if (isAlreadyOn) {
    return (
      <Page title={title}>
        <p className="notice">{t('Tweestapsverificatie staat al aan voor je account.')}</p>
        <p>
          <Link to={MFA_SETTINGS_PATH}>{t('Naar je tweestapsverificatie')}</Link>
        </p>
      </Page>
    );
  }
  if (recoveryCodes) {
    return (
      <Page title={title}>
        <p className="notice notice-success">{t('Tweestapsverificatie staat aan. Voortaan vraagt Groeiwijzer na je wachtwoord om een code uit je app.')}</p>
        <RecoveryCodes codes={recoveryCodes} />
        <FormActions>
          <button type="button" className="button" onClick={() => void navigate(from === location.pathname ? '/' : from, { replace: true })}>
            {t('Ik heb de herstelcodes bewaard')}
          </button>
        </FormActions>
      </Page>
    );
  }

  const intro = session.mfa?.required
    ? t('Voor jouw rol is tweestapsverificatie verplicht: je kunt bij gevoelige gegevens van leerlingen of bij exports. Na je wachtwoord vraagt Groeiwijzer dan ook om een code uit een app op je telefoon.')
    : t('Met tweestapsverificatie vraagt Groeiwijzer na je wachtwoord ook om een code uit een app op je telefoon. Zo komt niemand binnen met alleen je wachtwoord.');

  return (
    <Page title={title} intro={<p>{intro}</p>}>
      {startError ? (
        <p className="notice notice-error" role="alert">
          {startError}
        </p>
      ) : null}
      {enrollment ? (
        <EnrollmentSteps
          enrollment={enrollment}
          onConfirmed={async (codes) => {
            setRecoveryCodes(codes);
            await refresh();
          }}
        />
      ) : startError ? null : (
        <p role="status">{t('Bezig met voorbereiden…')}</p>
      )}
    </Page>
  );
}

function EnrollmentSteps({ enrollment, onConfirmed }: { enrollment: MfaEnrollment; onConfirmed: (codes: string[]) => Promise<void> }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [isBusy, setIsBusy] = useState(false);
  const { errors, check, fromError } = useFormErrors();
  const labels = { code: t('Code uit de app'), password: t('Je wachtwoord') };
  const groupedKey = enrollment.secret.match(/.{1,4}/g)?.join(' ') ?? enrollment.secret;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const isValid = check(
      {
        code: !/^\d{6}$/.test(code.replace(/\s/g, '')) && t('Vul de zes cijfers uit je app in.'),
        password: password === '' && t('Vul je wachtwoord in.'),
      },
      t('Niet alle velden zijn goed ingevuld.'),
    );
    if (!isValid) return;
    setIsBusy(true);
    try {
      const answer = await api.post<RecoveryCodesAnswer>('/api/me/mfa/enrollment/confirm', { code, password });
      await onConfirmed(answer.recoveryCodes);
    } catch (error) {
      fromError(error, { password: t('Vul je wachtwoord in.') });
      setCode('');
      setIsBusy(false);
    }
  };

  return (
    <>
      <section aria-labelledby="stap-app" className="step">
        <h2 id="stap-app">{t('1. Kies een authenticator-app')}</h2>
        <p>{t('Op je telefoon heb je een app nodig die inlogcodes maakt. Heb je er nog geen, kies dan een van deze gratis apps:')}</p>
        <ul>
          <li>{t('Microsoft Authenticator of Google Authenticator (iPhone en Android), die veel scholen al gebruiken;')}</li>
          <li>{t('2FAS (iPhone en Android) of Aegis (Android): open source en zonder account, dus privacyvriendelijk.')}</li>
        </ul>
        <p className="muted">{t('Een wachtwoordmanager die codes maakt (TOTP) werkt ook.')}</p>
      </section>
      <section aria-labelledby="stap-scan" className="step">
        <h2 id="stap-scan">{t('2. Scan de QR-code')}</h2>
        <img className="qr-code" src={`data:image/svg+xml,${encodeURIComponent(enrollment.qrCodeSvg)}`} alt={t('QR-code om Groeiwijzer aan je authenticator-app toe te voegen')} width={200} height={200} />
        <p>{t('Lukt scannen niet? Typ dan deze sleutel in je app (de spaties mogen weg):')}</p>
        <p>
          <code className="manual-key">{groupedKey}</code>
        </p>
      </section>
      <section aria-labelledby="stap-code" className="step">
        <h2 id="stap-code">{t('3. Bevestig met de code uit de app')}</h2>
        <p>{t('Vul ook je wachtwoord nog eens in: zo weten we zeker dat jij dit instelt.')}</p>
        <ErrorSummary errors={errors} labels={labels} />
        <form onSubmit={(event) => void submit(event)} noValidate>
          <TextField id="code" label={labels.code} value={code} onChange={setCode} error={errors.fields.code} autoComplete="one-time-code" maxLength={12} required />
          <TextField id="password" type="password" label={labels.password} value={password} onChange={setPassword} error={errors.fields.password} autoComplete="current-password" required />
          <FormActions>
            <button type="submit" className="button" disabled={isBusy}>
              {t('Tweestapsverificatie aanzetten')}
            </button>
          </FormActions>
        </form>
      </section>
    </>
  );
}
