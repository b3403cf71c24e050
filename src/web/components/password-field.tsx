import { useTranslation } from 'react-i18next';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../shared/limits';
import { TextField } from './form-fields';

/** A password input with the length rule spelled out. */
export function PasswordField({ id, label, value, onChange, error }: { id: string; label: string; value: string; onChange: (value: string) => void; error?: string | undefined }) {
  const { t } = useTranslation();
  return (
    <TextField
      id={id}
      type="password"
      label={label}
      value={value}
      onChange={onChange}
      error={error}
      required
      autoComplete="new-password"
      maxLength={PASSWORD_MAX_LENGTH}
      hint={t('Minstens {{min}} en hoogstens {{max}} tekens, en geen wachtwoord dat veel gebruikt wordt of ooit is uitgelekt. Verder geen eisen: een zin van een paar woorden is sterk en goed te onthouden.', {
        min: PASSWORD_MIN_LENGTH,
        max: PASSWORD_MAX_LENGTH,
      })}
    />
  );
}
