import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, apiPath } from '../../api/api-client';
import type { ClassKiosk, ClassKiosks, KiosksClosed } from '../../api/checkin-types';
import { useApiData } from '../../api/use-api-data';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { LoadState, SuccessMessage } from '../../components/load-state';
import { TableWrap } from '../../components/table-wrap';
import { useFormat } from '../../i18n/format';

/**
 * The class devices open for a class: when each was opened, by whom and until when. Staff who manage the class
 * close one (a device left behind, a stolen tablet) or all of them after confirming; the devices stop at once.
 */
export function ClassKioskList({ schoolId, classId, className }: { schoolId: string; classId: string; className: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const kiosksPath = apiPath('/api/schools/:schoolId/classes/:classId/checkin/kiosks', { schoolId, classId });
  const kiosks = useApiData<ClassKiosks>(kiosksPath);
  const [closing, setClosing] = useState<ClassKiosk | 'all' | null>(null);
  const [closeError, setCloseError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const heading = t('Open klasapparaten');
  // The section is a landmark named by its heading; the scrolling table box needs a name of its own.
  const caption = t('Klasapparaten die nu open staan voor {{name}}', { name: className });
  const open = kiosks.data?.kiosks ?? [];
  const describe = (kiosk: ClassKiosk) => t('{{name}}, {{openedAt}}', { name: kiosk.openedBy.name, openedAt: format.dateTime(kiosk.openedAt) });

  const close = async () => {
    if (closing === null) return;
    try {
      if (closing === 'all') {
        const { closed } = await api.delete<KiosksClosed>(kiosksPath);
        setSaved(t('Klasapparaten gesloten: {{number}}.', { number: format.number(closed) }));
      } else {
        await api.delete(apiPath('/api/schools/:schoolId/classes/:classId/checkin/kiosks/:kioskId', { schoolId, classId, kioskId: closing.id }));
        setSaved(t('Het klasapparaat dat {{name}} op {{openedAt}} opende is gesloten.', { name: closing.openedBy.name, openedAt: format.dateTime(closing.openedAt) }));
      }
      setClosing(null);
      setCloseError(null);
      kiosks.reload();
    } catch (failure) {
      setCloseError(failure instanceof ApiError ? failure.message : String(failure));
    }
  };

  return (
    <section aria-labelledby="klasapparaten-kop" className="card">
      <h2 id="klasapparaten-kop">{heading}</h2>
      <SuccessMessage message={saved} />
      <LoadState error={kiosks.error} isLoading={kiosks.isLoading && !kiosks.data} />
      {kiosks.data ? (
        open.length === 0 ? (
          <p>{t('Er staat nu geen klasapparaat open voor {{name}}.', { name: className })}</p>
        ) : (
          <>
            <TableWrap label={caption}>
              <table>
                <caption className="visually-hidden">{caption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('Geopend door')}</th>
                    <th scope="col">{t('Geopend op')}</th>
                    <th scope="col">{t('Open tot')}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t('Acties')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {open.map((kiosk) => (
                    <tr key={kiosk.id}>
                      <th scope="row">{kiosk.openedBy.name}</th>
                      <td>
                        <time dateTime={kiosk.openedAt}>{format.dateTime(kiosk.openedAt)}</time>
                      </td>
                      <td>
                        <time dateTime={kiosk.expiresAt}>{format.dateTime(kiosk.expiresAt)}</time>
                      </td>
                      <td className="actions">
                        <button type="button" className="button button-danger-quiet button-small" onClick={() => setClosing(kiosk)}>
                          {t('Sluiten')}
                          <span className="visually-hidden"> {describe(kiosk)}</span>
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
            {open.length > 1 ? (
              <button type="button" className="button button-secondary" onClick={() => setClosing('all')}>
                {t('Alle klasapparaten sluiten')}
              </button>
            ) : null}
          </>
        )
      ) : null}
      <ConfirmDialog
        isOpen={closing !== null}
        title={closing === 'all' ? t('Alle klasapparaten van {{name}} sluiten?', { name: className }) : t('Klasapparaat sluiten?')}
        message={
          <p>
            {closing === 'all'
              ? t('Op {{number}} apparaten stopt de check-in meteen. Wil de klas er weer inchecken, open de check-in dan opnieuw op een apparaat.', { number: format.number(open.length) })
              : t('Op het apparaat dat {{name}} op {{openedAt}} opende stopt de check-in meteen. Wil de klas er weer inchecken, open de check-in dan opnieuw op dat apparaat.', {
                  name: closing?.openedBy.name ?? '',
                  openedAt: closing === null ? '' : format.dateTime(closing.openedAt),
                })}
          </p>
        }
        confirmLabel={closing === 'all' ? t('Alle sluiten') : t('Sluiten')}
        onConfirm={close}
        onCancel={() => {
          setClosing(null);
          setCloseError(null);
        }}
        isDangerous
        error={closeError}
      />
    </section>
  );
}
