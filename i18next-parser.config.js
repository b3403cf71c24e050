// Extracts every t('…') of the web app into the catalogues. Keys are the Dutch source text,
// so the Dutch catalogue repeats the key and the English one keeps what translators wrote.
export default {
  input: ['src/web/**/*.{ts,tsx}', '!src/web/**/*.test.{ts,tsx}'],
  output: 'src/web/i18n/locales/$LOCALE.json',
  locales: ['nl', 'en'],
  defaultNamespace: 'translation',
  keySeparator: false,
  namespaceSeparator: false,
  // The app never passes `count` or `context` to t(): plural suffixes would give Dutch keys non-Dutch values.
  defaultValue: (locale, _namespace, key) => (locale === 'nl' ? key : ''),
  keepRemoved: false,
  createOldCatalogs: false,
  sort: true,
  indentation: 2,
  lineEnding: 'lf',
  lexers: { ts: ['JavascriptLexer'], tsx: ['JsxLexer'] },
  // t(variable) cannot be extracted: the parser warns, and the check fails instead of losing the text.
  failOnWarnings: true,
  verbose: false,
};
