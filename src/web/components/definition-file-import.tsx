import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/api-client';
import { useRefusalWords } from './form-errors';
import { FormActions } from './form-fields';
import { SuccessMessage } from './load-state';

/** What went wrong with an import: one message, and per place in the file what the server objected to. */
interface ImportProblem {
  message: string;
  fields: { path: string; messages: string[] }[];
}

/** The field path inside the file, without the request's own wrapping (`body.definition.`). */
function pathInFile(path: string): string {
  return path.replace(/^body\./, '').replace(/^definition(\.|$)/, '') || '(root)';
}

/**
 * Uploading one JSON definition file (a development model, a questionnaire instrument) to `postPath` as
 * `{ definition }`: the file must be one JSON object; the server's refusals are listed per place in the file.
 */
export function DefinitionFileImport<T>({
  id,
  fileLabel,
  fileHint,
  buttonLabel,
  postPath,
  savedText,
  onImported,
  children,
}: {
  /** Prefix of the input's id. */
  id: string;
  fileLabel: string;
  fileHint: string;
  buttonLabel: string;
  postPath: string;
  savedText: (result: T) => string;
  onImported: (result: T) => void;
  /** What stands above the form (the list of what exists). */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const refusal = useRefusalWords();
  const fileInput = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<ImportProblem | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const file = fileInput.current?.files?.[0];
    if (!file) {
      setProblem({ message: t('Kies eerst een JSON-bestand.'), fields: [] });
      fileInput.current?.focus();
      return;
    }
    let definition: unknown;
    try {
      definition = JSON.parse(await file.text());
    } catch (failure) {
      setProblem({ message: t('{{file}} is geen geldig JSON-bestand: {{reason}}', { file: file.name, reason: failure instanceof Error ? failure.message : String(failure) }), fields: [] });
      return;
    }
    if (typeof definition !== 'object' || definition === null || Array.isArray(definition)) {
      setProblem({ message: t('Het bestand moet één definitie bevatten: een JSON-object, geen lijst of losse waarde.'), fields: [] });
      return;
    }
    setIsBusy(true);
    try {
      const result = await api.post<T>(postPath, { definition });
      setProblem(null);
      setSaved(savedText(result));
      if (fileInput.current) fileInput.current.value = '';
      onImported(result);
    } catch (failure) {
      if (failure instanceof ApiError) {
        setProblem({ message: failure.message, fields: Object.entries(failure.fields).map(([path, messages]) => ({ path: pathInFile(path), messages: messages.map(refusal.reason) })) });
      } else {
        setProblem({ message: String(failure), fields: [] });
      }
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <>
      {children}
      <SuccessMessage message={saved} />
      {problem ? (
        <div className="notice notice-error" role="alert">
          <p>{problem.message}</p>
          {problem.fields.length > 0 ? (
            <ul className="import-errors">
              {problem.fields.map((field) => (
                <li key={field.path}>
                  <code>{field.path}</code>: {field.messages.join('; ')}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <form onSubmit={(event) => void submit(event)} noValidate>
        <div className="field">
          <label htmlFor={`${id}-bestand`}>{fileLabel}</label>
          <p className="hint" id={`${id}-bestand-hint`}>
            {fileHint}
          </p>
          <input id={`${id}-bestand`} name={`${id}-bestand`} type="file" accept=".json,application/json" ref={fileInput} aria-describedby={`${id}-bestand-hint`} />
        </div>
        <FormActions>
          <button type="submit" className="button" disabled={isBusy}>
            {buttonLabel}
          </button>
        </FormActions>
      </form>
    </>
  );
}
