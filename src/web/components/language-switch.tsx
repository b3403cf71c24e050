import { useTranslation } from 'react-i18next';
import type { Locale } from '../../shared/roles';
import { useSession } from '../session/session-context';

// Language names stay in their own language, so anyone can find theirs.
const LANGUAGES: { locale: Locale; name: string }[] = [
  { locale: 'nl', name: 'Nederlands' },
  { locale: 'en', name: 'English' },
];

/** Two buttons that switch the interface language; the current one is pressed. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const { changeLanguage } = useSession();
  return (
    <div className="language-switch" role="group" aria-label={t('Taal')}>
      {LANGUAGES.map(({ locale, name }) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          className="link-button"
          aria-pressed={i18n.language === locale}
          onClick={() => void changeLanguage(locale)}
        >
          {name}
        </button>
      ))}
    </div>
  );
}
