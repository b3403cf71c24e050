import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PUPIL_PAGE_PATHS } from '../../../shared/checkin';
import { api, ApiError, apiPath } from '../../api/api-client';
import type { ClassCode, KioskSession } from '../../api/checkin-types';
import { Dialog } from '../../components/confirm-dialog';
import { useSession } from '../../session/session-context';
import { checkinCardsPath } from './checkin-paths';

/** What a teacher does to let the class check in: this device as class device, a class code, login cards. */
export function ClassCheckinActions({ schoolId, classId, className }: { schoolId: string; classId: string; className: string }) {
  const { t } = useTranslation();
  const [isKioskOpen, setIsKioskOpen] = useState(false);
  const [code, setCode] = useState<ClassCode | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const showCodeButton = useRef<HTMLButtonElement>(null);

  // Back to the button that opened the code (it may have lost focus while it was disabled during the request).
  const hideCode = () => {
    setCode(null);
    window.requestAnimationFrame(() => showCodeButton.current?.focus());
  };

  const showCode = async () => {
    setIsBusy(true);
    setFailure(null);
    try {
      setCode(await api.post<ClassCode>(apiPath('/api/schools/:schoolId/classes/:classId/checkin/class-code', { schoolId, classId })));
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : String(error));
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <section aria-labelledby="inchecken-kop" className="card">
      <h2 id="inchecken-kop">{t('Leerlingen laten inchecken')}</h2>
      <div className="action-buttons">
        <button type="button" className="button" onClick={() => setIsKioskOpen(true)}>
          {t('Check-in openen op dit apparaat')}
        </button>
        <button ref={showCodeButton} type="button" className="button button-secondary" onClick={() => void showCode()} disabled={isBusy}>
          {t('Klascode tonen')}
        </button>
        <Link to={checkinCardsPath(schoolId, classId)} className="button button-secondary">
          {t('Inlogkaarten afdrukken')}
        </Link>
      </div>
      <p className="hint">
        {t('Op het klasapparaat tikken leerlingen hun naam aan. Op een eigen apparaat vullen ze de klascode van het bord in en de code van hun inlogkaart.')}{' '}
        {t('De klascode vult het hele scherm, zodat de klas op het bord niets anders van deze pagina ziet.')}
      </p>
      {failure ? (
        <p className="notice notice-error" role="alert">
          {failure}
        </p>
      ) : null}
      <ClassCodeScreen code={code} className={className} onClose={hideCode} onRenew={() => void showCode()} isBusy={isBusy} failure={failure} />
      <KioskDialog isOpen={isKioskOpen} onClose={() => setIsKioskOpen(false)} schoolId={schoolId} classId={classId} className={className} />
    </section>
  );
}

/**
 * The class code on the whole screen, for the smartboard: the code, one line on what to do with it and how long it
 * stays valid, nothing else. A modal <dialog>: the class page behind it (names, states, who wants to talk) is
 * covered and inert, so neither the projector nor a screen reader shows any of it; Escape or "close" ends it and
 * focus returns to the button that opened it.
 */
interface ClassCodeScreenProps {
  code: ClassCode | null;
  className: string;
  onClose: () => void;
  onRenew: () => void;
  isBusy: boolean;
  failure: string | null;
}

function ClassCodeScreen({ code, className, ...rest }: ClassCodeScreenProps) {
  const { t } = useTranslation();
  return (
    <Dialog isOpen={code !== null} title={t('Klascode voor {{name}}', { name: className })} onClose={rest.onClose} className="dialog-full-screen class-code-screen">
      {code ? <ClassCodeContent code={code} {...rest} /> : null}
    </Dialog>
  );
}

