import type { AgeGroup } from './checkin';

// "Ken je raampje" / "Know your window" (issue 19): four short class lessons a teacher shows on the smartboard, so
// pupils learn the basic words of trauma-sensitive education — stress and their window of tolerance — and recognise
// them in themselves and in others. Written for this project, Dutch (source language) and English, in three age
// versions (the check-in's AGE_GROUPS: young = groep 1-3, middle = groep 4-8, older = secondary). Plain typed data, no
// zod and no I/O: the server checks lesson ids against it, the web app shows it.
//
// How the texts are written: warm and concrete; stress is the body protecting you, never naughtiness or a flaw;
// everyone's window is different and may change from day to day; asking for help is strong. The questions are about
// the body, the class and what helps — never about what a child went through — and a pupil may always just listen.

/** A text in both interface languages. */
export interface LessonText {
  nl: string;
  en: string;
}

/** The simple drawings a slide can show (web/pages/regulation/window-drawings.tsx draws each one). */
export const WINDOW_DRAWINGS = ['alarm', 'body-stress', 'window', 'window-high', 'window-low', 'thermometer', 'weather', 'breathing', 'moving', 'friend'] as const;
/** One drawing. */
export type WindowDrawing = (typeof WINDOW_DRAWINGS)[number];

/** One slide: a heading and one to three short sentences the teacher shows and says, perhaps with a drawing. */
export interface LessonSlide {
  heading: LessonText;
  lines: readonly LessonText[];
  drawing?: WindowDrawing;
  /** The slide shows the words the class uses in its check-in (its age group's labels with the school's own). */
  showsCheckinWords?: true;
}

/** One age version of a lesson: its title for the pupils, three to five slides, and two or three questions to talk about. */
export interface LessonVersion {
  title: LessonText;
  slides: readonly LessonSlide[];
  questions: readonly LessonText[];
}

/** The lessons in the order they are given. */
export const WINDOW_LESSON_IDS = ['stress-in-your-body', 'the-window', 'noticing', 'back-into-the-window'] as const;
/** One lesson's id (stored in `regulation_lessons_given.lesson_id`). */
export type WindowLessonId = (typeof WINDOW_LESSON_IDS)[number];

/** One lesson: the name staff see in lists and figures, and its three age versions. */
export interface WindowLesson {
  id: WindowLessonId;
  /** 1-4: "Les 1". */
  number: number;
  staffTitle: LessonText;
  versions: Readonly<Record<AgeGroup, LessonVersion>>;
}

