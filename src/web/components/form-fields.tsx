import { type ChangeEvent, type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { type FormErrors, summaryTitle } from './form-errors';

function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const list = ids.filter(Boolean).join(' ');
  return list === '' ? undefined : list;
}

/** The ids a field's hint and error get (null when it has none), for its input's aria-describedby. */
function fieldTextIds(id: string, hint: string | undefined, error: string | undefined): { hintId: string | null; errorId: string | null } {
  return { hintId: hint ? `${id}-hint` : null, errorId: error ? `${id}-error` : null };
}

/** A field's label, hint and error, in that order above its input. */
function FieldTexts({ id, label, hint, error }: { id: string; label: string; hint?: string | undefined; error?: string | undefined }) {
  const { hintId, errorId } = fieldTextIds(id, hint, error);
  return (
    <>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={hintId ?? undefined}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={errorId ?? undefined}>
          {error}
        </p>
      ) : null}
    </>
  );
}

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'password' | 'date' | 'url' | 'time';
  hint?: string;
  error?: string | undefined;
  autoComplete?: string;
  required?: boolean;
  maxLength?: number;
  /** The id of a <datalist> of suggestions; typing something else stays possible. */
  list?: string | undefined;
}

/** A labelled text input with its hint and error tied to it by aria-describedby. */
export function TextField({ id, label, value, onChange, type = 'text', hint, error, autoComplete, required, maxLength, list }: TextFieldProps) {
  const { hintId, errorId } = fieldTextIds(id, hint, error);
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <FieldTexts id={id} label={label} hint={hint} error={error} />
      <input
        id={id}
        name={id}
        type={type}
        value={value}
        onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
        aria-describedby={describedBy(hintId, errorId)}
        aria-invalid={error ? true : undefined}
        autoComplete={autoComplete}
        required={required}
        maxLength={maxLength}
        list={list}
        spellCheck={type === 'text' ? undefined : false}
      />
    </div>
  );
}

interface TextAreaFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  error?: string | undefined;
  rows?: number;
  maxLength?: number;
}

/** A labelled text area (paragraphs allowed) with its hint and error tied to it. */
export function TextAreaField({ id, label, value, onChange, hint, error, rows = 3, maxLength }: TextAreaFieldProps) {
  const { hintId, errorId } = fieldTextIds(id, hint, error);
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <FieldTexts id={id} label={label} hint={hint} error={error} />
      <textarea
        id={id}
        name={id}
        rows={rows}
        value={value}
        maxLength={maxLength}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={describedBy(hintId, errorId)}
        aria-invalid={error ? true : undefined}
      />
    </div>
  );
}

interface SelectFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
  hint?: string;
  error?: string | undefined;
  required?: boolean;
  disabled?: boolean;
}

/** A labelled select with its hint and error tied to it. */
export function SelectField({ id, label, value, onChange, options, hint, error, required, disabled }: SelectFieldProps) {
  const { hintId, errorId } = fieldTextIds(id, hint, error);
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <FieldTexts id={id} label={label} hint={hint} error={error} />
      <select
        id={id}
        name={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={describedBy(hintId, errorId)}
        aria-invalid={error ? true : undefined}
        required={required}
        disabled={disabled}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

interface CheckboxGroupProps<T extends string> {
  id: string;
  legend: string;
  options: { value: T; label: string; hint?: string }[];
  selected: readonly T[];
  onChange: (selected: T[]) => void;
  hint?: string;
  error?: string | undefined;
}

/** A fieldset of checkboxes; the legend names the group for screen readers. */
export function CheckboxGroup<T extends string>({ id, legend, options, selected, onChange, hint, error }: CheckboxGroupProps<T>) {
  const hintId = hint ? `${id}-hint` : null;
  const errorId = error ? `${id}-error` : null;
  const toggle = (value: T, isChecked: boolean) => {
    onChange(isChecked ? [...selected.filter((item) => item !== value), value] : selected.filter((item) => item !== value));
  };
  return (
    <fieldset className={error ? 'field checkbox-group field-invalid' : 'field checkbox-group'} id={id} aria-describedby={describedBy(hintId, errorId)}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="hint" id={hintId ?? undefined}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={errorId ?? undefined}>
          {error}
        </p>
      ) : null}
      {options.map((option) => {
        const optionId = `${id}-${option.value}`;
        return (
          <div className="checkbox" key={option.value}>
            <input
              type="checkbox"
              id={optionId}
              checked={selected.includes(option.value)}
              onChange={(event) => toggle(option.value, event.target.checked)}
              aria-describedby={option.hint ? `${optionId}-hint` : undefined}
            />
            <label htmlFor={optionId}>{option.label}</label>
            {option.hint ? (
              <p className="hint" id={`${optionId}-hint`}>
                {option.hint}
              </p>
            ) : null}
          </div>
        );
      })}
    </fieldset>
  );
}

/**
 * The summary above a form: the message and a link to each field in error. It takes focus when it
 * appears so keyboard and screen reader users land on it; role="alert" announces it as well.
 */
export function ErrorSummary({ errors, labels }: { errors: FormErrors; labels: Record<string, string> }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const fieldNames = Object.keys(errors.fields);
  const isVisible = errors.message !== null || fieldNames.length > 0;
  useEffect(() => {
    if (isVisible) ref.current?.focus();
  }, [isVisible, errors]);
  if (!isVisible) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref}>
      <p className="error-summary-title">{summaryTitle(errors, t('Niet alle velden zijn goed ingevuld.'))}</p>
      {fieldNames.length > 0 ? (
        <ul>
          {fieldNames.map((name) => (
            <li key={name}>
              <a
                href={`#${name}`}
                onClick={(event) => {
                  event.preventDefault();
                  const target = document.getElementById(name);
                  const focusable = target instanceof HTMLFieldSetElement ? target.querySelector('input') : target;
                  focusable?.focus();
                }}
              >
                {labels[name] ? `${labels[name]}: ` : null}
                {errors.fields[name]}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** A row of form buttons. */
export function FormActions({ children }: { children: ReactNode }) {
  return <div className="form-actions">{children}</div>;
}

/** A form's save button and, when the form can be closed without saving (changing something that exists), cancel. */
export function SaveActions({ saveLabel, isBusy = false, onCancel }: { saveLabel: string; isBusy?: boolean; onCancel?: (() => void) | null }) {
  const { t } = useTranslation();
  return (
    <FormActions>
      <button type="submit" className="button" disabled={isBusy}>
        {saveLabel}
      </button>
      {onCancel ? (
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('Annuleren')}
        </button>
      ) : null}
    </FormActions>
  );
}
