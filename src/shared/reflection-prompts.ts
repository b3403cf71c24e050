// Prompts for the private reflection journal (issue 17), in Dutch (the source language) and English. Written for
// Groeiwijzer in its own words, after the teacher guide's first circle of influence (the teacher is their own
// instrument: what do I need to stay calm in front of the class?), the reflection levels of Bateson (environment,
// behaviour, skills, beliefs, identity, mission) and learning from what went well. Plain data, no I/O: the web app
// offers them above an empty entry; the server only checks that a chosen prompt id exists.

/** The groups the prompts are shown in. */
export const REFLECTION_PROMPT_THEMES = ['calm', 'levels', 'success'] as const;
export type ReflectionPromptTheme = (typeof REFLECTION_PROMPT_THEMES)[number];

/** One prompt: an id kept stable (entries point at it), its theme and its question. */
export interface ReflectionPrompt {
  id: string;
  theme: ReflectionPromptTheme;
  question: { nl: string; en: string };
}

/** Every prompt, in the order the journal offers them. */
export const REFLECTION_PROMPTS: readonly ReflectionPrompt[] = [
  {
    id: 'calm-need',
    theme: 'calm',
    question: { nl: 'Wat heb ik vandaag nodig om rustig voor de klas te staan?', en: 'What do I need today to stand calmly in front of the class?' },
  },
  {
    id: 'calm-signals',
    theme: 'calm',
    question: { nl: 'Waaraan merk ik dat mijn eigen spanning oploopt, en wat doe ik dan?', en: 'How do I notice that my own tension is rising, and what do I do then?' },
  },
  {
    id: 'calm-recharge',
    theme: 'calm',
    question: { nl: 'Wat geeft mij deze week energie, en wat kost me energie?', en: 'What gives me energy this week, and what drains it?' },
  },
  {
    id: 'level-environment',
    theme: 'levels',
    question: { nl: 'Omgeving: waar en wanneer speelde het, en wat was er om mij heen?', en: 'Environment: where and when did it happen, and what was around me?' },
  },
  {
    id: 'level-behaviour',
    theme: 'levels',
    question: { nl: 'Gedrag: wat deed ik precies, en wat deed de ander?', en: 'Behaviour: what exactly did I do, and what did the other person do?' },
  },
  {
    id: 'level-skills',
    theme: 'levels',
    question: { nl: 'Vaardigheden: wat kon ik al, en wat wil ik nog leren?', en: 'Skills: what could I already do, and what do I still want to learn?' },
  },
  {
    id: 'level-beliefs',
    theme: 'levels',
    question: { nl: 'Overtuigingen: wat vind ik belangrijk, en wat dacht ik op dat moment?', en: 'Beliefs: what do I find important, and what was I thinking at that moment?' },
  },
  {
    id: 'level-identity',
    theme: 'levels',
    question: { nl: 'Identiteit: wat voor leraar wil ik zijn, en past dit daarbij?', en: 'Identity: what kind of teacher do I want to be, and does this fit?' },
  },
  {
    id: 'level-mission',
    theme: 'levels',
    question: { nl: 'Missie: waarvoor doe ik dit werk, en wat wil ik voor deze kinderen betekenen?', en: 'Mission: why do I do this work, and what do I want to mean for these children?' },
  },
  {
    id: 'success-what',
    theme: 'success',
    question: { nl: 'Wat ging er onlangs goed, en wat was mijn aandeel daarin?', en: 'What went well recently, and what was my part in it?' },
  },
  {
    id: 'success-again',
    theme: 'success',
    question: { nl: 'Hoe kan ik zorgen dat dit vaker gebeurt?', en: 'How can I make this happen more often?' },
  },
];

/** The prompt with this id, or undefined. */
export function reflectionPromptOf(id: string): ReflectionPrompt | undefined {
  return REFLECTION_PROMPTS.find((prompt) => prompt.id === id);
}

/** Limits of the journal: the longest entry, and the most entries one person keeps per school. */
export const JOURNAL_LIMITS = { body: 10_000, entries: 2_000 } as const;
