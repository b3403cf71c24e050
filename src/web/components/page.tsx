import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { focusHeadingIfPending, PAGE_TITLE_ID } from './route-focus';

/** One page: sets the document title and renders the page's only h1. */
export function Page({ title, intro, children }: { title: string; intro?: ReactNode; children?: ReactNode }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = t('{{title}} – Groeiwijzer', { title });
  }, [t, title]);
  useEffect(() => {
    focusHeadingIfPending();
  }, []);
  return (
    <>
      <h1 id={PAGE_TITLE_ID} tabIndex={-1}>
        {title}
      </h1>
      {intro ? <div className="intro">{intro}</div> : null}
      {children}
    </>
  );
}
