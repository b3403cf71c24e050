import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, apiPath } from '../../api/api-client';
import type { CheckinSharingSettings } from '../../api/checkin-types';
import { useApiData } from '../../api/use-api-data';
import { FormActions } from '../../components/form-fields';
import { LoadState, SuccessMessage } from '../../components/load-state';

/** The school's choice to share its anonymous per-class check-in figures with the board (school admin, leadership). */
export function CheckinSharingSection({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation();
  const path = apiPath('/api/schools/:schoolId/settings', { schoolId });
  const settings = useApiData<CheckinSharingSettings>(path);
  const [isSharing, setIsSharing] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const stored = settings.data?.sharesCheckinWithBoard;
  useEffect(() => {
    if (stored !== undefined) setIsSharing(stored);
  }, [stored]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setIsBusy(true);
    setSaved(null);
    setFailure(null);
    try {
      // Only this setting is sent: the self-scan choice beside it stays as it is stored.
      const result = await api.put<CheckinSharingSettings>(path, { sharesCheckinWithBoard: isSharing });
      settings.setData(result);
      setSaved(result.sharesCheckinWithBoard ? t('Het bestuur ziet nu de anonieme check-incijfers van de school.') : t('Het bestuur ziet de check-incijfers van de school niet meer.'));
    } catch (error) {
      setFailure(error instanceof ApiError ? error : new ApiError(0, 'internal_error', String(error)));
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <section aria-labelledby="delen-checkin-kop" className="card">
      <h2 id="delen-checkin-kop">{t('Check-incijfers delen met het bestuur')}</h2>
      <SuccessMessage message={saved} />
      <LoadState error={settings.error ?? failure} isLoading={settings.isLoading && !settings.data} />
      {settings.data ? (
        <form onSubmit={(event) => void submit(event)} noValidate>
          <div className="checkbox">
            <input id="deel-checkin" type="checkbox" checked={isSharing} onChange={(event) => setIsSharing(event.target.checked)} aria-describedby="deel-checkin-hint" />
            <label htmlFor="deel-checkin">{t('Anonieme check-incijfers delen met het bestuur')}</label>
            <p className="hint" id="deel-checkin-hint">
              {t('Het bestuur ziet dan per klas alleen welk deel van de leerlingen in het raampje zat, per dag of week, en alleen voor klassen waar genoeg leerlingen incheckten. Namen, losse check-ins, woorden, signalen en notities blijven binnen de school. Je kunt dit altijd weer uitzetten.')}
            </p>
          </div>
          <FormActions>
            <button type="submit" className="button" disabled={isBusy}>
              {t('Keuze over check-in opslaan')}
            </button>
          </FormActions>
        </form>
      ) : null}
    </section>
  );
}
