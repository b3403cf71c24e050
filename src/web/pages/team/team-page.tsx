import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../components/page';
import { useSchool } from '../school/school-layout';
import { competencePath, intervisionPath, journalPath, onboardingPath, pulsePath } from './team-paths';

/**
 * The team area (issue 17): the way into what the school does for its own people. Every staff member sees every
 * part; what each part shows depends on their relation (their own profile and journal, their buddy, a chef-buddy's
 * pairs, the leader's overview), so the links are the same for everyone.
 */
export function TeamPage() {
  const { t } = useTranslation();
  const { school } = useSchool();
  const parts = [
    { to: onboardingPath(school.id), title: t('Inwerken'), text: t('Het inwerkboek van de school, het inwerkschema van drie weken en de buddy van elke nieuwe collega.') },
    { to: competencePath(school.id), title: t('Mijn competentieprofiel'), text: t('Schat jezelf in op de zeven competenties, noteer bewijs en doelen. Alleen jij ziet het, tenzij je het deelt.') },
    { to: pulsePath(school.id), title: t('Welzijn van het team'), text: t('Een korte anonieme peiling naar energie, spanning en steun, en waar je hulp vindt.') },
    { to: journalPath(school.id), title: t('Mijn reflectie'), text: t('Een privé logboek om op je eigen werk te reflecteren. Niemand anders kan het lezen.') },
    { to: intervisionPath(school.id), title: t('Intervisie en supervisie'), text: t('Bijeenkomsten met datum, deelnemers, thema en het TSO-kernbegrip dat aan bod kwam.') },
  ];
  return (
    <Page title={t('Team')} intro={<p>{t('Kinderen die veel hebben meegemaakt, hebben rustige en voorspelbare volwassenen nodig. Hier zorgt de school ook voor die volwassenen.')}</p>}>
      <ul className="card-list">
        {parts.map((part) => (
          <li key={part.to}>
            <h2>
              <Link to={part.to}>{part.title}</Link>
            </h2>
            <p>{part.text}</p>
          </li>
        ))}
      </ul>
    </Page>
  );
}
