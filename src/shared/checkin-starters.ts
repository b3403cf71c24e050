import type { SignalKind } from './checkin';
import type { Locale } from './roles';

// Conversation starters for each signal, in the project's own words. They follow two of the daily
// principles teachers work with: connect before you correct (begin with what you notice and with
// contact, not with the behaviour), and check your assumptions (ask, do not fill in for the pupil).

const STARTERS: Record<Locale, Record<SignalKind, readonly string[]>> = {
  nl: {
    asked_to_talk: [
      'Ik zag dat je even wilde praten. Fijn dat je dat liet weten. Wanneer komt het jou goed uit?',
      'Ik heb zo tijd voor je. Wil je hier praten, of liever even op de gang?',
      'Je hoeft niet alles in één keer te vertellen. Waar wil je mee beginnen?',
    ],
    far_high_today: [
      'Ik merk dat het vandaag veel is voor je. Wat zou je nu een beetje helpen?',
      'Zullen we eerst samen even rustig worden, met een rondje lopen of een slok water?',
      'Ik wil het goed begrijpen in plaats van te raden. Hoe begon je dag vandaag?',
      'Je bent niet in de problemen. Ik wil gewoon weten hoe het met je gaat.',
    ],
    low_today: [
      'Ik zie je, ook als je stil bent. Hoe gaat het echt met je?',
      'Je lijkt vandaag een beetje ver weg. Klopt dat, of zie ik het verkeerd?',
      'Wat zou je helpen om er weer een beetje bij te zijn: even bewegen, iets drinken of even naast me zitten?',
    ],
    out_of_window_streak: [
      'Het valt me op dat het een paar dagen niet zo lekker gaat. Merk jij dat ook?',
      'Is er de laatste tijd iets veranderd, op school of thuis? Jij kiest wat je vertelt.',
      'Wat hielp jou eerder als je je zo voelde?',
      'Wie zou je hierbij nog meer kunnen helpen, naast mij?',
    ],
    changed_pattern: [
      'Je bent de laatste dagen anders dan ik van je gewend ben. Ik ben benieuwd hoe dat voor jou is.',
      'Ik wil niet zelf invullen wat er speelt. Wil je me vertellen hoe het gaat?',
      'Wat is er de laatste tijd anders voor je?',
      'Kan ik iets anders doen in de klas waardoor het fijner voor je wordt?',
    ],
    sociogram_isolated: [
      'Ik wil graag weten hoe het voor jou is in de klas. Met wie ben je graag samen?',
      'Wat vind je fijn om te doen in de pauze? Zullen we kijken wie dat ook leuk vindt?',
      'Wil je deze week samen met iemand een klusje voor de klas doen? Wie zou je erbij willen?',
    ],
    sociogram_rejected: [
      'Hoe gaat het met jou en de andere kinderen in de klas? Jij mag vertellen wat je wilt.',
      'Is er iets in de klas of op het plein dat je lastig vindt? Dan zoeken we samen naar wat helpt.',
      'Wat kun jij goed waar de klas iets aan heeft? Daar wil ik je graag vaker voor vragen.',
    ],
  },
  en: {
    asked_to_talk: [
      'I saw you would like to talk. Good that you let me know. When would suit you?',
      'I have time for you soon. Would you like to talk here, or outside the classroom for a moment?',
      'You do not have to tell me everything at once. Where would you like to start?',
    ],
    far_high_today: [
      'I notice today is a lot for you. What would help you a little right now?',
      'Shall we first calm down together, with a short walk or a sip of water?',
      'I want to understand rather than guess. How did your day start?',
      'You are not in trouble. I just want to know how you are doing.',
    ],
    low_today: [
      'I see you, also when you are quiet. How are you really doing?',
      'You seem a bit far away today. Is that right, or am I seeing it wrong?',
      'What would help you feel a bit more here: moving for a moment, a drink, or sitting next to me for a while?',
    ],
    out_of_window_streak: [
      'I notice things have not been going so well for a few days. Do you notice that too?',
      'Has anything changed lately, at school or at home? You decide what you tell me.',
      'What helped you before when you felt like this?',
      'Who else could help you with this, besides me?',
    ],
    changed_pattern: [
      'You have been different lately from how I know you. I wonder what that is like for you.',
      'I do not want to guess what is going on. Would you tell me how things are?',
      'What has been different for you lately?',
      'Is there something I could do differently in class that would make it better for you?',
    ],
    sociogram_isolated: [
      'I would like to know what it is like for you in class. Who do you like to be with?',
      'What do you like to do at break? Shall we see who likes that too?',
      'Would you like to do a job for the class with someone this week? Who would you choose?',
    ],
    sociogram_rejected: [
      'How are things between you and the other children in class? You can tell me whatever you like.',
      'Is there something in class or in the playground that you find hard? Then we look together for what helps.',
      'What are you good at that the class could use? I would like to ask you for that more often.',
    ],
  },
};

/** The conversation starters per signal kind, in the given language (a fresh copy the caller may keep). */
export function conversationStarters(locale: Locale): Record<SignalKind, string[]> {
  const starters = STARTERS[locale];
  return {
    asked_to_talk: [...starters.asked_to_talk],
    far_high_today: [...starters.far_high_today],
    low_today: [...starters.low_today],
    out_of_window_streak: [...starters.out_of_window_streak],
    changed_pattern: [...starters.changed_pattern],
    sociogram_isolated: [...starters.sociogram_isolated],
    sociogram_rejected: [...starters.sociogram_rejected],
  };
}
