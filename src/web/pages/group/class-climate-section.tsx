import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CLIMATE_NOTE_MAX_LENGTH, CLIMATE_RATING_WORDS, CLIMATE_RATINGS, type ClimateRating as ClimateStep } from '../../../shared/class-group';
import { schoolDateOf } from '../../../shared/school-time';
import { api } from '../../api/api-client';
import type { AddClimateRatingBody, ClassGroup, ClimateRating } from '../../api/group-types';
import { useFormErrors, useRefusalWords } from '../../components/form-errors';
import { ErrorSummary, FormActions, TextAreaField, TextField } from '../../components/form-fields';
import { ErrorMessage, SuccessMessage } from '../../components/load-state';
import { TableWrap } from '../../components/table-wrap';
import { useFormat } from '../../i18n/format';
import { useModelText } from '../selfscan/selfscan-model';
import { ClassClimateChart } from './class-climate-chart';

const PREFIX = 'klimaat-';
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** The class climate: the teacher's quick rating in four steps with a short note, and the ratings of the school year. */
export function ClassClimateSection({ base, group, onChanged }: { base: string; group: ClassGroup; onChanged: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const text = useModelText();
  const refusal = useRefusalWords();
  const [saved, setSaved] = useState<string | null>(null);
  const [undoError, setUndoError] = useState<string | null>(null);
  // A new form after each save, so it starts empty again.
  const [formKey, setFormKey] = useState(0);
  const afterChange = (message: string) => {
    setSaved(message);
    setFormKey((key) => key + 1);
    onChanged();
  };
  const undo = async (rating: ClimateRating) => {
    setUndoError(null);
    try {
      await api.delete(`${base}/climate/${rating.id}`);
      afterChange(t('Je inschatting van {{date}} is ongedaan gemaakt.', { date: format.date(rating.ratedOn) }));
    } catch (failure) {
      setUndoError(refusal.failure(failure));
    }
  };
  const caption = t('Inschattingen van het klassenklimaat in {{schoolYear}}', { schoolYear: group.class.schoolYear });

  return (
    <section aria-labelledby="klimaat-kop">
      <h2 id="klimaat-kop">{t('Klassenklimaat')}</h2>
      <p className="muted">{t('Hoe is de sfeer in de klas? Schat het zo vaak in als je wilt, bijvoorbeeld elke week. De leerkrachten van de klas en het zorgteam lezen de inschattingen en notities.')}</p>
      <SuccessMessage message={saved} />
      <ClimateForm key={formKey} base={base} schoolYear={group.class.schoolYear} onSaved={afterChange} />
      <h3>{t('Eerdere inschattingen')}</h3>
      <ErrorMessage message={undoError} />
      {group.climate.length === 0 ? (
        <p className="notice">{t('Nog geen inschattingen dit schooljaar.')}</p>
      ) : (
        <>
          {group.climate.length >= 2 ? <ClassClimateChart ratings={group.climate} /> : null}
          <TableWrap label={caption}>
            <table>
              <caption>{caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('Datum')}</th>
                  <th scope="col">{t('Klimaat')}</th>
                  <th scope="col">{t('Notitie')}</th>
                  <th scope="col">{t('Door')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('Ongedaan maken')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {group.climate.map((rating) => (
                  <tr key={rating.id}>
                    <th scope="row">
                      <time dateTime={rating.ratedOn}>{format.date(rating.ratedOn)}</time>
                    </th>
                    <td>
                      {rating.rating} – {text(CLIMATE_RATING_WORDS[rating.rating as ClimateStep] ?? { nl: '', en: '' })}
                    </td>
                    <td>{rating.note ? <span className="care-text">{rating.note}</span> : <span className="muted">{t('geen notitie')}</span>}</td>
                    <td>{rating.ratedBy ?? t('een oud-collega')}</td>
                    <td>
                      {rating.isOwn ? (
                        <button
                          type="button"
                          className="button button-small button-secondary"
                          onClick={() => void undo(rating)}
                          aria-label={t('Inschatting van {{date}} ongedaan maken', { date: format.date(rating.ratedOn) })}
                        >
                          {t('Ongedaan maken')}
                        </button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </>
      )}
    </section>
  );
}

function ClimateForm({ base, schoolYear, onSaved }: { base: string; schoolYear: string; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const text = useModelText();
  const { errors, check, fromError } = useFormErrors(PREFIX);
  const [rating, setRating] = useState<ClimateStep | null>(null);
  const [ratedOn, setRatedOn] = useState(schoolDateOf(new Date()));
  const [note, setNote] = useState('');
  const [isBusy, setIsBusy] = useState(false);
  const labels = { [`${PREFIX}rating`]: t('Klimaat'), [`${PREFIX}ratedOn`]: t('Datum'), [`${PREFIX}note`]: t('Notitie') };
  const messages = {
    rating: t('Kies een van de vier stappen.'),
    ratedOn: t('Kies een dag in het schooljaar {{schoolYear}}: vandaag of eerder.', { schoolYear }),
    note: t('Een notitie is hooguit {{max}} tekens.', { max: CLIMATE_NOTE_MAX_LENGTH }),
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const isValid = check(
      {
        [`${PREFIX}rating`]: rating === null && messages.rating,
        [`${PREFIX}ratedOn`]: (!DATE_PATTERN.test(ratedOn) || ratedOn > schoolDateOf(new Date())) && messages.ratedOn,
      },
      t('Niet alle velden zijn goed ingevuld.'),
    );
    if (!isValid || rating === null) return;
    const body: AddClimateRatingBody = { rating, ratedOn, note };
    setIsBusy(true);
    try {
      await api.post(`${base}/climate`, body);
      onSaved(t('Je inschatting is opgeslagen.'));
    } catch (failure) {
      fromError(failure, messages, t('Kijk dit veld na.'));
      setIsBusy(false);
    }
  };

  const ratingError = errors.fields[`${PREFIX}rating`];
  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="card">
      <h3>{t('Klimaat inschatten')}</h3>
      <ErrorSummary errors={errors} labels={labels} />
      <fieldset className={ratingError ? 'field field-invalid' : 'field'} id={`${PREFIX}rating`} aria-describedby={ratingError ? `${PREFIX}rating-error` : undefined}>
        <legend>{t('Hoe is het klimaat in de klas?')}</legend>
        {ratingError ? (
          <p className="field-error" id={`${PREFIX}rating-error`}>
            {ratingError}
          </p>
        ) : null}
        {CLIMATE_RATINGS.map((step) => (
          <div className="radio" key={step}>
            <input type="radio" id={`${PREFIX}rating-${step}`} name={`${PREFIX}rating`} checked={rating === step} onChange={() => setRating(step)} />
            <label htmlFor={`${PREFIX}rating-${step}`}>
              {step} – {text(CLIMATE_RATING_WORDS[step])}
            </label>
          </div>
        ))}
      </fieldset>
      <TextField id={`${PREFIX}ratedOn`} type="date" label={t('Datum')} value={ratedOn} onChange={setRatedOn} error={errors.fields[`${PREFIX}ratedOn`]} required />
      <TextAreaField
        id={`${PREFIX}note`}
        label={t('Notitie (mag leeg blijven)')}
        hint={t('Kort: wat zie je, wat helpt? De leerkrachten van de klas en het zorgteam lezen mee.')}
        value={note}
        onChange={setNote}
        error={errors.fields[`${PREFIX}note`]}
        maxLength={CLIMATE_NOTE_MAX_LENGTH}
        rows={3}
      />
      <FormActions>
        <button type="submit" className="button" disabled={isBusy}>
          {t('Inschatting opslaan')}
        </button>
      </FormActions>
    </form>
  );
}
