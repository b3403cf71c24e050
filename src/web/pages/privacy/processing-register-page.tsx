import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { ProcessingRegister } from '../../../server/features/privacy-register/privacy-register.schemas';
import { apiPath } from '../../api/api-client';
import { useApiData } from '../../api/use-api-data';
import { LoadState } from '../../components/load-state';
import { Page } from '../../components/page';
import { TableWrap } from '../../components/table-wrap';

type RegisterCategory = ProcessingRegister['categories'][number];

/**
 * The processing register (AVG art. 30) of a school (`:schoolId`: its administrator) or a board (`:boardId`: its
 * administrator), with the PDF of the register and the DPIA input pack. The texts come from the server in the
 * reader's language, so the page and the PDF say the same; this page only lays them out.
 */
export function ProcessingRegisterPage() {
  const { t, i18n } = useTranslation();
  const { schoolId, boardId = '' } = useParams();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const base = schoolId ? apiPath('/api/schools/:schoolId', { schoolId }) : apiPath('/api/boards/:boardId', { boardId });
  const register = useApiData<ProcessingRegister>(`${base}/privacy-register?lang=${lang}`);
  const data = register.data;

  return (
    <Page
      title={t('Verwerkingsregister')}
      intro={
        <p>
          {t(
            'Welke gegevens Groeiwijzer bewaart, per soort: waarvoor, op welke grondslag, wie het kan lezen en hoe lang het blijft. Het register wordt gemaakt uit het datamodel zelf, dus het loopt niet achter op de software.',
          )}
        </p>
      }
    >
      <p className="action-buttons">
        <a className="button button-secondary" href={`${base}/privacy-register.pdf?lang=${lang}`} download>
          {t('Verwerkingsregister (PDF)')}
        </a>
        <a className="button button-secondary" href={`${base}/dpia-pack.pdf?lang=${lang}`} download>
          {t('Invoer voor een DPIA (PDF)')}
        </a>
      </p>
      <LoadState error={register.error} isLoading={register.isLoading && !data} />
      {data ? (
        <>
          <p className="hint">{data.scope.kind === 'school' ? t('School: {{name}}', { name: data.scope.name }) : t('Bestuur: {{name}}', { name: data.scope.name })}</p>
          {data.categories.map((category) => (
            <RegisterCategorySection key={category.category} category={category} />
          ))}
        </>
      ) : null}
    </Page>
  );
}

/** One category of the register: its purpose and legal basis, and a table of its tables. */
export function RegisterCategorySection({ category }: { category: RegisterCategory }) {
  const { t } = useTranslation();
  const headingId = `register-${category.category}`;
  return (
    <section aria-labelledby={headingId} className="card">
      <h2 id={headingId}>{category.name}</h2>
      {category.isSpecial ? <p className="hint">{t('Bijzondere persoonsgegevens: extra beschermd.')}</p> : null}
      <dl>
        <dt>{t('Doel van de verwerking')}</dt>
        <dd>{category.purpose}</dd>
        <dt>{t('Grondslag')}</dt>
        <dd>{category.legalBasis}</dd>
      </dl>
      {category.tables.length === 0 ? (
        <p className="muted">{t('Geen tabellen in deze soort.')}</p>
      ) : (
        // The section is named by the category already: the scrolling table's region needs a name of its own.
        <TableWrap label={t('Tabellen: {{category}}', { category: category.name })}>
          <table>
            <caption>{t('Tabellen: {{category}}', { category: category.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('Tabel')}</th>
                <th scope="col">{t('Wat erin staat')}</th>
                <th scope="col">{t('Wie leest het')}</th>
                <th scope="col">{t('Bewaartermijn')}</th>
                <th scope="col">{t('Versleutelde kolommen')}</th>
              </tr>
            </thead>
            <tbody>
              {category.tables.map((table) => (
                <tr key={table.table}>
                  <th scope="row">
                    <code>{table.table}</code>
                  </th>
                  <td>{table.holds}</td>
                  <td>{table.readers.join(', ')}</td>
                  <td>{table.retention}</td>
                  <td>{table.encryptedColumns.length > 0 ? table.encryptedColumns.join(', ') : t('geen')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}
