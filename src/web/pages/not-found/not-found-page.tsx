import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../components/page';

/** Any address the app does not know. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('Pagina niet gevonden')}>
      <p>{t('Deze pagina bestaat niet (meer). Misschien is de link oud of zit er een tikfout in het adres.')}</p>
      <p>
        <Link to="/">{t('Naar de startpagina')}</Link>
      </p>
    </Page>
  );
}
