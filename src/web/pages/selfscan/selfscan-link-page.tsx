import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { api, apiPath } from '../../api/api-client';
import type { RoundSummary } from '../../api/api-types';
import { LoadState } from '../../components/load-state';
import { Page } from '../../components/page';
import { useSession } from '../../session/session-context';

/**
 * The link in the invitation mail (`/zelfscan/:roundId`) names only the round: this page looks it up
 * in the rounds of the person's schools and forwards to the school's respondent page.
 */
export function SelfscanLinkPage() {
  const { t } = useTranslation();
  const { roundId = '' } = useParams();
  const { session } = useSession();
  const [found, setFound] = useState<{ schoolId: string | null } | null>(null);
  const schoolIds = session.schools.map((school) => school.id).join(',');

  useEffect(() => {
    let isCurrent = true;
    setFound(null);
    // Only the person's own schools can have invited them; a school that fails to answer is skipped.
    void Promise.all(
      schoolIds
        .split(',')
        .filter(Boolean)
        .map(async (schoolId) => {
          const rounds = await api.get<RoundSummary[]>(apiPath('/api/schools/:schoolId/selfscan/rounds', { schoolId })).catch(() => []);
          return rounds.some((round) => round.id === roundId) ? schoolId : null;
        }),
    ).then((matches) => {
      if (isCurrent) setFound({ schoolId: matches.find((match) => match !== null) ?? null });
    });
    return () => {
      isCurrent = false;
    };
  }, [roundId, schoolIds]);

  if (found === null) {
    return (
      <Page title={t('Zelfscan')}>
        <LoadState error={null} isLoading />
      </Page>
    );
  }
  if (found.schoolId) return <Navigate to={`/scholen/${found.schoolId}/zelfscan/${roundId}/invullen`} replace />;
  return (
    <Page title={t('Zelfscan niet gevonden')}>
      <p>{t('Deze zelfscanronde hoort niet bij een van jouw scholen. Misschien ben je met een ander account ingelogd dan het adres waarop je de uitnodiging kreeg.')}</p>
      <p>
        <Link to="/">{t('Naar de startpagina')}</Link>
      </p>
    </Page>
  );
}
