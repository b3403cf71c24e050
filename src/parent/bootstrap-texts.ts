// The only words the parent page carries itself: what it says before a parent session exists (opening the link,
// a link that no longer works, no connection). Every other word comes from the server in the parent's language.

/** The words of the page before a session, in Dutch and English. */
export interface ParentBootstrapTexts {
  title: string;
  opening: string;
  linkFailedTitle: string;
  askNewLink: string;
  newLinkAsked: string;
  noLinkTitle: string;
  noLink: string;
  tooManyTries: string;
  loadFailed: string;
  tryAgain: string;
}

export const PARENT_BOOTSTRAP_TEXTS: Record<'nl' | 'en', ParentBootstrapTexts> = {
  nl: {
    title: 'Groeiwijzer voor ouders',
    opening: 'De pagina wordt geopend…',
    linkFailedTitle: 'Deze link werkt niet meer',
    askNewLink: 'Vraag een nieuwe link aan',
    newLinkAsked: 'Uw vraag is doorgegeven aan de school. U krijgt een nieuwe link per e-mail of per brief.',
    noLinkTitle: 'Open de link van school',
    noLink: 'U komt op deze pagina met de link uit de e-mail of de brief van school. Hebt u geen (werkende) link? Vraag de school om een nieuwe.',
    tooManyTries: 'Er is te vaak geprobeerd. Wacht een minuut en probeer het dan opnieuw.',
    loadFailed: 'De pagina kon niet laden. Controleer de verbinding en probeer het opnieuw.',
    tryAgain: 'Opnieuw proberen',
  },
  en: {
    title: 'Groeiwijzer for parents',
    opening: 'Opening the page…',
    linkFailedTitle: 'This link no longer works',
    askNewLink: 'Ask for a new link',
    newLinkAsked: 'Your request has been passed on to the school. You will get a new link by e-mail or by letter.',
    noLinkTitle: 'Open the link from school',
    noLink: 'You reach this page with the link from the school\'s e-mail or letter. No (working) link? Ask the school for a new one.',
    tooManyTries: 'Too many tries. Wait a minute and then try again.',
    loadFailed: 'The page could not load. Check the connection and try again.',
    tryAgain: 'Try again',
  },
};

/** The browser's language as one of the two built in: English when it asks for English first, otherwise Dutch. */
export function browserLanguage(languages: readonly string[] = navigator.languages ?? [navigator.language]): 'nl' | 'en' {
  return languages[0]?.toLowerCase().startsWith('en') ? 'en' : 'nl';
}
