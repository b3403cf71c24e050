import type { Locale } from './roles';

// The name symbols of the class device: young pupils find their own name by a picture they chose. A small
// fixed set of animals and things a young child knows, each its own shape and colour. None of them is
// weather (the weather pictures are the check-in states of young pupils) and none stands for a feeling.

/** One name symbol: the emoji shown next to the name and its name in each language. */
export interface PupilSymbolWords {
  emoji: string;
  names: Record<Locale, string>;
}

/** Every name symbol by its key (the key is what is stored, `checkin_pupil_symbols.symbol`). */
export const PUPIL_SYMBOLS = {
  cat: { emoji: '🐱', names: { nl: 'Kat', en: 'Cat' } },
  dog: { emoji: '🐶', names: { nl: 'Hond', en: 'Dog' } },
  rabbit: { emoji: '🐰', names: { nl: 'Konijn', en: 'Rabbit' } },
  butterfly: { emoji: '🦋', names: { nl: 'Vlinder', en: 'Butterfly' } },
  turtle: { emoji: '🐢', names: { nl: 'Schildpad', en: 'Turtle' } },
  fish: { emoji: '🐟', names: { nl: 'Vis', en: 'Fish' } },
  owl: { emoji: '🦉', names: { nl: 'Uil', en: 'Owl' } },
  elephant: { emoji: '🐘', names: { nl: 'Olifant', en: 'Elephant' } },
  lion: { emoji: '🦁', names: { nl: 'Leeuw', en: 'Lion' } },
  frog: { emoji: '🐸', names: { nl: 'Kikker', en: 'Frog' } },
  ladybird: { emoji: '🐞', names: { nl: 'Lieveheersbeestje', en: 'Ladybird' } },
  bee: { emoji: '🐝', names: { nl: 'Bij', en: 'Bee' } },
  whale: { emoji: '🐳', names: { nl: 'Walvis', en: 'Whale' } },
  sunflower: { emoji: '🌻', names: { nl: 'Zonnebloem', en: 'Sunflower' } },
  tree: { emoji: '🌳', names: { nl: 'Boom', en: 'Tree' } },
  apple: { emoji: '🍎', names: { nl: 'Appel', en: 'Apple' } },
  strawberry: { emoji: '🍓', names: { nl: 'Aardbei', en: 'Strawberry' } },
  star: { emoji: '⭐', names: { nl: 'Ster', en: 'Star' } },
  rocket: { emoji: '🚀', names: { nl: 'Raket', en: 'Rocket' } },
  bicycle: { emoji: '🚲', names: { nl: 'Fiets', en: 'Bicycle' } },
  ball: { emoji: '⚽', names: { nl: 'Bal', en: 'Ball' } },
  balloon: { emoji: '🎈', names: { nl: 'Ballon', en: 'Balloon' } },
  house: { emoji: '🏠', names: { nl: 'Huis', en: 'House' } },
  train: { emoji: '🚂', names: { nl: 'Trein', en: 'Train' } },
} as const satisfies Record<string, PupilSymbolWords>;

/** The key of one name symbol. */
export type PupilSymbolKey = keyof typeof PUPIL_SYMBOLS;

/** Every name symbol key, in the order the chooser shows them. */
export const PUPIL_SYMBOL_KEYS = Object.keys(PUPIL_SYMBOLS) as [PupilSymbolKey, ...PupilSymbolKey[]];

/** True for a stored value that is (still) one of the name symbols. */
export function isPupilSymbolKey(value: string | null | undefined): value is PupilSymbolKey {
  return value !== null && value !== undefined && Object.hasOwn(PUPIL_SYMBOLS, value);
}

/** A name symbol as the pages show it: key, emoji and its name in one language. */
export function pupilSymbolOf(key: PupilSymbolKey, locale: Locale): { key: PupilSymbolKey; emoji: string; name: string } {
  const symbol = PUPIL_SYMBOLS[key];
  return { key, emoji: symbol.emoji, name: symbol.names[locale] };
}
