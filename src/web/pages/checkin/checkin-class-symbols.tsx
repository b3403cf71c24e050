import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isPupilSymbolKey } from '../../../shared/checkin-symbols';
import { api, apiPath } from '../../api/api-client';
import type { ClassSymbols, PupilSymbolChoice, SetPupilSymbolRequest } from '../../api/checkin-types';
import { useApiData } from '../../api/use-api-data';
import { useRefusalWords } from '../../components/form-errors';
import { LoadState, SuccessMessage } from '../../components/load-state';
import { TableWrap } from '../../components/table-wrap';

/**
 * The pictures next to the names on the class device: young pupils choose one the first time they tap their name;
 * here the teacher sets or changes it (a pupil cannot change it on the shared device), or clears it so the pupil
 * chooses again. The picture is printed on the login card too.
 */
export function ClassSymbolsSection({ schoolId, classId, className }: { schoolId: string; classId: string; className: string }) {
  const { t } = useTranslation();
  const refusal = useRefusalWords();
  const symbols = useApiData<ClassSymbols>(apiPath('/api/schools/:schoolId/classes/:classId/checkin/symbols', { schoolId, classId }));
  const [saved, setSaved] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const caption = t('Plaatjes van de leerlingen van {{name}}', { name: className });

  const change = async (pupilId: string, displayName: string, value: string) => {
    setSaved(null);
    setFailure(null);
    const body: SetPupilSymbolRequest = { symbol: isPupilSymbolKey(value) ? value : null };
    try {
      const stored = await api.put<PupilSymbolChoice>(apiPath('/api/schools/:schoolId/classes/:classId/checkin/symbols/:pupilId', { schoolId, classId, pupilId }), body);
      if (symbols.data) symbols.setData({ ...symbols.data, pupils: symbols.data.pupils.map((pupil) => (pupil.pupilId === pupilId ? { ...pupil, symbol: stored.symbol } : pupil)) });
      setSaved(stored.symbol === null ? t('{{name}} kiest zelf een plaatje bij de volgende check-in op het klasapparaat.', { name: displayName }) : t('Het plaatje van {{name}} is opgeslagen.', { name: displayName }));
    } catch (error) {
      setFailure(refusal.failure(error));
    }
  };

  return (
    <section aria-labelledby="plaatjes-kop" className="card">
      <h2 id="plaatjes-kop">{t('Plaatjes bij de namen')}</h2>
      <p className="hint">
        {t('Jonge leerlingen vinden hun naam op het klasapparaat aan een plaatje. Ze kiezen het zelf de eerste keer dat ze hun naam aantikken (bij leeftijdsgroep jong); hier kun je het kiezen of veranderen. Het plaatje staat ook op de inlogkaart.')}
      </p>
      <SuccessMessage message={saved} />
      {failure ? (
        <p className="notice notice-error" role="alert">
          {failure}
        </p>
      ) : null}
      <LoadState error={symbols.error} isLoading={symbols.isLoading && !symbols.data} />
      {symbols.data ? (
        symbols.data.pupils.length === 0 ? (
          <p>{t('Deze klas heeft nog geen leerlingen.')}</p>
        ) : (
          <details className="checkin-symbols">
            <summary>{t('Plaatjes bekijken of veranderen')}</summary>
            <TableWrap label={caption}>
              <table>
                <caption className="visually-hidden">{caption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('Leerling')}</th>
                    <th scope="col">{t('Plaatje')}</th>
                  </tr>
                </thead>
                <tbody>
                  {symbols.data.pupils.map((pupil) => (
                    <tr key={pupil.pupilId}>
                      <th scope="row">{pupil.displayName}</th>
                      <td>
                        <select
                          aria-label={t('Plaatje van {{name}}', { name: pupil.displayName })}
                          value={pupil.symbol ?? ''}
                          onChange={(event) => void change(pupil.pupilId, pupil.displayName, event.target.value)}
                        >
                          <option value="">{t('Nog geen (de leerling kiest zelf)')}</option>
                          {symbols.data?.symbols.map((symbol) => (
                            <option key={symbol.key} value={symbol.key}>
                              {`${symbol.emoji} ${symbol.name}`}
                            </option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          </details>
        )
      ) : null}
    </section>
  );
}
