import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, apiPath } from '../../api/api-client';
import type { StaffMember } from '../../api/api-types';
import { Dialog } from '../../components/confirm-dialog';
import { ErrorSummary, FormActions, TextField } from '../../components/form-fields';
import { useFormErrors } from '../../components/form-errors';
import { useFormat } from '../../i18n/format';

interface StartDateDialogProps {
  schoolId: string;
  member: StaffMember | null;
  onClose: () => void;
  onSaved: (member: StaffMember) => void;
}

/**
 * Changing the day a colleague started at the school. Empty means: count from the day their role was given
 * (shown as the fallback). The training register counts "new staff" from this date.
 */
export function StartDateDialog({ schoolId, member, onClose, onSaved }: StartDateDialogProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [startedOn, setStartedOn] = useState('');
  const [shownFor, setShownFor] = useState<string | null>(null);
  const { errors, fromError, clear } = useFormErrors('startdatum-');
  if (member && shownFor !== member.userId) {
    setShownFor(member.userId);
    setStartedOn(member.startedOn ?? '');
    clear();
  }
  if (!member && shownFor !== null) setShownFor(null);
  const name = member ? member.name || member.email : '';

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!member) return;
    try {
      const saved = await api.put<StaffMember>(apiPath('/api/schools/:schoolId/staff/:userId/start-date', { schoolId, userId: member.userId }), {
        startedOn: startedOn === '' ? null : startedOn,
      });
      onSaved(saved);
    } catch (failure) {
      fromError(failure, { startedOn: t('Vul een geldige datum in.') });
    }
  };

  return (
    <Dialog isOpen={member !== null} title={t('Startdatum van {{name}}', { name })} onClose={onClose}>
      <ErrorSummary errors={errors} labels={{ 'startdatum-startedOn': t('In dienst sinds') }} />
      <form onSubmit={(event) => void save(event)} noValidate>
        <TextField
          id="startdatum-startedOn"
          type="date"
          label={t('In dienst sinds')}
          value={startedOn}
          onChange={setStartedOn}
          error={errors.fields['startdatum-startedOn']}
          hint={t('De scholing telt iemand als nieuwe collega vanaf deze datum. Leeg laten: vanaf {{date}}, de dag dat de rol in Groeiwijzer werd gegeven.', {
            date: format.date(member?.joinedOn),
          })}
        />
        <FormActions>
          <button type="submit" className="button">
            {t('Opslaan')}
          </button>
          <button type="button" className="button button-secondary" onClick={onClose}>
            {t('Annuleren')}
          </button>
        </FormActions>
      </form>
    </Dialog>
  );
}
