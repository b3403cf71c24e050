// After a route change the new page's h1 takes focus, so screen reader users hear where they are.
// Pages that wait for data render their h1 later; the pending flag lets that h1 claim focus itself.

let isFocusPending = false;

/** The id every page gives its h1. */
export const PAGE_TITLE_ID = 'paginatitel';

/** Called on every route change: focuses the h1 now, or as soon as one appears. */
export function requestHeadingFocus(): void {
  isFocusPending = true;
  focusHeadingIfPending();
}

/** Focuses the page's h1 when a route change is still waiting for one. */
export function focusHeadingIfPending(): void {
  if (!isFocusPending) return;
  const heading = document.getElementById(PAGE_TITLE_ID);
  if (!heading) return;
  isFocusPending = false;
  heading.focus();
}
