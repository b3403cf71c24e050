import { useTranslation } from 'react-i18next';
import { apiPath } from '../../api/api-client';
import type { ModelDetail, ModelSummary } from '../../api/api-types';
import { useApiData } from '../../api/use-api-data';
import { DefinitionFileImport } from '../../components/definition-file-import';
import { useFormat } from '../../i18n/format';
import { useModelText } from './selfscan-model';

/**
 * The school's development models and, for the school admin, importing the school's own model
 * from a JSON file; `onImported` lets the page refresh other lists of models.
 */
export function SelfscanModelImport({ schoolId, onImported }: { schoolId: string; onImported: (model: ModelDetail) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const modelText = useModelText();
  const modelsPath = apiPath('/api/schools/:schoolId/selfscan/models', { schoolId });
  const { data: models, reload } = useApiData<ModelSummary[]>(modelsPath);

  return (
    <section aria-labelledby="model-import-kop" className="card">
      <h2 id="model-import-kop">{t('Eigen ontwikkelmodel importeren')}</h2>
      <p className="muted">
        {t(
          'Een model is één JSON-bestand met een id, een versie, een naam en bron, de namen van de vier groeifasen en een lijst lagen; elke laag heeft accenten met per groeifase een beschrijving, en elke tekst staat er in het Nederlands (nl) en Engels (en). De volledige beschrijving staat in docs/model-format.md van de broncode van Groeiwijzer.',
        )}
      </p>
      <DefinitionFileImport<ModelDetail>
        id="model-import"
        fileLabel={t('Modelbestand (JSON)')}
        fileHint={t('Heeft het model hetzelfde id en dezelfde versie als een eigen model dat nog in geen enkele ronde is gebruikt, dan vervangt het dat model.')}
        buttonLabel={t('Model importeren')}
        postPath={modelsPath}
        savedText={(model) => t('Het model {{name}} (versie {{version}}) is geïmporteerd.', { name: modelText(model.name), version: model.version })}
        onImported={(model) => {
          reload();
          onImported(model);
        }}
      >
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
      </DefinitionFileImport>
    </section>
  );
}
