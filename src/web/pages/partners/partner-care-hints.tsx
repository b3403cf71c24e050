import { useTranslation } from 'react-i18next';
import { apiPath } from '../../api/api-client';
import type { PartnerDirectory } from '../../api/partners-types';
import { useApiData } from '../../api/use-api-data';

// The partners register where the care team works: suggestions for "to whom" in a referral, and the school's fixed
// contact person at Veilig Thuis beside the meldcode. Render these only for people who hold school.partners.

function useDirectory(schoolId: string) {
  return useApiData<PartnerDirectory>(apiPath('/api/schools/:schoolId/partners/directory', { schoolId }));
}

/** The school's partner organisations as suggestions for a text input (`<input list={id}>`); free text stays possible. */
export function PartnerDatalist({ schoolId, id }: { schoolId: string; id: string }) {
  const { data } = useDirectory(schoolId);
  return (
    <datalist id={id}>
      {(data?.organisations ?? []).map((organisation) => (
        <option key={organisation.id} value={organisation.name} />
      ))}
    </datalist>
  );
}

/** The school's fixed contact person at Veilig Thuis with their phone number, when the register has one. */
export function VeiligThuisContact({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation();
  const { data } = useDirectory(schoolId);
  const contacts = (data?.organisations ?? [])
    .filter((organisation) => organisation.kind === 'veilig_thuis')
    .flatMap((organisation) => organisation.fixedContacts.map((contact) => ({ ...contact, organisation: organisation.name })));
  if (contacts.length === 0) return null;
  return (
    <p className="notice">
      {contacts.map((contact, index) => (
        <span key={`${contact.organisation}-${contact.name}`}>
          {index > 0 ? ' ' : null}
          {t('Vaste contactpersoon bij {{organisation}}: {{name}}', { organisation: contact.organisation, name: contact.name })}
          {contact.phone ? (
            <>
              {', '}
              <a href={`tel:${contact.phone.replace(/[^0-9+]/g, '')}`}>{contact.phone}</a>
            </>
          ) : null}
          .
        </span>
      ))}
    </p>
  );
}