function ClassCodeContent({ code, onClose, onRenew, isBusy, failure }: Omit<ClassCodeScreenProps, 'className' | 'code'> & { code: ClassCode }) {
  const { t } = useTranslation();
  const secondsLeft = useSecondsUntil(code.expiresAt);
  const minutes = Math.floor(secondsLeft / 60);
  const seconds = String(secondsLeft % 60).padStart(2, '0');
  const address = `${window.location.host}${PUPIL_PAGE_PATHS.ownDevice}`;
  return (
    <>
      <p className="class-code">
        {/* One letter per span so the code reads letter by letter, also aloud. */}
        {[...code.code].map((letter, index) => (
          <span key={index}>{letter}</span>
        ))}
      </p>
      <p className="class-code-how">{t('Ga naar {{address}} en vul deze code in, met de code van je eigen inlogkaart.', { address })}</p>
      {secondsLeft > 0 ? (
        <p className="class-code-expiry">{t('Nog {{minutes}}:{{seconds}} geldig', { minutes, seconds })}</p>
      ) : (
        <p className="notice notice-warning class-code-expired">{t('Deze klascode is verlopen. Maak een nieuwe als er nog leerlingen moeten inchecken.')}</p>
      )}
      {failure ? (
        <p className="notice notice-error" role="alert">
          {failure}
        </p>
      ) : null}
      <div className="class-code-actions">
        {secondsLeft > 0 ? null : (
          <button type="button" className="button button-secondary" onClick={onRenew} disabled={isBusy}>
            {t('Nieuwe klascode')}
          </button>
        )}
        <button type="button" className="button" onClick={onClose}>
          {t('Klascode sluiten')}
        </button>
      </div>
    </>
  );
}

/** Whole seconds from now until an instant (never below 0), updated every second. */
function useSecondsUntil(instant: string): number {
  const until = new Date(instant).getTime();
  const [left, setLeft] = useState(() => secondsUntil(until));
  useEffect(() => {
    setLeft(secondsUntil(until));
    const timer = window.setInterval(() => setLeft(secondsUntil(until)), 1000);
    return () => window.clearInterval(timer);
  }, [until]);
  return left;
}

function secondsUntil(until: number): number {
  return Math.max(0, Math.ceil((until - Date.now()) / 1000));
}

interface KioskDialogProps {
  isOpen: boolean;
  onClose: () => void;
  schoolId: string;
  classId: string;
  className: string;
}

// Opening the class device hands this screen to the pupils: by default the staff session on it ends,
// so no pupil can go from the check-in screen into the teacher's part of Groeiwijzer.
function KioskDialog({ isOpen, onClose, schoolId, classId, className }: KioskDialogProps) {
  const { t } = useTranslation();
  const { signOut } = useSession();
  const [shouldSignOut, setShouldSignOut] = useState(true);
  const [failure, setFailure] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  const open = async () => {
    setIsBusy(true);
    setFailure(null);
    try {
      await api.post<KioskSession>(apiPath('/api/schools/:schoolId/classes/:classId/checkin/kiosk', { schoolId, classId }));
      if (shouldSignOut) await signOut();
      window.location.assign(PUPIL_PAGE_PATHS.kiosk);
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : String(error));
      setIsBusy(false);
    }
  };

  return (
    <Dialog isOpen={isOpen} title={t('Check-in openen voor {{name}}', { name: className })} onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void open();
        }}
      >
        <div className="dialog-body">
          <p>{t('Dit apparaat wordt het klasapparaat: de leerlingen tikken hier hun naam aan en kiezen hoe het gaat. Niemand ziet op dit scherm wat een ander koos. Het blijft de hele schooldag open.')}</p>
          <div className="checkbox">
            <input id="kiosk-uitloggen" type="checkbox" checked={shouldSignOut} onChange={(event) => setShouldSignOut(event.target.checked)} aria-describedby="kiosk-uitloggen-hint" />
            <label htmlFor="kiosk-uitloggen">{t('Mij op dit apparaat uitloggen')}</label>
            <p className="hint" id="kiosk-uitloggen-hint">
              {t('Aangeraden als leerlingen dit apparaat zelf bedienen: zo kan niemand vanaf het check-inscherm bij jouw gegevens.')}
            </p>
          </div>
        </div>
        {failure ? (
          <p className="notice notice-error" role="alert">
            {failure}
          </p>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button" disabled={isBusy}>
            {t('Check-in openen')}
          </button>
          <button type="button" className="button button-secondary" onClick={onClose}>
            {t('Annuleren')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