const stressInYourBody: WindowLesson = {
  id: 'stress-in-your-body',
  number: 1,
  staffTitle: { nl: 'Wat stress doet in je lijf', en: 'What stress does in your body' },
  versions: {
    young: {
      title: { nl: 'Mijn lijf vertelt iets', en: 'My body tells me something' },
      slides: [
        {
          heading: { nl: 'Je lijf praat met je', en: 'Your body talks to you' },
          lines: [
            { nl: 'Soms schrik je, of word je bang of boos.', en: 'Sometimes you get a fright, or feel scared or cross.' },
            { nl: 'Dat voel je dan in je lijf.', en: 'Then you can feel it in your body.' },
          ],
          drawing: 'body-stress',
        },
        {
          heading: { nl: 'Boem, boem, boem', en: 'Boom, boom, boom' },
          lines: [
            { nl: 'Je hart gaat heel snel.', en: 'Your heart goes very fast.' },
            { nl: 'Je adem gaat ook snel.', en: 'Your breathing goes fast too.' },
          ],
        },
        {
          heading: { nl: 'Kriebels en vuisten', en: 'Tickles and fists' },
          lines: [
            { nl: 'Je buik kan raar voelen.', en: 'Your tummy can feel funny.' },
            { nl: 'Je handen worden soms vuisten.', en: 'Sometimes your hands turn into fists.' },
          ],
        },
        {
          heading: { nl: 'Je lijf wil je helpen', en: 'Your body wants to help you' },
          lines: [
            { nl: 'Zo roept je lijf: pas op!', en: 'That is your body calling: watch out!' },
            { nl: 'Dat is niet stout. Je lijf is slim.', en: 'That is not naughty. Your body is clever.' },
          ],
          drawing: 'alarm',
        },
      ],
      questions: [
        { nl: 'Waar in je lijf voel jij het als je schrikt?', en: 'Where in your body do you feel it when you get a fright?' },
        { nl: 'Wat doet je hart als je hard hebt gerend?', en: 'What does your heart do after you have run fast?' },
        { nl: 'Laat eens zien: hoe ziet een boos gezicht eruit? En een rustig gezicht?', en: 'Show us: what does a cross face look like? And a calm face?' },
      ],
    },
    middle: {
      title: { nl: 'Stress: het alarm in je lijf', en: 'Stress: the alarm in your body' },
      slides: [
        {
          heading: { nl: 'Wat is stress?', en: 'What is stress?' },
          lines: [
            { nl: 'Stress is wat je lijf doet als het denkt dat er gevaar is.', en: 'Stress is what your body does when it thinks there is danger.' },
            { nl: 'Dat kan bij iets groots gebeuren, maar ook bij een toets of een ruzie.', en: 'That can happen with something big, but also with a test or an argument.' },
          ],
          drawing: 'alarm',
        },
        {
          heading: { nl: 'Je lijf maakt zich klaar', en: 'Your body gets ready' },
          lines: [
            { nl: 'Je hart klopt sneller en je ademt snel en hoog.', en: 'Your heart beats faster and your breathing gets quick and high.' },
            { nl: 'Je spieren spannen zich en soms maak je vuisten.', en: 'Your muscles tighten and sometimes you make fists.' },
            { nl: 'Je buik kan pijn doen of voelen als een knoop.', en: 'Your tummy can hurt or feel like a knot.' },
          ],
          drawing: 'body-stress',
        },
        {
          heading: { nl: 'Vechten, vluchten of bevriezen', en: 'Fight, flight or freeze' },
          lines: [
            { nl: 'Zonder na te denken kiest je lijf: vechten, wegrennen of heel stil worden.', en: 'Without thinking, your body picks: fight, run away or go very still.' },
            { nl: 'Het doet dat om je te beschermen.', en: 'It does that to protect you.' },
          ],
        },
        {
          heading: { nl: 'Het alarm mag ook weer uit', en: 'The alarm can switch off again' },
          lines: [
            { nl: 'Een beetje spanning helpt je, bijvoorbeeld bij een wedstrijd.', en: 'A little tension helps you, for example in a match.' },
            { nl: 'Te veel of te lang is zwaar. Daarom leren we hoe het alarm weer zachter wordt.', en: 'Too much or for too long is hard. That is why we learn how to turn the alarm down.' },
          ],
        },
      ],
      questions: [
        { nl: 'Wat merk jij als eerste in je lijf als je gespannen bent?', en: 'What do you notice first in your body when you feel tense?' },
        { nl: 'Wanneer helpt een beetje spanning je juist?', en: 'When does a little tension actually help you?' },
        { nl: 'Hoe zie je aan iemand anders dat die gespannen is?', en: 'How can you tell that someone else is tense?' },
      ],
    },
    older: {
      title: { nl: 'Stress: wat er in je lichaam gebeurt', en: 'Stress: what happens in your body' },
      slides: [
        {
          heading: { nl: 'Een alarmsysteem', en: 'An alarm system' },
          lines: [
            { nl: 'Je brein heeft een alarm dat razendsnel op gevaar reageert, nog voordat je erover nadenkt.', en: 'Your brain has an alarm that reacts to danger in a flash, before you have even thought about it.' },
            { nl: 'Het ziet geen verschil tussen een echte bedreiging en iets wat alleen zo voelt.', en: 'It cannot tell a real threat from something that only feels like one.' },
          ],
          drawing: 'alarm',
        },
        {
          heading: { nl: 'Stresshormonen', en: 'Stress hormones' },
          lines: [
            { nl: 'Bij alarm maakt je lichaam stoffen aan zoals adrenaline en cortisol.', en: 'When the alarm goes off, your body releases substances such as adrenaline and cortisol.' },
            { nl: 'Je hartslag en ademhaling gaan omhoog, je spieren spannen aan en je spijsvertering ligt even stil.', en: 'Your heart rate and breathing go up, your muscles tense and your digestion pauses.' },
          ],
          drawing: 'body-stress',
        },
        {
          heading: { nl: 'Vechten, vluchten, bevriezen', en: 'Fight, flight, freeze' },
          lines: [
            { nl: 'Daardoor reageer je misschien fel, wil je weg, of klap je juist dicht.', en: 'That is why you may react fiercely, want to get away, or shut down.' },
            { nl: 'Dat is geen karakterfout: het is je lichaam dat je probeert te beschermen.', en: 'That is not a flaw in who you are: it is your body trying to protect you.' },
          ],
        },
        {
          heading: { nl: 'Als het alarm te vaak afgaat', en: 'When the alarm goes off too often' },
          lines: [
            { nl: 'Wie lang of vaak onder spanning staat, krijgt een gevoeliger alarm.', en: 'If you are under pressure for a long time or often, your alarm gets more sensitive.' },
            { nl: 'Leren en onthouden worden dan lastiger. Je alarm leren kennen en tot rust brengen kun je oefenen.', en: 'Learning and remembering get harder then. Getting to know your alarm and calming it is something you can practise.' },
          ],
        },
      ],
      questions: [
        { nl: 'Welke signalen herken je in je eigen lichaam als je onder druk staat?', en: 'Which signals do you recognise in your own body when you are under pressure?' },
        { nl: 'Wanneer werkt spanning voor jou juist goed, en wanneer niet meer?', en: 'When does tension work well for you, and when does it stop working?' },
        { nl: 'Waarom zou je brein liever te vaak dan te weinig alarm slaan?', en: 'Why would your brain rather sound the alarm too often than too rarely?' },
      ],
    },
  },
};

