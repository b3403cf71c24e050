import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { apiPath } from '../../api/api-client';
import type { DevelopmentModel, RoundSummary } from '../../api/api-types';
import type { Placement, SelfscanShift } from '../../api/selfscan-history-types';
import { useApiData } from '../../api/use-api-data';
import { SelectField } from '../../components/form-fields';
import { LoadState } from '../../components/load-state';
import { TableWrap } from '../../components/table-wrap';
import { useFormat } from '../../i18n/format';
import { phaseKey, placedAspectsOf, tooFewAnswersText, useModelText } from './selfscan-model';

/** A round counts as earlier when it opened before this one (on the same day: when it was created before it). */
function isEarlier(candidate: RoundSummary, round: RoundSummary): boolean {
  if (candidate.opensOn !== round.opensOn) return candidate.opensOn < round.opensOn;
  return candidate.createdAt < round.createdAt;
}

/** The shift as words: an arrow for the eye, and always the text, so colour or shape never carry it alone. */
export function shiftText(t: TFunction, difference: number, formatDecimal: (value: number, digits?: number) => string): { arrow: string; text: string } {
  const size = Math.abs(difference);
  const value = formatDecimal(size, 1);
  if (difference === 0) return { arrow: '→', text: t('gelijk gebleven') };
  if (difference > 0) return { arrow: '↑', text: size <= 1 ? t('+{{value}} groeifase', { value }) : t('+{{value}} groeifasen', { value }) };
  return { arrow: '↓', text: size <= 1 ? t('−{{value}} groeifase', { value }) : t('−{{value}} groeifasen', { value }) };
}

/** Compares the round with an earlier round of the same model: per aspect the placement then and now, and the shift. */
export function SelfscanShiftSection({ schoolId, round, model }: { schoolId: string; round: RoundSummary; model: DevelopmentModel }) {
  const { t } = useTranslation();
  const format = useFormat();
  const modelText = useModelText();
  const { data: rounds } = useApiData<RoundSummary[]>(apiPath('/api/schools/:schoolId/selfscan/rounds', { schoolId }));
  const [chosen, setChosen] = useState('');
  // canSeeResults: the round is closed and the reader may see its results.
  const earlier = (rounds ?? []).filter(
    (candidate) => candidate.id !== round.id && candidate.model.key === round.model.key && candidate.canSeeResults && isEarlier(candidate, round),
  );
  // The most recent earlier round is the usual comparison, so it is chosen until the reader picks another.
  const againstId = chosen || earlier[0]?.id || '';
  const shift = useApiData<SelfscanShift>(againstId ? apiPath('/api/schools/:schoolId/selfscan/rounds/:roundId/shift', { schoolId, roundId: round.id }, { against: againstId }) : null);

  const placementText = (placement: Placement) => {
    if (placement.basis === 'hidden') return tooFewAnswersText(t, shift.data?.minGroupSize ?? 0);
    if (placement.basis === 'consensus') return t('{{phase}} (vastgesteld)', { phase: modelText(model.phases[phaseKey(placement.value)]) });
    return t('mediaan {{value}}', { value: format.decimal(placement.value, 1) });
  };

  if (!rounds) return null;
  const caption = t('Verschuiving per accent');
  return (
    <section aria-labelledby="verschuiving-kop">
      <h2 className="results-section-title" id="verschuiving-kop">
        {t('Vergelijken met een eerdere ronde')}
      </h2>
      {earlier.length === 0 ? (
        <p className="notice">{t('Er is nog geen eerdere ronde met dit model om mee te vergelijken.')}</p>
      ) : (
        <>
          <SelectField
            id="vergelijk-ronde"
            label={t('Vergelijk met')}
            hint={t('Waar een groeifase is vastgesteld telt die; anders de mediaan van het team.')}
            value={againstId}
            onChange={setChosen}
            options={earlier.map((candidate) => ({ value: candidate.id, label: `${candidate.name} (${format.date(candidate.opensOn)})` }))}
          />
          <LoadState error={shift.error} isLoading={shift.isLoading && !shift.data} />
          {shift.data && shift.data.against.id === againstId ? (
            <TableWrap label={caption}>
              <table className="shift-table">
                <caption>{caption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('Accent')}</th>
                    <th scope="col">{shift.data.against.name}</th>
                    <th scope="col">{shift.data.round.name}</th>
                    <th scope="col">{t('Verschuiving')}</th>
                  </tr>
                </thead>
                <tbody>
                  {placedAspectsOf(model).map(({ aspect }) => {
                    const row = shift.data?.aspects.find((entry) => entry.aspectId === aspect.id);
                    if (!row) return null;
                    const change = row.difference === null ? null : shiftText(t, row.difference, format.decimal);
                    return (
                      <tr key={aspect.id}>
                        <th scope="row">{modelText(aspect.name)}</th>
                        <td>{placementText(row.earlier)}</td>
                        <td>{placementText(row.current)}</td>
                        <td>
                          {change ? (
                            <>
                              <span aria-hidden="true" className="shift-arrow">
                                {change.arrow}
                              </span>{' '}
                              {change.text}
                            </>
                          ) : (
                            t('niet te vergelijken')
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TableWrap>
          ) : null}
        </>
      )}
    </section>
  );
}
