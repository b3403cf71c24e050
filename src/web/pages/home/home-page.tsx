import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../components/page';
import { roleLabel } from '../../i18n/role-labels';
import { useSession } from '../../session/session-context';
import { MfaHomeNotice } from '../account/mfa-notices';
import { HomeGettingStarted } from './home-getting-started';
import { HomeInvitations } from './home-invitations';
import { HomeOpenTasks } from './home-open-tasks';

/** The start page: the boards and schools the signed-in person works for. */
export function HomePage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const user = session.user;
  if (!user) return null;
  const hasPlaces = session.boards.length > 0 || session.schools.length > 0;
  const boardName = (boardId: string) => session.boards.find((board) => board.id === boardId)?.name;

  return (
    <Page title={t('Welkom, {{name}}', { name: user.name })}>
      <MfaHomeNotice session={session} />
      <HomeInvitations />
      {!hasPlaces ? <p className="notice">{t('Je hebt nog geen toegang tot een bestuur of school. Vraag je schoolbeheerder om je rollen te geven.')}</p> : null}
      <HomeGettingStarted schools={session.schools} />
      <HomeOpenTasks schools={session.schools} />
      {session.boards.length > 0 ? (
        <section aria-labelledby="besturen-kop">
          <h2 id="besturen-kop">{t('Mijn besturen')}</h2>
          <ul className="card-list">
            {session.boards.map((board) => (
              <li key={board.id} className="card">
                <Link to={`/besturen/${board.id}`} className="card-title">
                  {board.name}
                </Link>
                <p className="muted">{board.roles.map((role) => roleLabel(t, role)).join(', ')}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {session.schools.length > 0 ? (
        <section aria-labelledby="scholen-kop">
          <h2 id="scholen-kop">{t('Mijn scholen')}</h2>
          <ul className="card-list">
            {session.schools.map((school) => (
              <li key={school.id} className="card">
                <Link to={`/scholen/${school.id}`} className="card-title">
                  {school.name}
                </Link>
                <p className="muted">
                  {school.roles.map((role) => roleLabel(t, role)).join(', ')}
                  {boardName(school.boardId) ? ` · ${boardName(school.boardId)}` : ''}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Page>
  );
}