const theWindow: WindowLesson = {
  id: 'the-window',
  number: 2,
  staffTitle: { nl: 'Het raampje: rustig, te hoog, te laag', en: 'The window: calm, too high, too low' },
  versions: {
    young: {
      title: { nl: 'Mijn raampje', en: 'My window' },
      slides: [
        {
          heading: { nl: 'Iedereen heeft een raampje', en: 'Everyone has a window' },
          lines: [
            { nl: 'In je raampje voel je je rustig.', en: 'Inside your window you feel calm.' },
            { nl: 'Dan kun je spelen, luisteren en leren.', en: 'Then you can play, listen and learn.' },
          ],
          drawing: 'window',
        },
        {
          heading: { nl: 'Te hoog', en: 'Too high' },
          lines: [
            { nl: 'Soms schiet je boven je raampje uit.', en: 'Sometimes you shoot up above your window.' },
            { nl: 'Dan ben je heel boos, bang of wild.', en: 'Then you feel very cross, scared or wild.' },
          ],
          drawing: 'window-high',
        },
        {
          heading: { nl: 'Te laag', en: 'Too low' },
          lines: [
            { nl: 'Soms zak je onder je raampje.', en: 'Sometimes you sink below your window.' },
            { nl: 'Dan ben je heel moe, stil of een beetje weg.', en: 'Then you feel very tired, quiet or a bit far away.' },
          ],
          drawing: 'window-low',
        },
        {
          heading: { nl: 'Zo zeggen wij het', en: 'This is how we say it' },
          lines: [
            { nl: 'Bij de check-in kies je hoe het met je gaat.', en: 'At check-in you choose how you are.' },
            { nl: 'Alles mag. Je juf of meester helpt je.', en: 'Every choice is okay. Your teacher will help you.' },
          ],
          drawing: 'weather',
          showsCheckinWords: true,
        },
      ],
      questions: [
        { nl: 'Hoe voelt het als je in je raampje bent?', en: 'How does it feel to be inside your window?' },
        { nl: 'Wat doe jij graag als je je rustig voelt?', en: 'What do you like doing when you feel calm?' },
      ],
    },
    middle: {
      title: { nl: 'Het raampje: rustig, te hoog, te laag', en: 'The window: calm, too high, too low' },
      slides: [
        {
          heading: { nl: 'Jouw raampje', en: 'Your window' },
          lines: [
            { nl: 'Stel je een raam voor met een onderkant en een bovenkant.', en: 'Picture a window with a bottom and a top.' },
            { nl: 'Zit je erin, dan ben je rustig genoeg om te denken, te leren en met anderen om te gaan.', en: 'When you are inside it, you are calm enough to think, to learn and to get on with others.' },
          ],
          drawing: 'window',
        },
        {
          heading: { nl: 'Boven je raampje: het alarm', en: 'Above your window: the alarm' },
          lines: [
            { nl: 'Boven je raampje staat je alarm aan.', en: 'Above your window your alarm is on.' },
            { nl: 'Je voelt je onrustig, boos of bang, en denken gaat minder goed.', en: 'You feel restless, angry or scared, and thinking gets harder.' },
          ],
          drawing: 'window-high',
        },
        {
          heading: { nl: 'Onder je raampje: weg', en: 'Below your window: gone' },
          lines: [
            { nl: 'Onder je raampje ben je er niet helemaal bij.', en: 'Below your window you are not fully there.' },
            { nl: 'Je voelt je leeg, moe of alsof alles ver weg is.', en: 'You feel empty, tired or as if everything is far away.' },
          ],
          drawing: 'window-low',
        },
        {
          heading: { nl: 'Ieder raampje is anders', en: 'Every window is different' },
          lines: [
            { nl: 'Bij de een is het raampje breed, bij de ander smal, en het kan per dag verschillen.', en: 'One person has a wide window, another a narrow one, and it can change from day to day.' },
            { nl: 'Slaap, eten en wat er thuis of op het plein gebeurt, spelen allemaal mee.', en: 'Sleep, food and what happens at home or in the playground all play a part.' },
          ],
        },
        {
          heading: { nl: 'Onze woorden', en: 'Our words' },
          lines: [
            { nl: 'Dit zijn de woorden van onze check-in.', en: 'These are the words of our check-in.' },
            { nl: 'Je kiest het woord dat nu bij je past. Er is geen goed of fout.', en: 'You pick the word that fits you right now. There is no right or wrong.' },
          ],
          drawing: 'thermometer',
          showsCheckinWords: true,
        },
      ],
      questions: [
        { nl: 'Wat kun je goed als je in je raampje zit?', en: 'What are you good at when you are inside your window?' },
        { nl: 'Waarom is je raampje niet elke dag even groot?', en: 'Why is your window not the same size every day?' },
        { nl: 'Wat kan een klasgenoot doen als iemand boven zijn raampje zit?', en: 'What can a classmate do when someone is above their window?' },
      ],
    },
    older: {
      title: { nl: 'Het raampje (window of tolerance)', en: 'The window of tolerance' },
      slides: [
        {
          heading: { nl: 'De zone waarin je kunt leren', en: 'The zone in which you can learn' },
          lines: [
            { nl: 'Het raampje is de zone waarin je spanning aankunt: alert genoeg, maar niet overspoeld.', en: 'The window is the zone in which you can handle tension: alert enough, but not overwhelmed.' },
            { nl: 'Daar kun je nadenken, plannen, luisteren en keuzes maken.', en: 'There you can think, plan, listen and make choices.' },
          ],
          drawing: 'window',
        },
        {
          heading: { nl: 'Erboven: het alarm neemt het over', en: 'Above it: the alarm takes over' },
          lines: [
            { nl: 'Boven het raampje zit je te hoog: je hart gaat tekeer en je hoofd loopt vol.', en: 'Above the window you are too high: your heart races and your head fills up.' },
            { nl: 'Je reageert fel of wilt weg.', en: 'You snap at people or want to get away.' },
          ],
          drawing: 'window-high',
        },
        {
          heading: { nl: 'Eronder: uitgeschakeld', en: 'Below it: switched off' },
          lines: [
            { nl: 'Onder het raampje schakelt je lichaam juist terug.', en: 'Below the window your body shifts down instead.' },
            { nl: 'Je voelt je vlak, leeg of afwezig, en dingen komen niet meer binnen.', en: 'You feel flat, empty or absent, and things no longer get through to you.' },
          ],
          drawing: 'window-low',
        },
        {
          heading: { nl: 'Het raampje kan groeien', en: 'The window can grow' },
          lines: [
            { nl: 'Hoe breed je raampje is, hangt af van wat je hebt meegemaakt, van slaap en van steun om je heen.', en: 'How wide your window is depends on what you have been through, on sleep and on the support around you.' },
            { nl: 'Met oefening en veilige mensen wordt het breder.', en: 'With practice and safe people it gets wider.' },
          ],
        },
        {
          heading: { nl: 'Onze woorden', en: 'Our words' },
          lines: [
            { nl: 'In de check-in gebruiken we deze woorden.', en: 'In our check-in we use these words.' },
            { nl: 'Ze zeggen waar je nu zit, niet wie je bent.', en: 'They say where you are right now, not who you are.' },
          ],
          drawing: 'thermometer',
          showsCheckinWords: true,
        },
      ],
      questions: [
        { nl: 'Hoe zie je aan iemand dat die boven of onder het raampje zit?', en: 'How can you tell that someone is above or below their window?' },
        { nl: 'Wat maakt jouw raampje op een dag smaller, en wat maakt het breder?', en: 'What makes your window narrower on a given day, and what makes it wider?' },
        { nl: 'Wat heb je van een ander nodig als je buiten je raampje zit?', en: 'What do you need from someone else when you are outside your window?' },
      ],
    },
  },
};

