import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { WINDOW_LESSONS, type WindowLesson, type WindowLessonId } from '../../../shared/window-lessons';
import { api, ApiError, apiPath } from '../../api/api-client';
import type { SchoolClass } from '../../api/api-types';
import type { ClassWindowLessons } from '../../api/regulation-types';
import { useApiData } from '../../api/use-api-data';
import { useFormErrors } from '../../components/form-errors';
import { SelectField, TextField } from '../../components/form-fields';
import { ErrorMessage, LoadState, SuccessMessage } from '../../components/load-state';
import { Page } from '../../components/page';
import { useFormat } from '../../i18n/format';
import { useSession } from '../../session/session-context';
import { ageGroupLabel } from '../checkin/checkin-labels';
import { useSchool } from '../school/school-layout';
import { wordingOf } from './regulation-labels';
import { regulationPath } from './regulation-paths';
import { WindowLessonScreen } from './window-lesson-screen';

/**
 * "Ken je raampje": the four class lessons about stress and the window, for a chosen class — in the class's age
 * version and with the words of its own check-in — each shown full-screen on the smartboard and recorded as given.
 */
export function WindowLessonsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { school } = useSchool();
  const { session } = useSession();
  const [search, setSearch] = useSearchParams();
  const roles = session.schools.find((entry) => entry.id === school.id)?.roles ?? [];
  const classes = useApiData<SchoolClass[]>(
    apiPath('/api/schools/:schoolId/classes', { schoolId: school.id }, { schoolYear: school.currentSchoolYear, taughtByMe: roles.includes('care_team') ? undefined : 'true' }),
  );
  const classId = search.get('klas') ?? '';
  const base = apiPath('/api/schools/:schoolId/classes/:classId/window-lessons', { schoolId: school.id, classId });
  const lessons = useApiData<ClassWindowLessons>(classId ? base : null);
  const [shown, setShown] = useState<WindowLesson | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [screenFailure, setScreenFailure] = useState<string | null>(null);
  const showButtons = useRef(new Map<WindowLessonId, HTMLButtonElement>());

  const open = (lesson: WindowLesson) => {
    setSaved(null);
    setScreenFailure(null);
    setShown(lesson);
  };
  // Back to the lesson's "show" button (the dialog gives focus back itself; this also covers a re-rendered button).
  const close = () => {
    const lessonId = shown?.id;
    setShown(null);
    if (lessonId) window.requestAnimationFrame(() => showButtons.current.get(lessonId)?.focus());
  };
  const record = async (lesson: WindowLesson, givenOn: string) => {
    const updated = await api.post<ClassWindowLessons>(`${base}/${lesson.id}/given`, { givenOn });
    lessons.setData(updated);
    setSaved(t('Les {{number}} is vastgelegd als gegeven op {{date}}.', { number: lesson.number, date: format.date(givenOn) }));
  };
  const recordFromScreen = async () => {
    if (!shown || !lessons.data) return;
    try {
      await record(shown, lessons.data.today);
      close();
    } catch (error) {
      setScreenFailure(error instanceof ApiError ? error.message : String(error));
    }
  };
  const undo = async (lesson: WindowLesson, givenId: string, givenOn: string) => {
    setSaved(null);
    setFailure(null);
    try {
      await api.delete(`${base}/${lesson.id}/given/${givenId}`);
      lessons.reload();
      setSaved(t('Les {{number}} van {{date}} is niet meer vastgelegd.', { number: lesson.number, date: format.date(givenOn) }));
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : String(error));
    }
  };

  return (
    <Page
      title={t('Ken je raampje')}
      intro={
        <p>
          {t('Vier korte lessen om op het digibord te laten zien: wat stress doet in je lijf, het raampje, merken waar je zit en wat je helpt om terug te komen. Elke les past bij de leeftijd van de klas en gebruikt de woorden van jullie check-in.')}
        </p>
      }
    >
      <SuccessMessage message={saved} />
      <ErrorMessage message={failure} />
      <SelectField
        id="lessen-klas"
        label={t('Klas')}
        value={classId}
        onChange={(value) => setSearch(value ? { klas: value } : {})}
        options={[{ value: '', label: t('Geen klas gekozen') }, ...(classes.data ?? []).map((item) => ({ value: item.id, label: item.name }))]}
        hint={t('Kies een klas om de lessen in de versie voor die klas te zien.')}
      />
      {!classId ? (
        <p className="notice">{t('Kies eerst een klas.')}</p>
      ) : lessons.data ? (
        <>
          <p className="muted">{t('Versie voor {{name}}: {{age}}.', { name: lessons.data.className, age: ageGroupLabel(t, lessons.data.ageGroup) })}</p>
          <ol className="card-list window-lesson-list">
            {WINDOW_LESSONS.map((lesson) => (
              <li key={lesson.id}>
                <LessonCard
                  lesson={lesson}
                  classLessons={lessons.data!}
                  showButton={(button) => {
                    if (button) showButtons.current.set(lesson.id, button);
                  }}
                  onShow={() => open(lesson)}
                  onRecord={(givenOn) => record(lesson, givenOn)}
                  onUndo={(givenId, givenOn) => void undo(lesson, givenId, givenOn)}
                />
              </li>
            ))}
          </ol>
          <WindowLessonScreen lesson={shown} classLessons={lessons.data} onClose={close} onGiven={recordFromScreen} failure={screenFailure} />
        </>
      ) : (
        <LoadState error={lessons.error} isLoading={lessons.isLoading} />
      )}
      <p>
        <Link to={regulationPath(school.id, classId || undefined)}>{t('Naar de regulatieactiviteiten')}</Link>
      </p>
    </Page>
  );
}

