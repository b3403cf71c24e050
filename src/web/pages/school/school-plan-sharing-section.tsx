import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UNTRAINED_AFTER_MONTHS_RANGE } from '../../../shared/plan';
import { api, ApiError, apiPath } from '../../api/api-client';
import type { SchoolSettings } from '../../api/selfscan-history-types';
import { useApiData } from '../../api/use-api-data';
import { ErrorSummary, FormActions } from '../../components/form-fields';
import { useFormErrors } from '../../components/form-errors';
import { LoadState, SuccessMessage } from '../../components/load-state';

type PlanSettings = Pick<SchoolSettings, 'sharesPlanWithTeam' | 'sharesPlanWithBoard' | 'untrainedAfterMonths'>;

const PREFIX = 'plan-instelling-';
const MONTHS_ID = `${PREFIX}untrainedAfterMonths`;

/** The implementation plan's settings (school admin, leadership): share with the team, share with the board, and N months. */
export function SchoolPlanSharingSection({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation();
  const path = apiPath('/api/schools/:schoolId/settings', { schoolId });
  const settings = useApiData<SchoolSettings>(path);
  const [withTeam, setWithTeam] = useState(false);
  const [withBoard, setWithBoard] = useState(false);
  const [months, setMonths] = useState('');
  const [isBusy, setIsBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [loadFailure, setLoadFailure] = useState<ApiError | null>(null);
  const { errors, check, fromError, clear } = useFormErrors(PREFIX);
  const stored = settings.data;
  useEffect(() => {
    if (!stored) return;
    setWithTeam(stored.sharesPlanWithTeam);
    setWithBoard(stored.sharesPlanWithBoard);
    setMonths(String(stored.untrainedAfterMonths));
  }, [stored]);

  const { min, max } = UNTRAINED_AFTER_MONTHS_RANGE;
  const monthsMessage = t('Vul een heel aantal maanden in van {{min}} tot en met {{max}}.', { min, max });
  const monthsLabel = t('Aantal maanden tot de training');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    setLoadFailure(null);
    if (!stored) return;
    const monthsValue = Number(months.trim());
    const isWholeInRange = /^\d+$/.test(months.trim()) && monthsValue >= min && monthsValue <= max;
    if (!check({ [MONTHS_ID]: !isWholeInRange && monthsMessage }, t('Niet alle velden zijn goed ingevuld.'))) return;
    // Only what changed is sent: the other settings of the school stay exactly as they are stored.
    const changes: Partial<PlanSettings> = {};
    if (withTeam !== stored.sharesPlanWithTeam) changes.sharesPlanWithTeam = withTeam;
    if (withBoard !== stored.sharesPlanWithBoard) changes.sharesPlanWithBoard = withBoard;
    if (monthsValue !== stored.untrainedAfterMonths) changes.untrainedAfterMonths = monthsValue;
    if (Object.keys(changes).length === 0) {
      clear();
      setSaved(t('Er was niets gewijzigd.'));
      return;
    }
    setIsBusy(true);
    try {
      const result = await api.put<SchoolSettings>(path, changes);
      settings.setData(result);
      clear();
      setSaved(t('De instellingen van het implementatieplan zijn opgeslagen.'));
    } catch (failure) {
      if (failure instanceof ApiError && failure.fieldNames.length === 0) setLoadFailure(failure);
      else fromError(failure, { untrainedAfterMonths: monthsMessage });
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <section aria-labelledby="plan-delen-kop" className="card">
      <h2 id="plan-delen-kop">{t('Implementatieplan en scholing')}</h2>
      <SuccessMessage message={saved} />
      <LoadState error={settings.error ?? loadFailure} isLoading={settings.isLoading && !settings.data} />
      {settings.data ? (
        <>
          <ErrorSummary errors={errors} labels={{ [MONTHS_ID]: monthsLabel }} />
          <form onSubmit={(event) => void submit(event)} noValidate>
            <div className="checkbox">
              <input id={`${PREFIX}team`} type="checkbox" checked={withTeam} onChange={(event) => setWithTeam(event.target.checked)} aria-describedby={`${PREFIX}team-hint`} />
              <label htmlFor={`${PREFIX}team`}>{t('Implementatieplan delen met het hele team')}</label>
              <p className="hint" id={`${PREFIX}team-hint`}>
                {t('Dan kan iedere collega de doelen, acties en fasen lezen; wijzigen blijft voor de directie, de kartrekkers en de werkgroep.')}
              </p>
            </div>
            <div className="checkbox">
              <input id={`${PREFIX}bestuur`} type="checkbox" checked={withBoard} onChange={(event) => setWithBoard(event.target.checked)} aria-describedby={`${PREFIX}bestuur-hint`} />
              <label htmlFor={`${PREFIX}bestuur`}>{t('Samenvatting van het plan delen met het bestuur')}</label>
              <p className="hint" id={`${PREFIX}bestuur-hint`}>
                {t('Het bestuur ziet dan alleen de fase, het aantal behaalde doelen, het aantal acties over de datum en welk deel van het team getraind is, zonder namen.')}
              </p>
            </div>
            <div className={errors.fields[MONTHS_ID] ? 'field field-invalid' : 'field'}>
              <label htmlFor={MONTHS_ID}>{monthsLabel}</label>
              <p className="hint" id={`${MONTHS_ID}-hint`}>
                {t('Wie langer dan dit aantal maanden in het team zit zonder de volledige training, staat in het scholingsregister bij de mensen die nog getraind moeten worden.')}
              </p>
              {errors.fields[MONTHS_ID] ? (
                <p className="field-error" id={`${MONTHS_ID}-error`}>
                  {errors.fields[MONTHS_ID]}
                </p>
              ) : null}
              <input
                id={MONTHS_ID}
                className="months-input"
                type="number"
                inputMode="numeric"
                min={min}
                max={max}
                step={1}
                value={months}
                onChange={(event) => setMonths(event.target.value)}
                aria-describedby={errors.fields[MONTHS_ID] ? `${MONTHS_ID}-hint ${MONTHS_ID}-error` : `${MONTHS_ID}-hint`}
                aria-invalid={errors.fields[MONTHS_ID] ? true : undefined}
                required
              />
            </div>
            <FormActions>
              <button type="submit" className="button" disabled={isBusy}>
                {t('Instellingen plan opslaan')}
              </button>
            </FormActions>
          </form>
        </>
      ) : null}
    </section>
  );
}
