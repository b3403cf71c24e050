import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, apiPath } from '../../api/api-client';
import type { ModelDetail, ModelSummary } from '../../api/api-types';
import { useApiData } from '../../api/use-api-data';
import { useRefusalWords } from '../../components/form-errors';
import { FormActions } from '../../components/form-fields';
import { SuccessMessage } from '../../components/load-state';
import { useFormat } from '../../i18n/format';
import { useModelText } from './selfscan-model';

/** What went wrong with an import: one message, and per place in the file what the server objected to. */
interface ImportProblem {
  message: string;
  fields: { path: string; messages: string[] }[];
}

/** The field path inside the model file, without the request's own wrapping (`body.definition.`). */
function pathInFile(path: string): string {
  return path.replace(/^body\./, '').replace(/^definition(\.|$)/, '') || '(root)';
}

/**
 * The school's development models and, for the school admin, importing the school's own model
 * from a JSON file; `onImported` lets the page refresh other lists of models.
 */
export function SelfscanModelImport({ schoolId, onImported }: { schoolId: string; onImported: (model: ModelDetail) => void }) {
  const { t } = useTranslation();
  const refusal = useRefusalWords();
  const format = useFormat();
  const modelText = useModelText();
  const { data: models, reload } = useApiData<ModelSummary[]>(apiPath('/api/schools/:schoolId/selfscan/models', { schoolId }));
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
      setProblem({ message: t('Het bestand moet één model bevatten: een JSON-object, geen lijst of losse waarde.'), fields: [] });
      return;
    }
    setIsBusy(true);
    try {
      const model = await api.post<ModelDetail>(apiPath('/api/schools/:schoolId/selfscan/models', { schoolId }), { definition });
      setProblem(null);
      setSaved(t('Het model {{name}} (versie {{version}}) is geïmporteerd.', { name: modelText(model.name), version: model.version }));
      if (fileInput.current) fileInput.current.value = '';
      reload();
      onImported(model);
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
    <section aria-labelledby="model-import-kop" className="card">
      <h2 id="model-import-kop">{t('Eigen ontwikkelmodel importeren')}</h2>
      <p className="muted">
        {t(
          'Een model is één JSON-bestand met een id, een versie, een naam en bron, de namen van de vier groeifasen en een lijst lagen; elke laag heeft accenten met per groeifase een beschrijving, en elke tekst staat er in het Nederlands (nl) en Engels (en). De volledige beschrijving staat in docs/model-format.md van de broncode van Groeiwijzer.',
        )}
      </p>
      {models ? (
        <>
          <h3>{t('Modellen van deze school')}</h3>
          <ul className="model-list">
            {models.map((model) => (
              <li key={model.id}>
                {modelText(model.name)} ({t('versie {{version}}', { version: model.version })}) · {t('{{number}} accenten', { number: format.number(model.aspectCount) })} ·{' '}
                {model.isShipped ? t('meegeleverd') : t('eigen model')}
              </li>
            ))}
          </ul>
        </>
      ) : null}
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
          <label htmlFor="model-import-bestand">{t('Modelbestand (JSON)')}</label>
          <p className="hint" id="model-import-bestand-hint">
            {t('Heeft het model hetzelfde id en dezelfde versie als een eigen model dat nog in geen enkele ronde is gebruikt, dan vervangt het dat model.')}
          </p>
          <input id="model-import-bestand" name="model-import-bestand" type="file" accept=".json,application/json" ref={fileInput} aria-describedby="model-import-bestand-hint" />
        </div>
        <FormActions>
          <button type="submit" className="button" disabled={isBusy}>
            {t('Model importeren')}
          </button>
        </FormActions>
      </form>
    </section>
  );
}
