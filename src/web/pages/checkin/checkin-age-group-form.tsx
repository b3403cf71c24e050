import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AGE_GROUPS, type AgeGroup } from '../../../shared/checkin';
import { api, ApiError, apiPath } from '../../api/api-client';
import type { ClassCheckinSettings } from '../../api/checkin-types';
import { FormActions, SelectField } from '../../components/form-fields';
import { SuccessMessage } from '../../components/load-state';
import { ageGroupLabel } from './checkin-labels';

interface AgeGroupFormProps {
  schoolId: string;
  classId: string;
  /** The class's age group as the overview reported it; null when this person cannot read the overview. */
  current: AgeGroup | null;
  onSaved: () => void;
}

/** The class's age group: it decides the words (and for young pupils the pictures) on the pupils' screen. */
export function AgeGroupForm({ schoolId, classId, current, onSaved }: AgeGroupFormProps) {
  const { t } = useTranslation();
  const [ageGroup, setAgeGroup] = useState<string>(current ?? '');
  const [saved, setSaved] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  useEffect(() => {
    if (current) setAgeGroup(current);
  }, [current]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    setFailure(null);
    if (!isAgeGroup(ageGroup)) {
      setFailure(t('Kies een leeftijdsgroep.'));
      return;
    }
    setIsBusy(true);
    try {
      const body: ClassCheckinSettings = { ageGroup };
      await api.put<ClassCheckinSettings>(apiPath('/api/schools/:schoolId/classes/:classId/checkin/settings', { schoolId, classId }), body);
      setSaved(t('De leeftijdsgroep is opgeslagen.'));
      onSaved();
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : String(error));
    } finally {
      setIsBusy(false);
    }
  };

  const options = [...(current ? [] : [{ value: '', label: t('Kies…') }]), ...AGE_GROUPS.map((group) => ({ value: group, label: ageGroupLabel(t, group) }))];
  return (
    <section aria-labelledby="leeftijd-kop" className="card">
      <h2 id="leeftijd-kop">{t('Leeftijdsgroep van de klas')}</h2>
      <SuccessMessage message={saved} />
      {failure ? (
        <p className="notice notice-error" role="alert">
          {failure}
        </p>
      ) : null}
      <form onSubmit={(event) => void submit(event)} noValidate className="inline-form">
        <SelectField
          id="leeftijdsgroep"
          label={t('Leeftijdsgroep')}
          hint={t('Bepaalt welke woorden de leerlingen zien, en of er plaatjes bij staan.')}
          value={ageGroup}
          onChange={setAgeGroup}
          options={options}
        />
        <FormActions>
          <button type="submit" className="button" disabled={isBusy}>
            {t('Opslaan')}
          </button>
        </FormActions>
      </form>
    </section>
  );
}

function isAgeGroup(value: string): value is AgeGroup {
  return (AGE_GROUPS as readonly string[]).includes(value);
}
