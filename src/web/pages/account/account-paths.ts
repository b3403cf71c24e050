/** Where the signed-in person's own account page lives (its own file, so the menu links to it without loading the page). */
export const ACCOUNT_PATH = '/account';