interface LessonCardProps {
  lesson: WindowLesson;
  classLessons: ClassWindowLessons;
  showButton: (button: HTMLButtonElement | null) => void;
  onShow: () => void;
  onRecord: (givenOn: string) => Promise<void>;
  onUndo: (givenId: string, givenOn: string) => void;
}

/** One lesson: its name and the class's version, when it was given, show it, or record a day it was given. */
function LessonCard({ lesson, classLessons, showButton, onShow, onRecord, onUndo }: LessonCardProps) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const [givenOn, setGivenOn] = useState(classLessons.today);
  const errors = useFormErrors(`les-${lesson.number}-`);
  const given = classLessons.lessons.find((entry) => entry.lessonId === lesson.id)?.given ?? [];
  const version = lesson.versions[classLessons.ageGroup];
  const headingId = `les-${lesson.number}-kop`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!errors.check({ [`les-${lesson.number}-givenOn`]: /^\d{4}-\d{2}-\d{2}$/.test(givenOn) ? null : t('Vul een datum in.') }, t('De les is nog niet vastgelegd.'))) return;
    try {
      await onRecord(givenOn);
      errors.clear();
    } catch (error) {
      errors.fromError(error, { givenOn: t('Kies een dag in dit schooljaar, vandaag of eerder.') });
    }
  };

  return (
    <article className="card card-quiet" aria-labelledby={headingId}>
      <h2 id={headingId} className="card-title">
        {t('Les {{number}}: {{title}}', { number: lesson.number, title: wordingOf(lesson.staffTitle, i18n.language) })}
      </h2>
      <p className="muted">{t('Voor de klas: "{{title}}", {{slides}} dia\'s en vragen om samen te bespreken.', { title: wordingOf(version.title, i18n.language), slides: version.slides.length })}</p>
      {given.length === 0 ? (
        <p>{t('Nog niet gegeven in dit schooljaar.')}</p>
      ) : (
        <ul className="window-lesson-given">
          {given.map((entry) => (
            <li key={entry.id}>
              {t('Gegeven op {{date}}', { date: format.date(entry.givenOn) })}{' '}
              <button type="button" className="button-link" onClick={() => onUndo(entry.id, entry.givenOn)}>
                {t('Ongedaan maken')}
                <span className="visually-hidden"> {t('(les {{number}} op {{date}})', { number: lesson.number, date: format.date(entry.givenOn) })}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="action-buttons">
        <button ref={showButton} type="button" className="button" onClick={onShow}>
          {t('Les tonen')}
          <span className="visually-hidden"> {t('(les {{number}})', { number: lesson.number })}</span>
        </button>
      </div>
      <details>
        <summary>{t('Op een andere dag gegeven?')}</summary>
        <form onSubmit={(event) => void submit(event)} noValidate>
          {errors.errors.message ? (
            <p className="notice notice-error" role="alert">
              {errors.errors.message}
            </p>
          ) : null}
          <TextField id={`les-${lesson.number}-givenOn`} label={t('Gegeven op')} type="date" value={givenOn} onChange={setGivenOn} error={errors.errors.fields[`les-${lesson.number}-givenOn`]} />
          <button type="submit" className="button button-secondary">
            {t('Vastleggen')}
            <span className="visually-hidden"> {t('(les {{number}})', { number: lesson.number })}</span>
          </button>
        </form>
      </details>
    </article>
  );
}
