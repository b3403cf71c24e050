import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WindowLesson } from '../../../shared/window-lessons';
import type { CheckinWord, ClassWindowLessons } from '../../api/regulation-types';
import { Dialog } from '../../components/confirm-dialog';
import { useFormat } from '../../i18n/format';
import { wordingOf } from './regulation-labels';
import { WindowLessonDrawing } from './window-drawings';

interface LessonScreenProps {
  /** The lesson on screen; null when none is shown. */
  lesson: WindowLesson | null;
  classLessons: ClassWindowLessons;
  onClose: () => void;
  /** Records the lesson as given today; resolves once it is stored. */
  onGiven: () => Promise<void>;
  failure: string | null;
}

/**
 * A lesson on the whole screen, for the smartboard: the class's age version one slide at a time (large text, the
 * drawing, on the window slide the words of the class's own check-in), then the questions to talk about. A modal
 * <dialog> like the class code: the page behind it is covered and inert; Escape or "close" ends it and focus returns
 * to the button that opened it. Next and Previous (also the arrow keys and a presenter's page keys) move through it;
 * the questions screen records the lesson as given today — inside the screen, not where Next was, so a quick second
 * click on Next never records it.
 */
export function WindowLessonScreen({ lesson, classLessons, ...rest }: LessonScreenProps) {
  const { t, i18n } = useTranslation();
  const title = lesson ? t('Les {{number}}: {{title}}', { number: lesson.number, title: wordingOf(lesson.versions[classLessons.ageGroup].title, i18n.language) }) : '';
  return (
    <Dialog isOpen={lesson !== null} title={title} onClose={rest.onClose} className="dialog-full-screen window-lesson-screen">
      {lesson ? <LessonSlides key={lesson.id} lesson={lesson} classLessons={classLessons} {...rest} /> : null}
    </Dialog>
  );
}

function LessonSlides({ lesson, classLessons, onClose, onGiven, failure }: Omit<LessonScreenProps, 'lesson'> & { lesson: WindowLesson }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const version = lesson.versions[classLessons.ageGroup];
  // The slides, then one screen with the questions.
  const total = version.slides.length + 1;
  const [index, setIndex] = useState(0);
  const [isSaving, setIsSaving] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const frame = useRef<HTMLDivElement>(null);
  const slide = version.slides[index];
  const say = (text: { nl: string; en: string }) => wordingOf(text, i18n.language);

  // A button that disappears (Previous on the first slide, Next on the last) takes the focus with it: give it to the
  // new slide's heading, so keyboard and screen reader stay in the lesson.
  useEffect(() => {
    const active = document.activeElement;
    if (!active || active === document.body || !frame.current?.contains(active)) heading.current?.focus();
  }, [index]);

  const go = (step: number) => setIndex((now) => Math.min(total - 1, Math.max(0, now + step)));
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowRight' || event.key === 'PageDown') go(1);
    else if (event.key === 'ArrowLeft' || event.key === 'PageUp') go(-1);
    else return;
    event.preventDefault();
  };
  const record = async () => {
    setIsSaving(true);
    try {
      await onGiven();
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <div ref={frame} className="window-lesson-frame" onKeyDown={onKeyDown}>
      <p className="window-lesson-count" aria-live="polite">
        {t('Dia {{current}} van {{total}}', { current: index + 1, total })}
      </p>
      {slide ? (
        <div className={slide.drawing ? 'window-lesson-slide' : 'window-lesson-slide window-lesson-slide-text'}>
          <div className="window-lesson-text">
            <h3 ref={heading} tabIndex={-1}>
              {say(slide.heading)}
            </h3>
            {slide.lines.map((line, number) => (
              <p key={number}>{say(line)}</p>
            ))}
            {slide.showsCheckinWords ? <CheckinWords words={classLessons.checkinWords} groupName={classLessons.className} /> : null}
          </div>
          {slide.drawing ? <WindowLessonDrawing drawing={slide.drawing} /> : null}
        </div>
      ) : (
        <div className="window-lesson-slide window-lesson-slide-text">
          <div className="window-lesson-text">
            <h3 ref={heading} tabIndex={-1}>
              {t('Praat er samen over')}
            </h3>
            <ul className="window-lesson-questions">
              {version.questions.map((question, number) => (
                <li key={number}>{say(question)}</li>
              ))}
            </ul>
            <p className="window-lesson-note">{t('Iedereen mag iets zeggen. Alleen luisteren mag ook.')}</p>
            <p className="window-lesson-record">
              <button type="button" className="button" onClick={() => void record()} disabled={isSaving}>
                {t('Les gegeven op {{date}}', { date: format.date(classLessons.today) })}
              </button>
            </p>
          </div>
        </div>
      )}
      {failure ? (
        <p className="notice notice-error" role="alert">
          {failure}
        </p>
      ) : null}
      <div className="window-lesson-actions">
        {/* Keyed, so a button that goes away takes its focus with it instead of handing its node to another. */}
        {index > 0 ? (
          <button key="previous" type="button" className="button button-secondary" onClick={() => go(-1)}>
            {t('Vorige')}
          </button>
        ) : null}
        {index < total - 1 ? (
          <button key="next" type="button" className="button" onClick={() => go(1)}>
            {t('Volgende')}
          </button>
        ) : null}
        <button key="close" type="button" className="button button-secondary" onClick={onClose}>
          {t('Les sluiten')}
        </button>
      </div>
    </div>
  );
}

/** The words of the class's check-in, from the top of the thermometer down, each in its state's colour. */
function CheckinWords({ words, groupName }: { words: readonly CheckinWord[]; groupName: string }) {
  const { t, i18n } = useTranslation();
  return (
    <ul className="window-lesson-words" aria-label={t('Woorden van de check-in van {{name}}', { name: groupName })}>
      {words.map((word) => (
        <li key={word.state} className={`window-word window-word-${word.state}`}>
          {wordingOf(word.label, i18n.language)}
        </li>
      ))}
    </ul>
  );
}
