import { useTranslation } from 'react-i18next';
import { WINDOW_LESSONS } from '../../../shared/window-lessons';
import { apiPath } from '../../api/api-client';
import type { LessonEvidence } from '../../api/regulation-types';
import { useApiData } from '../../api/use-api-data';
import { LoadState } from '../../components/load-state';
import { useFormat } from '../../i18n/format';
import { wordingOf } from './regulation-labels';

/** The self-scan layers the lessons are evidence for: shared language (layer 1) and stress and relaxation (layer 3B). */
export type LessonEvidenceLayer = 'layer-1' | 'layer-3b';

/**
 * The "know your window" lessons as evidence beside a layer of the self-scan: per lesson, in how many of this school
 * year's classes it was given. Counts of classes only. Render it only for people who hold school.regulation.manage;
 * the API refuses everyone else.
 */
export function WindowLessonEvidence({ schoolId, layer }: { schoolId: string; layer: LessonEvidenceLayer }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { data, error, isLoading } = useApiData<LessonEvidence>(apiPath('/api/schools/:schoolId/regulation/lesson-evidence', { schoolId }));
  const headingId = `raampje-lessen-${layer}`;
  // Folded by default, one line beside the layer (the results page stays short); the heading names the region.
  return (
    <section className="folded-evidence window-lesson-evidence" aria-labelledby={headingId}>
      <details>
        <summary>
          <h3 id={headingId}>{layer === 'layer-1' ? t('Ken je raampje (laag 1, gedeelde taal)') : t('Ken je raampje (laag 3B, omgaan met stress en ontspanning)')}</h3>
        </summary>
        {data ? (
          data.classes === 0 ? (
            <p>{t('Dit schooljaar heeft de school nog geen klassen.')}</p>
          ) : (
            <>
              <ul>
                {data.lessons.map((entry) => {
                  const lesson = WINDOW_LESSONS.find((candidate) => candidate.id === entry.lessonId);
                  return (
                    <li key={entry.lessonId}>
                      {t('Les {{number}}, {{title}}: gegeven in {{given}} van {{classes}} klassen', {
                        number: lesson?.number ?? '',
                        title: lesson ? wordingOf(lesson.staffTitle, i18n.language) : entry.lessonId,
                        given: format.number(entry.classesGiven),
                        classes: format.number(data.classes),
                      })}
                    </li>
                  );
                })}
              </ul>
              <p className="muted">{t('Een klas telt mee als de les er in schooljaar {{year}} minstens één keer is gegeven. Leerkrachten leggen dat vast bij Regulatie, Ken je raampje.', { year: data.schoolYear })}</p>
            </>
          )
        ) : (
          <LoadState error={error} isLoading={isLoading} />
        )}
      </details>
    </section>
  );
}
