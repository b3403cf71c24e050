// How a class is called in the next school year by default: the group number goes up by one ("groep 5" →
// "groep 6", "Groep 5a" → "Groep 6a", "5b" → "6b"), a combined class ("groep 1-2") keeps its name; a class of the last group (8) leaves the school. A name
// without a number keeps its name. Pure, so the server's preview and the web page's table agree.

/** The last group of a Dutch primary school: its pupils leave the school at the end of the year. */
export const LAST_GROUP = 8;

// The first number in the name, with what stands before and after it.
const GROUP_NUMBER = /^(\D*?)(\d{1,2})(\D.*)?$/s;

// A combined class ("groep 1-2", "3/4") usually keeps its name: its pupils are placed by the re-import.
const COMBINED_GROUPS = /\d\s*[-/]\s*\d/;

/** The default name of a class in the next school year, or null when its pupils leave the school (group 8). */
export function nextClassName(name: string): string | null {
  if (COMBINED_GROUPS.test(name)) return name;
  const match = GROUP_NUMBER.exec(name);
  if (!match) return name;
  const group = Number(match[2]);
  if (group >= LAST_GROUP) return null;
  return `${match[1] ?? ''}${group + 1}${match[3] ?? ''}`;
}
