import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { apiPath } from '../../api/api-client';
import type { AuditEvent, OutboxMessage } from '../../api/api-types';
import { useApiData } from '../../api/use-api-data';
import { AuditTable } from '../../components/audit-table';
import { LoadState } from '../../components/load-state';
import { OutboxList } from '../../components/outbox-list';
import { Page } from '../../components/page';

/** Mail of the board kept in the outbox (when no mail server is configured). */
export function BoardOutboxPage() {
  const { t } = useTranslation();
  const { boardId = '' } = useParams();
  const { data, error, isLoading } = useApiData<OutboxMessage[]>(apiPath('/api/boards/:boardId/outbox', { boardId }));
  return (
    <Page title={t('Postvak')} intro={<p>{t('Zolang er geen mailserver is ingesteld, komen e-mails van Groeiwijzer hier terecht. Je kunt een link dan zelf doorgeven. Een uitnodiging of herstellink staat hier alleen zolang hij werkt.')}</p>}>
      <LoadState error={error} isLoading={isLoading} />
      {data ? <OutboxList messages={data} /> : null}
    </Page>
  );
}

/** Who did what in the board. */
export function BoardAuditPage() {
  const { t } = useTranslation();
  const { boardId = '' } = useParams();
  const { data, error, isLoading } = useApiData<AuditEvent[]>(apiPath('/api/boards/:boardId/audit-events', { boardId }));
  return (
    <Page title={t('Logboek')} intro={<p>{t('Het logboek laat zien wie wat heeft gedaan, zoals inloggen, rollen wijzigen en leerlingen importeren.')}</p>}>
      <LoadState error={error} isLoading={isLoading} />
      {data ? <AuditTable events={data} /> : null}
    </Page>
  );
}
