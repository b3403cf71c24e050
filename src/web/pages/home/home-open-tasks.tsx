import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, apiPath } from '../../api/api-client';
import type { ModelSummary, RoundDetail, RoundSummary, Session } from '../../api/api-types';
import { LoadState } from '../../components/load-state';

/** One self-scan the person still has to fill in. */
interface OpenTask {
  schoolId: string;
  schoolName: string;
  roundId: string;
  roundName: string;
}

/**
 * The open rounds of one school that invite the person and still miss answers: fewer own answers
 * ("weet ik niet" counts as an answer) than the model has aspects.
 */
async function openTasksOf(school: Session['schools'][number]): Promise<OpenTask[]> {
  const rounds = await api.get<RoundSummary[]>(apiPath('/api/schools/:schoolId/selfscan/rounds', { schoolId: school.id }));
  const candidates = rounds.filter((round) => round.status === 'open' && round.isInvited);
  if (candidates.length === 0) return [];
  const [models, details] = await Promise.all([
    api.get<ModelSummary[]>(apiPath('/api/schools/:schoolId/selfscan/models', { schoolId: school.id })),
    Promise.all(candidates.map((round) => api.get<RoundDetail>(apiPath('/api/schools/:schoolId/selfscan/rounds/:roundId', { schoolId: school.id, roundId: round.id })))),
  ]);
  const aspectCount = new Map(models.map((model) => [model.id, model.aspectCount]));
  return details
    .filter((round) => round.myAnswers.length < (aspectCount.get(round.model.id) ?? Number.POSITIVE_INFINITY))
    .map((round) => ({ schoolId: school.id, schoolName: school.name, roundId: round.id, roundName: round.name }));
}

/** The home page's to-do list: self-scans the person is invited to that are open and not yet complete. */
export function HomeOpenTasks({ schools }: { schools: Session['schools'] }) {
  const { t } = useTranslation();
  // Only schools where the person has a role: a board admin's view of a school holds no tasks for them.
  const memberSchools = schools.filter((school) => school.roles.length > 0);
  const schoolKey = memberSchools.map((school) => school.id).join(',');
  const [tasks, setTasks] = useState<OpenTask[] | null>(null);
  const [hasFailed, setHasFailed] = useState(false);

  useEffect(() => {
    let isCurrent = true;
    setTasks(null);
    setHasFailed(false);
    void Promise.allSettled(memberSchools.map(openTasksOf)).then((outcomes) => {
      if (!isCurrent) return;
      setTasks(outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? outcome.value : [])));
      setHasFailed(outcomes.some((outcome) => outcome.status === 'rejected'));
    });
    return () => {
      isCurrent = false;
    };
    // The school ids are the real input; the array itself is rebuilt on every render.
  }, [schoolKey]);

  if (memberSchools.length === 0) return null;
  const showSchool = memberSchools.length > 1;
  return (
    <section aria-labelledby="taken-kop">
      <h2 id="taken-kop">{t('Open taken')}</h2>
      <LoadState error={null} isLoading={tasks === null} />
      {hasFailed ? <p className="notice notice-error">{t('Niet alle open taken konden worden geladen. Probeer het later opnieuw.')}</p> : null}
      {tasks === null ? null : tasks.length === 0 ? (
        hasFailed ? null : <p className="muted">{t('Geen open taken.')}</p>
      ) : (
        <ul className="task-list">
          {tasks.map((task) => (
            <li key={task.roundId}>
              <Link to={`/scholen/${task.schoolId}/zelfscan/${task.roundId}/invullen`}>{t('Zelfscan invullen: {{name}}', { name: task.roundName })}</Link>
              {showSchool ? <span className="muted"> · {task.schoolName}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
