import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PUPIL_PAGE_PATHS } from '../../../shared/checkin';
import { api, ApiError, apiPath } from '../../api/api-client';
import type { SchoolClass } from '../../api/api-types';
import type { LoginCards } from '../../api/checkin-types';
import { useApiData } from '../../api/use-api-data';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { LoadState } from '../../components/load-state';
import { Page } from '../../components/page';
import { useSchool } from '../school/school-layout';
import { checkinClassPath } from './checkin-paths';

/**
 * Login cards for a class: one card per pupil with the personal code and a QR code. Making cards
 * replaces the pupils' earlier codes, so the page asks first; the codes are shown once, only here.
 */
export function CheckinCardsPage() {
  const { t } = useTranslation();
  const { school } = useSchool();
  const { classId = '' } = useParams();
  const classes = useApiData<SchoolClass[]>(apiPath('/api/schools/:schoolId/classes', { schoolId: school.id }, { schoolYear: school.currentSchoolYear }));
  const className = classes.data?.find((item) => item.id === classId)?.name ?? '';
  const [isConfirming, setIsConfirming] = useState(false);
  const [cards, setCards] = useState<LoginCards | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const issue = async () => {
    setFailure(null);
    try {
      setCards(await api.post<LoginCards>(apiPath('/api/schools/:schoolId/classes/:classId/checkin/cards', { schoolId: school.id, classId }), {}));
      setIsConfirming(false);
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : String(error));
    }
  };

  const title = cards ? t('Inlogkaarten {{name}}', { name: cards.className }) : t('Inlogkaarten');
  return (
    <Page title={title}>
      <div className="no-print">
        <p>
          <Link to={checkinClassPath(school.id, classId)}>{t('Terug naar de check-in van de klas')}</Link>
        </p>
        <LoadState error={classes.error} isLoading={classes.isLoading && !classes.data} />
        {cards ? (
          <>
            <p>{t('Knip de kaarten uit en geef elke leerling de eigen kaart. De codes staan alleen op deze pagina: druk ze nu af.')}</p>
            <p>
              <button type="button" className="button" onClick={() => window.print()}>
                {t('Afdrukken')}
              </button>
            </p>
          </>
        ) : (
          <>
            <p>
              {t('Met een inlogkaart checkt een leerling in op een eigen apparaat: de klascode van het bord plus de persoonlijke code van de kaart, of de QR-code scannen en dan alleen de klascode invullen.')}
            </p>
            <p className="notice notice-warning">{t('Nieuwe kaarten maken vervangt de codes van alle leerlingen van deze klas. De oude kaarten werken daarna niet meer.')}</p>
            <p>
              <button type="button" className="button" onClick={() => setIsConfirming(true)} disabled={!classes.data}>
                {t('Nieuwe inlogkaarten maken')}
              </button>
            </p>
          </>
        )}
      </div>
      {cards ? (
        cards.cards.length === 0 ? (
          <p className="notice">{t('Deze klas heeft nog geen leerlingen.')}</p>
        ) : (
          <ul className="login-cards" aria-label={t('Inlogkaarten')}>
            {cards.cards.map((card) => (
              <li key={card.pupilId} className="login-card">
                <p className="login-card-name">
                  {card.symbol ? (
                    <span className="login-card-symbol" aria-hidden="true">
                      {card.symbol.emoji}
                    </span>
                  ) : null}
                  {card.displayName}
                </p>
                {card.symbol ? <p className="login-card-symbol-name">{t('Jouw plaatje: {{name}}', { name: card.symbol.name })}</p> : null}
                <img
                  className="login-card-qr"
                  src={`data:image/svg+xml;utf8,${encodeURIComponent(card.qrSvg)}`}
                  alt={t('QR-code om in te checken als {{name}}', { name: card.displayName })}
                  width={120}
                  height={120}
                />
                <p className="login-card-code">
                  <span className="login-card-code-label">{t('Jouw code')}</span> <code>{card.code}</code>
                </p>
                <p className="login-card-how">{t('Ga naar {{address}}', { address: `${window.location.host}${PUPIL_PAGE_PATHS.ownDevice}` })}</p>
              </li>
            ))}
          </ul>
        )
      ) : null}
      <ConfirmDialog
        isOpen={isConfirming}
        title={t('Nieuwe inlogkaarten maken?')}
        message={<p>{t('De leerlingen van {{name}} krijgen een nieuwe code. Wie nog een oude kaart heeft, kan daarmee niet meer inchecken.', { name: className })}</p>}
        confirmLabel={t('Ja, nieuwe kaarten maken')}
        onConfirm={issue}
        onCancel={() => {
          setIsConfirming(false);
          setFailure(null);
        }}
        isDangerous
        error={failure}
      />
    </Page>
  );
}
