import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, apiPath } from '../../api/api-client';
import type { IntervisionLog, IntervisionSession } from '../../api/team-intervision-types';
import { useApiData } from '../../api/use-api-data';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useRefusalWords } from '../../components/form-errors';
import { ErrorMessage, LoadState, SuccessMessage } from '../../components/load-state';
import { Page } from '../../components/page';
import { useFormat } from '../../i18n/format';
import { useSession } from '../../session/session-context';
import { useSchool } from '../school/school-layout';
import { IntervisionFiguresSection } from './intervision-figures';
import { IntervisionSessionForm } from './intervision-form';
import { coreConceptLabel, intervisionKindLabel } from './intervision-labels';

/**
 * The intervision and supervision log: the sessions the caller took part in or recorded, recording a new one, changing
 * or removing one they recorded (asked first); leadership and TSO leads see the counts per school year.
 */
export function IntervisionPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { school, can } = useSchool();
  const { session: signedIn } = useSession();
  const refusal = useRefusalWords();
  const log = useApiData<IntervisionLog>(apiPath('/api/schools/:schoolId/team/intervision', { schoolId: school.id }));
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [editing, setEditing] = useState<IntervisionSession | null>(null);
  const [removal, setRemoval] = useState<IntervisionSession | null>(null);
  const [formKey, setFormKey] = useState(0);
  const data = log.data;

  const saved = (note: string) => {
    setMessage(note);
    setFailure(null);
    setEditing(null);
    setFormKey((key) => key + 1);
    log.reload();
  };
  const remove = async () => {
    if (!removal) return;
    try {
      await api.delete(apiPath('/api/schools/:schoolId/team/intervision/sessions/:sessionId', { schoolId: school.id, sessionId: removal.id }));
      setRemoval(null);
      saved(t('De bijeenkomst is verwijderd.'));
    } catch (error) {
      setRemoval(null);
      setFailure(refusal.failure(error));
    }
  };

  const intro = t('Leg intervisie en supervisie vast: wanneer, met wie, over welk thema en welk TSO-kernbegrip. Wie erbij was, leest het terug. De schoolleiding ziet alleen aantallen.');
  return (
    <Page title={t('Intervisie en supervisie')} intro={intro}>
      <SuccessMessage message={message} />
      <ErrorMessage message={failure} />
      {!data ? (
        <LoadState error={log.error} isLoading={log.isLoading} />
      ) : (
        <>
          <section aria-labelledby="intervisie-mijn">
            <h2 id="intervisie-mijn">{t('Mijn bijeenkomsten')}</h2>
            {data.sessions.length === 0 ? (
              <p className="muted">{t('Je hebt nog geen bijeenkomst vastgelegd of bijgewoond.')}</p>
            ) : (
              <ul className="care-stack">
                {data.sessions.map((session) => (
                  <li key={session.id} className="card">
                    <h3>
                      {format.date(session.heldOn)} · {intervisionKindLabel(t, session.kind)}: {session.theme}
                    </h3>
                    <p>
                      {t('Kernbegrip: {{concept}}', { concept: coreConceptLabel(t, session.coreConcept) })}
                      {session.isCareTeamRun ? ` · ${t('geleid door het zorgteam')}` : ''}
                    </p>
                    {session.note ? <p className="preserve-lines">{session.note}</p> : null}
                    <p className="muted">
                      {t('Deelnemers: {{names}}', { names: session.participants.map((person) => person.name).join(', ') })}
                      {session.recordedBy ? ` · ${t('vastgelegd door {{name}}', { name: session.recordedBy.name })}` : ''}
                    </p>
                    {session.isRecordedByMe ? (
                      <p>
                        <button type="button" className="button button-small button-secondary" onClick={() => setEditing(session)}>
                          {t('Wijzigen: {{theme}}', { theme: session.theme })}
                        </button>{' '}
                        <button type="button" className="button button-small button-secondary" onClick={() => setRemoval(session)}>
                          {t('Verwijderen: {{theme}}', { theme: session.theme })}
                        </button>
                      </p>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <IntervisionSessionForm
            key={editing ? `edit-${editing.id}` : `new-${formKey}`}
            schoolId={school.id}
            log={data}
            session={editing}
            currentUserId={signedIn.user?.id ?? ''}
            onSaved={saved}
            onCancel={editing ? () => setEditing(null) : null}
          />
          {can('school.team.figures') ? <IntervisionFiguresSection schoolId={school.id} /> : null}
        </>
      )}
      <ConfirmDialog
        isOpen={removal !== null}
        title={t('Bijeenkomst verwijderen?')}
        message={t('De bijeenkomst "{{theme}}" verdwijnt uit het log, ook voor de andere deelnemers. Dit kun je niet ongedaan maken.', { theme: removal?.theme ?? '' })}
        confirmLabel={t('Verwijderen')}
        onConfirm={remove}
        onCancel={() => setRemoval(null)}
        isDangerous
      />
    </Page>
  );
}
