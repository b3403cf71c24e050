import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, apiPath } from '../../api/api-client';
import type { MyInvitation } from '../../api/api-types';
import { useApiData } from '../../api/use-api-data';
import { formatDateTime } from '../../i18n/format';
import { roleLabel } from '../../i18n/role-labels';
import { useSession } from '../../session/session-context';

/**
 * The person's own open invitations to join another school: nothing changes until they accept it here,
 * signed in — a school can only ask, never add an existing account by itself.
 */
export function HomeInvitations() {
  const { t, i18n } = useTranslation();
  const { refresh } = useSession();
  const { data, reload } = useApiData<MyInvitation[]>('/api/me/invitations');
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);
  if (!data || data.length === 0) return message ? <p className={message.isError ? 'notice notice-error' : 'notice notice-success'} role="status">{message.text}</p> : null;

  const answer = async (invitation: MyInvitation, accept: boolean) => {
    setMessage(null);
    try {
      await api.post(apiPath(`/api/me/invitations/:invitationId/${accept ? 'accept' : 'decline'}`, { invitationId: invitation.id }));
      setMessage({
        text: accept ? t('Je werkt nu ook voor {{school}}.', { school: invitation.schoolName }) : t('Je hebt de uitnodiging van {{school}} geweigerd.', { school: invitation.schoolName }),
        isError: false,
      });
      reload();
      if (accept) await refresh();
    } catch (failure) {
      setMessage({ text: failure instanceof ApiError ? failure.message : String(failure), isError: true });
    }
  };

  return (
    <section aria-labelledby="uitnodigingen-kop" className="card">
      <h2 id="uitnodigingen-kop">{t('Uitnodigingen voor jou')}</h2>
      {message ? (
        <p className={message.isError ? 'notice notice-error' : 'notice notice-success'} role={message.isError ? 'alert' : 'status'}>
          {message.text}
        </p>
      ) : null}
      <ul className="card-list">
        {data.map((invitation) => (
          <li key={invitation.id} className="card">
            <p className="card-title">{t('{{school}} ({{board}})', { school: invitation.schoolName, board: invitation.boardName })}</p>
            <p>
              {invitation.invitedBy
                ? t('{{name}} nodigt je uit om hier ook te werken als: {{roles}}.', {
                    name: invitation.invitedBy,
                    roles: invitation.roles.map((role) => roleLabel(t, role)).join(', '),
                  })
                : t('Je bent uitgenodigd om hier ook te werken als: {{roles}}.', { roles: invitation.roles.map((role) => roleLabel(t, role)).join(', ') })}
            </p>
            {invitation.pendingRoles.length > 0 ? (
              <p className="muted">
                {t('Daarnaast is gevraagd: {{roles}}. Die rol telt pas als een tweede persoon hem goedkeurt.', { roles: invitation.pendingRoles.map((role) => roleLabel(t, role)).join(', ') })}
              </p>
            ) : null}
            <p className="muted">{t('Open tot {{date}}.', { date: formatDateTime(invitation.expiresAt, i18n.language) })}</p>
            <div className="action-buttons">
              <button type="button" className="button" onClick={() => void answer(invitation, true)} aria-label={t('Uitnodiging van {{school}} accepteren', { school: invitation.schoolName })}>
                {t('Accepteren')}
              </button>
              <button type="button" className="button button-secondary" onClick={() => void answer(invitation, false)} aria-label={t('Uitnodiging van {{school}} weigeren', { school: invitation.schoolName })}>
                {t('Weigeren')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
