// The stylesheet of every page but signing in and the home page, as a module app.tsx can load with the first of
// them: the start of the app then needs only styles.css.
import './page-styles.css';
