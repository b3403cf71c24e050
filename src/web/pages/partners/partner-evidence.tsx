import { useTranslation } from 'react-i18next';
import { apiPath } from '../../api/api-client';
import type { PartnersEvidence } from '../../api/partners-types';
import { useApiData } from '../../api/use-api-data';
import { LoadState } from '../../components/load-state';
import { useFormat } from '../../i18n/format';

/**
 * The partners register as evidence beside the self-scan aspect about partner organisations (layer 3A) and layer 1's
 * "key partners follow a one-day training": how many key partners the school has, how many with a fixed contact person
 * and how many took part in a partner day of the training register. Counts only. Render it only for people who hold
 * school.partners; the API refuses everyone else.
 */
export function PartnerEvidence({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data, error, isLoading } = useApiData<PartnersEvidence>(apiPath('/api/schools/:schoolId/partners/evidence', { schoolId }));
  // Folded by default, one line beside the layer (the results page stays short); the heading names the region.
  return (
    <section className="folded-evidence partner-evidence" aria-labelledby="samenwerkingspartners-bewijs">
      <details>
        <summary>
          <h3 id="samenwerkingspartners-bewijs">{t('Samenwerkingspartners (laag 3A, en de eendaagse scholing uit laag 1)')}</h3>
        </summary>
        {!data ? (
          <LoadState error={error} isLoading={isLoading} />
        ) : data.keyPartners === 0 ? (
          <p>{t('In het register staat nog geen belangrijke samenwerkingspartner ({{organisations}} organisaties in totaal).', { organisations: format.number(data.organisations) })}</p>
        ) : (
          <ul>
            <li>{t('Belangrijke samenwerkingspartners: {{keyPartners}} (van {{organisations}} organisaties in het register)', { keyPartners: format.number(data.keyPartners), organisations: format.number(data.organisations) })}</li>
            <li>{t('Met een vaste contactpersoon: {{number}} van {{keyPartners}}', { number: format.number(data.keyPartnersWithFixedContact), keyPartners: format.number(data.keyPartners) })}</li>
            <li>{t('Volgden een eendaagse TSO-scholing: {{number}} van {{keyPartners}}', { number: format.number(data.keyPartnersTrained), keyPartners: format.number(data.keyPartners) })}</li>
          </ul>
        )}
        <p className="muted">{t('Een partner telt als geschoold als de organisatie met deze naam bij een partnerdag in het scholingsregister staat.')}</p>
      </details>
    </section>
  );
}
