import { useTranslation } from 'react-i18next';
import { apiPath } from '../../api/api-client';

/**
 * The care team's downloads of everything about one pupil, for a request of access by the pupil or the parents
 * (AVG art. 15): a PDF to hand over and the same as JSON. Each download is in the audit log.
 */
export function CareExportLinks({ schoolId, pupilId }: { schoolId: string; pupilId: string }) {
  const { t, i18n } = useTranslation();
  const params = { schoolId, pupilId };
  return (
    <section aria-labelledby="inzage-kop">
      <h2 id="inzage-kop">{t('Inzageverzoek')}</h2>
      <p className="muted">
        {t('Vragen de leerling of de ouders wat de school over de leerling bewaart? Download dan alles in één keer. Zaken volgens de meldcode staan er niet in: daarover beslist de aandachtsfunctionaris.')}
      </p>
      <p className="action-buttons">
        <a className="button button-secondary" href={apiPath('/api/schools/:schoolId/pupils/:pupilId/care/export.pdf', params, { lang: i18n.language === 'en' ? 'en' : 'nl' })} download>
          {t('Alles over deze leerling (PDF)')}
        </a>
        <a className="button button-secondary" href={apiPath('/api/schools/:schoolId/pupils/:pupilId/care/export.json', params)} download>
          {t('Hetzelfde als JSON')}
        </a>
      </p>
    </section>
  );
}
