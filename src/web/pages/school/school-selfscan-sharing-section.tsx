import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, apiPath } from '../../api/api-client';
import type { SchoolSettings } from '../../api/selfscan-history-types';
import { useApiData } from '../../api/use-api-data';
import { FormActions } from '../../components/form-fields';
import { LoadState, SuccessMessage } from '../../components/load-state';

/** The school's choice to share its agreed self-scan phases with the board, for the school admin and leadership. */
export function SchoolSelfscanSharingSection({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation();
  const settings = useApiData<SchoolSettings>(apiPath('/api/schools/:schoolId/settings', { schoolId }));
  const [isSharing, setIsSharing] = useState(false);
  const [isSharingEffect, setIsSharingEffect] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const stored = settings.data?.sharesSelfscanWithBoard;
  const storedEffect = settings.data?.sharesEffectWithBoard;
  useEffect(() => {
    if (stored !== undefined) setIsSharing(stored);
  }, [stored]);
  useEffect(() => {
    if (storedEffect !== undefined) setIsSharingEffect(storedEffect);
  }, [storedEffect]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setIsBusy(true);
    setSaved(null);
    setFailure(null);
    try {
      const result = await api.put<SchoolSettings>(apiPath('/api/schools/:schoolId/settings', { schoolId }), { sharesSelfscanWithBoard: isSharing, sharesEffectWithBoard: isSharingEffect });
      settings.setData(result);
      setSaved(
        [
          result.sharesSelfscanWithBoard ? t('Het bestuur ziet nu de vastgestelde groeifasen van de school.') : t('Het bestuur ziet de zelfscan van de school niet meer.'),
          result.sharesEffectWithBoard ? t('De effectmeting telt mee in het overzicht van het bestuur.') : t('De effectmeting blijft binnen de school.'),
        ].join(' '),
      );
    } catch (error) {
      setFailure(error instanceof ApiError ? error : new ApiError(0, 'internal_error', String(error)));
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <section aria-labelledby="delen-bestuur-kop" className="card">
      <h2 id="delen-bestuur-kop">{t('Delen met het bestuur')}</h2>
      <SuccessMessage message={saved} />
      <LoadState error={settings.error ?? failure} isLoading={settings.isLoading && !settings.data} />
      {settings.data ? (
        <form onSubmit={(event) => void submit(event)} noValidate>
          <div className="checkbox">
            <input id="deel-zelfscan" type="checkbox" checked={isSharing} onChange={(event) => setIsSharing(event.target.checked)} aria-describedby="deel-zelfscan-hint" />
            <label htmlFor="deel-zelfscan">{t('Zelfscan-uitkomsten delen met het bestuur')}</label>
            <p className="hint" id="deel-zelfscan-hint">
              {t('Het bestuur ziet dan per accent alleen de groeifase die het team samen heeft vastgesteld in de laatste ronde, met de naam en datum van die ronde. Losse antwoorden, medianen, toelichtingen en onderbouwingen blijven binnen de school. Je kunt dit altijd weer uitzetten.')}
            </p>
          </div>
          <div className="checkbox">
            <input id="deel-effect" type="checkbox" checked={isSharingEffect} onChange={(event) => setIsSharingEffect(event.target.checked)} aria-describedby="deel-effect-hint" />
            <label htmlFor="deel-effect">{t('Effectmeting delen met het bestuur')}</label>
            <p className="hint" id="deel-effect-hint">
              {t('Het bestuur ziet dan de schattingen van het groeimodel over alle scholen die delen samen, en dat deze school meetelt. Gemiddelden van de school en losse antwoorden blijven binnen de school.')}
            </p>
          </div>
          <FormActions>
            <button type="submit" className="button" disabled={isBusy}>
              {t('Keuze opslaan')}
            </button>
          </FormActions>
        </form>
      ) : null}
    </section>
  );
}
