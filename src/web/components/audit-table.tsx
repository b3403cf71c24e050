import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { BOARD_ROLES, type BoardRole, SCHOOL_ROLES, type SchoolRole } from '../../shared/roles';
import type { AuditEvent } from '../api/api-types';
import { useFormat } from '../i18n/format';
import { auditActionLabel, auditDetailLabel, auditTargetLabel, roleLabel } from '../i18n/labels';
import { TableWrap } from './table-wrap';

const ROLE_CODES = new Set<string>([...SCHOOL_ROLES, ...BOARD_ROLES]);

// Detail is a small JSON object (counts, school years, role codes); shown as "label: value" pairs.
function describeDetail(detail: string | null, t: TFunction, formatNumber: (value: number) => string): string {
  if (!detail) return '';
  const describeValue = (value: unknown): string => {
    if (Array.isArray(value)) return value.length === 0 ? '–' : value.map(describeValue).join(', ');
    if (typeof value === 'number') return formatNumber(value);
    if (typeof value === 'string') return ROLE_CODES.has(value) ? roleLabel(t, value as SchoolRole | BoardRole) : value;
    return JSON.stringify(value);
  };
  try {
    const value: unknown = JSON.parse(detail);
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      return Object.entries(value)
        .map(([key, item]) => `${auditDetailLabel(t, key)}: ${describeValue(item)}`)
        .join('; ');
    }
    return describeValue(value);
  } catch {
    return detail;
  }
}

/** The audit log as a table, newest first. */
export function AuditTable({ events }: { events: AuditEvent[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (events.length === 0) return <p className="notice">{t('Er staat nog niets in het logboek.')}</p>;
  return (
    <TableWrap label={t('Gebeurtenissen, nieuwste eerst')}>
      <table>
        <caption>{t('Gebeurtenissen, nieuwste eerst')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('Tijdstip')}</th>
            <th scope="col">{t('Wie')}</th>
            <th scope="col">{t('Wat')}</th>
            <th scope="col">{t('Waarop')}</th>
            <th scope="col">{t('Details')}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id}>
              <td>
                <time dateTime={event.occurredAt}>{format.dateTime(event.occurredAt)}</time>
              </td>
              <td>
                {event.actorName ?? t('Onbekend')}
                {event.actorEmail ? <span className="muted block">{event.actorEmail}</span> : null}
              </td>
              <td>{auditActionLabel(t, event.action)}</td>
              <td>{auditTargetLabel(t, event.targetType)}</td>
              <td className="detail">{describeDetail(event.detail, t, format.number)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