const noticing: WindowLesson = {
  id: 'noticing',
  number: 3,
  staffTitle: { nl: 'Merken waar je bent', en: 'Noticing where you are' },
  versions: {
    young: {
      title: { nl: 'Wat voor weer is het in mij?', en: 'What is the weather inside me?' },
      slides: [
        {
          heading: { nl: 'Ook binnen in je is er weer', en: 'There is weather inside you too' },
          lines: [
            { nl: 'Soms is het zonnig in je. Soms waait of onweert het.', en: 'Sometimes it is sunny inside you. Sometimes it is windy or stormy.' },
            { nl: 'En soms is het mistig.', en: 'And sometimes it is foggy.' },
          ],
          drawing: 'weather',
          showsCheckinWords: true,
        },
        {
          heading: { nl: 'Voel eens aan je lijf', en: 'Feel your body' },
          lines: [
            { nl: 'Leg je hand op je buik. Gaat je adem snel of langzaam?', en: 'Put your hand on your tummy. Is your breathing fast or slow?' },
            { nl: 'Voel je hart. Bonkt het, of is het rustig?', en: 'Feel your heart. Is it pounding, or is it calm?' },
          ],
          drawing: 'breathing',
        },
        {
          heading: { nl: 'Kijk naar je handen en je gezicht', en: 'Look at your hands and your face' },
          lines: [
            { nl: 'Zijn je handen zacht, of zijn het vuisten?', en: 'Are your hands soft, or are they fists?' },
            { nl: 'Voelt je gezicht blij, boos of moe?', en: 'Does your face feel happy, cross or tired?' },
          ],
        },
        {
          heading: { nl: 'Wijs het aan', en: 'Point to it' },
          lines: [
            { nl: 'Je hoeft niets uit te leggen.', en: 'You do not have to explain anything.' },
            { nl: 'Wijs je weer aan. Dan weet je juf of meester hoe het gaat.', en: 'Point to your weather. Then your teacher knows how you are.' },
          ],
        },
      ],
      questions: [
        { nl: 'Wil je laten zien wat voor weer het nu in je is? Het mag, het hoeft niet.', en: 'Would you like to show the weather inside you right now? You may, you do not have to.' },
        { nl: 'Hoe voelt je lijf als het onweert in je?', en: 'How does your body feel when there is a storm inside you?' },
      ],
    },
    middle: {
      title: { nl: 'Waar zit ik nu?', en: 'Where am I right now?' },
      slides: [
        {
          heading: { nl: 'Even stilstaan', en: 'Stop for a moment' },
          lines: [
            { nl: 'Je kunt pas iets aan spanning doen als je merkt dat die er is.', en: 'You can only do something about tension once you notice it is there.' },
            { nl: 'Merken kun je oefenen, net als rekenen.', en: 'Noticing is something you can practise, just like maths.' },
          ],
          drawing: 'thermometer',
        },
        {
          heading: { nl: 'Check je lijf', en: 'Check your body' },
          lines: [
            { nl: 'Hoe gaat je adem? Hoe voelen je schouders, je buik en je handen?', en: 'How is your breathing? How do your shoulders, your tummy and your hands feel?' },
            { nl: 'Je lijf merkt het vaak eerder dan je hoofd.', en: 'Your body often notices before your head does.' },
          ],
          drawing: 'body-stress',
        },
        {
          heading: { nl: 'Check je gedachten en je gevoel', en: 'Check your thoughts and feelings' },
          lines: [
            { nl: 'Razen je gedachten, of is het juist leeg in je hoofd?', en: 'Are your thoughts racing, or does your head feel empty?' },
            { nl: 'Welk woord past bij je gevoel?', en: 'Which word fits your feeling?' },
          ],
        },
        {
          heading: { nl: 'De check-in', en: 'The check-in' },
          lines: [
            { nl: 'Bij de check-in kies je elke dag een van deze woorden.', en: 'At check-in you choose one of these words each day.' },
            { nl: 'Zo weet je zelf waar je zit, en je leerkracht ook.', en: 'That way you know where you are, and so does your teacher.' },
          ],
          drawing: 'window',
          showsCheckinWords: true,
        },
      ],
      questions: [
        { nl: 'Wat merk jij het eerst: iets in je lijf, in je gedachten of in je gevoel?', en: 'What do you notice first: something in your body, your thoughts or your feelings?' },
        { nl: 'Op welk moment van de dag is het handig om even te checken waar je zit?', en: 'At what moment of the day is it useful to check where you are?' },
        { nl: 'Hoe kun je een ander vragen hoe het gaat, zonder dat die zich bekeken voelt?', en: 'How can you ask someone how they are, without making them feel watched?' },
      ],
    },
    older: {
      title: { nl: 'Signalen herkennen', en: 'Recognising the signals' },
      slides: [
        {
          heading: { nl: 'Vroege signalen', en: 'Early signals' },
          lines: [
            { nl: 'Spanning loopt meestal in stappen op. Hoe eerder je het merkt, hoe makkelijker je bijstuurt.', en: 'Tension usually builds up in steps. The sooner you notice, the easier it is to steer.' },
            { nl: 'Denk aan een thermometer: je wilt het zien bij warm, niet pas als het overkookt.', en: 'Think of a thermometer: you want to see it at warm, not only when it boils over.' },
          ],
          drawing: 'thermometer',
        },
        {
          heading: { nl: 'In je lichaam', en: 'In your body' },
          lines: [
            { nl: 'Kaken op elkaar, schouders omhoog, snelle adem, onrustige benen.', en: 'A clenched jaw, raised shoulders, quick breathing, restless legs.' },
            { nl: 'Of juist: zwaar en moe, alsof alles vertraagt.', en: 'Or the opposite: heavy and tired, as if everything slows down.' },
          ],
          drawing: 'body-stress',
        },
        {
          heading: { nl: 'In je gedachten en gedrag', en: 'In your thoughts and behaviour' },
          lines: [
            { nl: 'Alles is ineens stom, je wordt kortaf, of je trekt je terug.', en: 'Suddenly everything is stupid, you get short with people, or you withdraw.' },
            { nl: 'Dat zijn geen fouten, maar aanwijzingen.', en: 'Those are not failures, they are clues.' },
          ],
        },
        {
          heading: { nl: 'Jouw woorden', en: 'Your words' },
          lines: [
            { nl: 'In de check-in kies je elke dag het woord dat het best past.', en: 'In the check-in you choose the word that fits best, every day.' },
            { nl: 'Eerlijk kiezen helpt jou en je mentor om op tijd iets te doen.', en: 'Choosing honestly helps you and your mentor to act in time.' },
          ],
          drawing: 'window',
          showsCheckinWords: true,
        },
      ],
      questions: [
        { nl: 'Wat is bij jou het eerste signaal dat je spanning oploopt?', en: 'What is your first signal that tension is building?' },
        { nl: 'Zijn er momenten of plekken waar je vaker buiten je raampje raakt?', en: 'Are there moments or places where you more often end up outside your window?' },
        { nl: 'Hoe kan een ander je laten weten dat hij iets ziet, op een manier die prettig voelt?', en: 'How could someone let you know they notice something, in a way that feels okay?' },
      ],
    },
  },
};

