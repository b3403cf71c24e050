import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Recovery codes shown once, with copy and print; the person confirms having saved them. */
export function RecoveryCodes({ codes }: { codes: readonly string[] }) {
  const { t } = useTranslation();
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(codes.join('\n'));
      setCopyState('copied');
    } catch {
      setCopyState('failed');
    }
  };

  return (
    <section aria-labelledby="herstelcodes-kop" className="recovery-codes">
      <h2 id="herstelcodes-kop">{t('Je herstelcodes')}</h2>
      <p>
        {t(
          'Met een herstelcode kun je inloggen als je je telefoon kwijt bent. Elke code werkt één keer. Bewaar ze op een veilige plek, bijvoorbeeld geprint of in een wachtwoordmanager. Je ziet ze hier maar één keer.',
        )}
      </p>
      <ol className="recovery-code-list">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="action-buttons">
        <button type="button" className="button button-secondary" onClick={() => void copy()}>
          {t('Kopiëren')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => window.print()}>
          {t('Afdrukken')}
        </button>
      </div>
      <p aria-live="polite" className="muted">
        {copyState === 'copied' ? t('De herstelcodes staan op het klembord.') : copyState === 'failed' ? t('Kopiëren lukte niet. Selecteer de codes en kopieer ze zelf.') : ''}
      </p>
    </section>
  );
}
