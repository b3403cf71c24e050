import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Page } from '../../components/page';
import { useSession } from '../../session/session-context';
import { NotFoundPage } from '../not-found/not-found-page';
import { helpPath, helpTopics, isHelpTopicId } from './help-content';

/** /hulp: every help topic with one line about it. Public: the help is the same for everyone. */
export function HelpOverviewPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('Hulp')} intro={<p>{t('Uitleg per onderdeel van Groeiwijzer: wat het is, wie het gebruikt en hoe het werkt.')}</p>}>
      <ul className="help-topics">
        {helpTopics(t).map((topic) => (
          <li key={topic.id}>
            <Link to={helpPath(topic.id)}>{topic.title}</Link>
            <p>{topic.summary}</p>
          </li>
        ))}
      </ul>
    </Page>
  );
}

/** /hulp/:topic: one area explained, with the school's own privacy statement linked from the privacy topic. */
export function HelpTopicPage() {
  const { t } = useTranslation();
  const { topicId = '' } = useParams();
  const { session } = useSession();
  const topic = isHelpTopicId(topicId) ? helpTopics(t).find((candidate) => candidate.id === topicId) : undefined;
  if (!topic) return <NotFoundPage />;
  return (
    <Page title={topic.title} intro={<p>{topic.summary}</p>}>
      {topic.sections.map((section) => (
        <section key={section.heading} className="help-section">
          <h2>{section.heading}</h2>
          {section.paragraphs.map((paragraph) => (
            <p key={paragraph}>{paragraph}</p>
          ))}
        </section>
      ))}
      {topic.id === 'privacy-en-veiligheid' && session.schools.length > 0 ? (
        <section className="help-section">
          <h2>{t('Privacyverklaring per school')}</h2>
          <ul>
            {session.schools.map((school) => (
              <li key={school.id}>
                <Link to={`/scholen/${school.id}/privacy`}>{t('Privacyverklaring van {{school}}', { school: school.name })}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p>
        <Link to={helpPath()}>{t('Alle hulponderwerpen')}</Link>
      </p>
    </Page>
  );
}