const backIntoTheWindow: WindowLesson = {
  id: 'back-into-the-window',
  number: 4,
  staffTitle: { nl: 'Wat je helpt om terug te komen', en: 'What helps you come back' },
  versions: {
    young: {
      title: { nl: 'Terug in mijn raampje', en: 'Back in my window' },
      slides: [
        {
          heading: { nl: 'Rustig ademen', en: 'Calm breathing' },
          lines: [
            { nl: 'Ruik aan een bloem: adem in door je neus.', en: 'Smell a flower: breathe in through your nose.' },
            { nl: 'Blaas een kaarsje uit: adem langzaam uit.', en: 'Blow out a candle: breathe out slowly.' },
          ],
          drawing: 'breathing',
        },
        {
          heading: { nl: 'Bewegen', en: 'Moving' },
          lines: [
            { nl: 'Schud je handen en je benen los.', en: 'Shake out your hands and your legs.' },
            { nl: 'Spring als een kikker, of stamp als een olifant.', en: 'Jump like a frog, or stomp like an elephant.' },
          ],
          drawing: 'moving',
        },
        {
          heading: { nl: 'Iemand bij je', en: 'Someone with you' },
          lines: [
            { nl: 'Je mag altijd naar je juf of meester gaan.', en: 'You can always go to your teacher.' },
            { nl: 'Samen word je makkelijker rustig.', en: 'Calming down is easier together.' },
          ],
          drawing: 'friend',
        },
        {
          heading: { nl: 'Wat helpt jou?', en: 'What helps you?' },
          lines: [
            { nl: 'Iedereen is anders.', en: 'Everyone is different.' },
            { nl: 'We gaan samen uitproberen wat jou helpt.', en: 'We will try out together what helps you.' },
          ],
        },
      ],
      questions: [
        { nl: 'Wat doe jij als je rustig wilt worden?', en: 'What do you do when you want to calm down?' },
        { nl: 'Wie kan jou helpen als het onweert in je?', en: 'Who can help you when there is a storm inside you?' },
      ],
    },
    middle: {
      title: { nl: 'Wat helpt je terug?', en: 'What helps you back?' },
      slides: [
        {
          heading: { nl: 'Eerst je lijf', en: 'Your body first' },
          lines: [
            { nl: 'Zit je boven je raampje, dan helpt praten vaak nog niet.', en: 'When you are above your window, talking often does not help yet.' },
            { nl: 'Begin bij je lijf: langzaam uitademen is een rem op je alarm.', en: 'Start with your body: breathing out slowly puts the brakes on your alarm.' },
          ],
          drawing: 'breathing',
        },
        {
          heading: { nl: 'Bewegen en voelen', en: 'Moving and sensing' },
          lines: [
            { nl: 'Te hoog? Duw tegen de muur, rek je uit, noem vijf dingen die je ziet.', en: 'Too high? Push against the wall, stretch, name five things you can see.' },
            { nl: 'Te laag? Sta op, spring een paar keer, drink een slok koud water.', en: 'Too low? Stand up, jump a few times, take a sip of cold water.' },
          ],
          drawing: 'moving',
        },
        {
          heading: { nl: 'Samen gaat het beter', en: 'It goes better together' },
          lines: [
            { nl: 'Een rustige volwassene of klasgenoot naast je helpt je lijf tot rust te komen.', en: 'A calm adult or classmate beside you helps your body settle.' },
            { nl: 'Je mag altijd om hulp vragen. Dat is sterk, niet zwak.', en: 'You can always ask for help. That is strong, not weak.' },
          ],
          drawing: 'friend',
        },
        {
          heading: { nl: 'Daarna praten', en: 'Then talk' },
          lines: [
            { nl: 'Ben je weer in je raampje, dan kun je erover praten: wat gebeurde er en wat hielp?', en: 'Once you are back in your window, you can talk about it: what happened, and what helped?' },
            { nl: 'Zo leer je je eigen hulpjes kennen.', en: 'That is how you get to know your own helpers.' },
          ],
        },
        {
          heading: { nl: 'Oefenen als het rustig is', en: 'Practise when it is calm' },
          lines: [
            { nl: 'Een hulpje werkt het best als je het al kent.', en: 'A helper works best when you already know it.' },
            { nl: 'Daarom oefenen we ze ook op gewone, rustige momenten.', en: 'That is why we also practise them at ordinary, calm moments.' },
          ],
        },
      ],
      questions: [
        { nl: 'Welk hulpje wil jij deze week uitproberen?', en: 'Which helper would you like to try this week?' },
        { nl: 'Helpt iets anders als je te laag zit dan als je te hoog zit?', en: 'Does something different help when you are too low than when you are too high?' },
        { nl: 'Hoe help je een klasgenoot zonder dat die zich opgejaagd voelt?', en: 'How do you help a classmate without making them feel rushed?' },
      ],
    },
    older: {
      title: { nl: 'Terug in je raampje', en: 'Back into your window' },
      slides: [
        {
          heading: { nl: 'Van onderop', en: 'From the bottom up' },
          lines: [
            { nl: 'Als het alarm aanstaat, is je denkende brein even minder goed bereikbaar.', en: 'When the alarm is on, your thinking brain is harder to reach for a while.' },
            { nl: 'Dan werkt eerst iets met je lichaam: rustig uitademen, bewegen, iets kouds vasthouden.', en: 'So something with your body works first: breathing out slowly, moving, holding something cold.' },
          ],
          drawing: 'breathing',
        },
        {
          heading: { nl: 'Te hoog of te laag', en: 'Too high or too low' },
          lines: [
            { nl: 'Te hoog vraagt om vertragen: uitademen, spieren aanspannen en loslaten, een rustige plek.', en: 'Too high asks for slowing down: breathing out, tensing and releasing your muscles, a quiet spot.' },
            { nl: 'Te laag vraagt om op gang komen: opstaan, een stukje lopen, muziek, frisse lucht.', en: 'Too low asks for getting going: standing up, a short walk, music, fresh air.' },
          ],
          drawing: 'moving',
        },
        {
          heading: { nl: 'Verbinding', en: 'Connection' },
          lines: [
            { nl: 'Een veilig persoon in de buurt is een van de sterkste manieren om terug te komen.', en: 'A safe person nearby is one of the strongest ways to come back.' },
            { nl: 'Hulp vragen is een vaardigheid, geen zwakte.', en: 'Asking for help is a skill, not a weakness.' },
          ],
          drawing: 'friend',
        },
        {
          heading: { nl: 'Daarna: van bovenaf', en: 'Then: from the top down' },
          lines: [
            { nl: 'Ben je weer rustig, kijk dan terug: wat zette het alarm aan, wat hielp, wat doe je een volgende keer?', en: 'Once you are calm again, look back: what set off the alarm, what helped, what will you do next time?' },
            { nl: 'Zo bouw je je eigen plan.', en: 'That is how you build your own plan.' },
          ],
        },
      ],
      questions: [
        { nl: 'Wat werkt voor jou om te vertragen, en wat om weer op gang te komen?', en: 'What works for you to slow down, and what to get going again?' },
        { nl: 'Wat kan de klas doen zodat terugkomen makkelijker wordt?', en: 'What could the class do to make coming back easier?' },
        { nl: 'Welk hulpje wil je oefenen op een moment dat het goed met je gaat?', en: 'Which helper would you like to practise at a moment when you feel fine?' },
      ],
    },
  },
};

/** The four lessons, in order. */
export const WINDOW_LESSONS: readonly WindowLesson[] = [stressInYourBody, theWindow, noticing, backIntoTheWindow];

/** Whether a string is one of the lessons' ids. */
export function isWindowLessonId(value: string): value is WindowLessonId {
  return (WINDOW_LESSON_IDS as readonly string[]).includes(value);
}

/** The lesson with this id. */
export function windowLessonById(id: WindowLessonId): WindowLesson {
  const found = WINDOW_LESSONS.find((lesson) => lesson.id === id);
  if (!found) throw new Error(`no window lesson ${id}`);
  return found;
}
