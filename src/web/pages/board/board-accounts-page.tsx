import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, ApiError, apiPath } from '../../api/api-client';
import type { BoardAccount } from '../../api/api-types';
import { useApiData } from '../../api/use-api-data';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { LoadState, SuccessMessage } from '../../components/load-state';
import { Page } from '../../components/page';
import { TableWrap } from '../../components/table-wrap';
import { useSession } from '../../session/session-context';

type AccountAction = 'disable' | 'enable' | 'signOut';

// The API path below /accounts/:userId/ for each action.
const ACTION_PATHS: Record<AccountAction, string> = { disable: 'disable', enable: 'enable', signOut: 'sessions/end' };

/**
 * The accounts whose home is this board: only here can a whole account be switched off (for every school it
 * works for) or signed out on every device. A school blocks someone only in that school, on its staff page.
 */
export function BoardAccountsPage() {
  const { t } = useTranslation();
  const { boardId = '' } = useParams();
  const { session } = useSession();
  const { data, error, isLoading, reload } = useApiData<BoardAccount[]>(apiPath('/api/boards/:boardId/accounts', { boardId }));
  const [confirming, setConfirming] = useState<{ account: BoardAccount; action: AccountAction } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const nameOf = (account: BoardAccount) => account.name || account.email;

  const confirm = async () => {
    if (!confirming) return;
    const { account, action } = confirming;
    try {
      await api.post(apiPath(`/api/boards/:boardId/accounts/:userId/${ACTION_PATHS[action]}`, { boardId, userId: account.userId }));
      const done: Record<AccountAction, string> = {
        disable: t('Het account van {{name}} is uitgeschakeld.', { name: nameOf(account) }),
        enable: t('Het account van {{name}} is weer ingeschakeld.', { name: nameOf(account) }),
        signOut: t('{{name}} is overal uitgelogd.', { name: nameOf(account) }),
      };
      setSaved(done[action]);
      setConfirming(null);
      reload();
    } catch (failure) {
      setActionError(failure instanceof ApiError ? failure.message : String(failure));
    }
  };

  return (
    <Page
      title={t('Accounts')}
      intro={<p>{t('Dit zijn de accounts die bij dit bestuur horen. Alleen hier schakel je een heel account uit of log je iemand op elk apparaat uit; een school blokkeert iemand alleen voor die school.')}</p>}
    >
      <SuccessMessage message={saved} />
      <LoadState error={error} isLoading={isLoading && !data} />
      {data ? (
        <TableWrap label={t('Accounts van dit bestuur')}>
          <table>
            <caption className="visually-hidden">{t('Accounts van dit bestuur')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('Naam')}</th>
                <th scope="col">{t('E-mailadres')}</th>
                <th scope="col">{t('Scholen')}</th>
                <th scope="col">{t('Status')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('Acties')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.map((account) => {
                const isMe = account.userId === session.user?.id;
                return (
                  <tr key={account.userId}>
                    <th scope="row">{nameOf(account)}</th>
                    <td>{account.email}</td>
                    <td>{account.schools.map((school) => school.name).join(', ')}</td>
                    <td>
                      <span className={account.disabled ? 'badge badge-off' : account.invitationPending ? 'badge badge-wait' : 'badge badge-on'}>
                        {account.disabled ? t('Uitgeschakeld') : account.invitationPending ? t('Nog geen wachtwoord gekozen') : t('Actief')}
                      </span>
                    </td>
                    <td className="actions">
                      {isMe ? null : (
                        <div className="action-buttons">
                          {account.disabled ? null : (
                            <button type="button" className="button button-small button-secondary" aria-label={t('{{name}} overal uitloggen', { name: nameOf(account) })} onClick={() => setConfirming({ account, action: 'signOut' })}>
                              {t('Overal uitloggen')}
                            </button>
                          )}
                          {account.disabled ? (
                            <button type="button" className="button button-small button-secondary" aria-label={t('Account van {{name}} inschakelen', { name: nameOf(account) })} onClick={() => setConfirming({ account, action: 'enable' })}>
                              {t('Inschakelen')}
                            </button>
                          ) : (
                            <button type="button" className="button button-small button-danger-quiet" aria-label={t('Account van {{name}} uitschakelen', { name: nameOf(account) })} onClick={() => setConfirming({ account, action: 'disable' })}>
                              {t('Uitschakelen')}
                            </button>
                          )}
                        </div>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
      <ConfirmDialog
        isOpen={confirming !== null}
        title={{ disable: t('Account uitschakelen?'), enable: t('Account inschakelen?'), signOut: t('Overal uitloggen?') }[confirming?.action ?? 'disable']}
        message={
          <p>
            {confirming?.action === 'enable'
              ? t('{{name}} kan dan weer inloggen.', { name: nameOf(confirming.account) })
              : confirming?.action === 'signOut'
                ? t('{{name}} wordt op elk apparaat meteen uitgelogd. Het account blijft werken: met wachtwoord (en code) kan {{name}} weer inloggen.', { name: nameOf(confirming.account) })
                : t('{{name}} kan dan bij geen enkele school meer inloggen en wordt meteen uitgelogd. Je kunt het account later weer inschakelen.', { name: confirming ? nameOf(confirming.account) : '' })}
          </p>
        }
        confirmLabel={{ disable: t('Uitschakelen'), enable: t('Inschakelen'), signOut: t('Overal uitloggen') }[confirming?.action ?? 'disable']}
        isDangerous={confirming?.action === 'disable'}
        error={actionError}
        onConfirm={confirm}
        onCancel={() => {
          setConfirming(null);
          setActionError(null);
        }}
      />
    </Page>
  );
}
