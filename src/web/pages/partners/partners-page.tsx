import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PARTNER_KINDS } from '../../../shared/partners';
import { schoolDateOf } from '../../../shared/school-time';
import { api, apiPath } from '../../api/api-client';
import type { ArchivedBody, PartnerAgreement, PartnerContact, PartnerOrganisation, PartnersRegister } from '../../api/partners-types';
import { useApiData } from '../../api/use-api-data';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useRefusalWords } from '../../components/form-errors';
import { ErrorMessage, LoadState, SuccessMessage } from '../../components/load-state';
import { Page } from '../../components/page';
import { useFormat } from '../../i18n/format';
import { trainingKindLabel } from '../../i18n/labels';
import { attentionOfficerPath } from '../care/care-paths';
import { trainingPath } from '../plan/plan-paths';
import { useSchool } from '../school/school-layout';
import { partnerKindHeading } from './partner-labels';
import { AgreementForm, ContactForm, OrganisationForm } from './partners-forms';

/** What the page last did, with the organisation an undo brings back (after taking it out of the register). */
interface Outcome {
  message: string;
  undoArchiveOf?: { id: string; name: string };
}

/** Which form is open inside an organisation's card. */
type CardForm = { kind: 'organisation' } | { kind: 'contact'; contact: PartnerContact | null } | { kind: 'agreement'; agreement: PartnerAgreement | null } | null;

/** What is about to be removed, asked first. */
type Removal = { organisation: PartnerOrganisation; contact: PartnerContact } | { organisation: PartnerOrganisation; agreement: PartnerAgreement };

/**
 * The school's partners register (Samenwerkingspartners): organisations grouped by kind with their contact persons,
 * agreements and one-day TSO training (from the training register), and the school's attention officer. Changing it
 * is for whoever holds school.partners.manage; everyone else who may read it sees it read-only.
 */
export function PartnersPage() {
  const { t } = useTranslation();
  const { school, can } = useSchool();
  const refusal = useRefusalWords();
  const base = apiPath('/api/schools/:schoolId/partners', { schoolId: school.id });
  const register = useApiData<PartnersRegister>(base);
  const canManage = can('school.partners.manage');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [newFormKey, setNewFormKey] = useState(0);
  const [removal, setRemoval] = useState<Removal | null>(null);
  const organisationUrl = (id: string) => `${base}/organisations/${encodeURIComponent(id)}`;

  const saved = (message: string) => {
    setFailure(null);
    setOutcome({ message });
    register.reload();
  };
  const setArchived = async (organisation: { id: string; name: string }, archived: boolean) => {
    setFailure(null);
    try {
      const body: ArchivedBody = { archived };
      await api.put<PartnerOrganisation>(`${organisationUrl(organisation.id)}/archived`, body);
      setOutcome(
        archived
          ? { message: t('{{name}} is uit het register gehaald.', { name: organisation.name }), undoArchiveOf: organisation }
          : { message: t('{{name}} staat weer in het register.', { name: organisation.name }) },
      );
      register.reload();
    } catch (error) {
      setFailure(refusal.failure(error));
    }
  };
  const remove = async () => {
    if (!removal) return;
    try {
      if ('contact' in removal) await api.delete(`${organisationUrl(removal.organisation.id)}/contacts/${encodeURIComponent(removal.contact.id)}`);
      else await api.delete(`${organisationUrl(removal.organisation.id)}/agreements/${encodeURIComponent(removal.agreement.id)}`);
      setRemoval(null);
      saved('contact' in removal ? t('{{name}} is verwijderd als contactpersoon.', { name: removal.contact.name }) : t('De afspraak is verwijderd.'));
    } catch (error) {
      setRemoval(null);
      setFailure(refusal.failure(error));
    }
  };

  const intro = t(
    'Met wie werkt de school samen rond de zorg voor leerlingen: jeugdhulp, politie, Veilig Thuis, de GGZ, het wijkteam, een trainer. Per organisatie de vaste contactpersoon, wat er is afgesproken en of ze een eendaagse TSO-scholing volgden.',
  );
  const data = register.data;
  return (
    <Page title={t('Samenwerkingspartners')} intro={intro}>
      <SuccessMessage message={outcome?.message ?? null} />
      {outcome?.undoArchiveOf && canManage ? (
        <p>
          <button type="button" className="button button-small button-secondary" onClick={() => outcome.undoArchiveOf && void setArchived(outcome.undoArchiveOf, false)}>
            {t('Ongedaan maken: {{name}} terugzetten', { name: outcome.undoArchiveOf.name })}
          </button>
        </p>
      ) : null}
      <ErrorMessage message={failure} />
      {!data ? (
        <LoadState error={register.error} isLoading={register.isLoading} />
      ) : (
        <>
          <AttentionOfficers register={data} />
          {data.organisations.length === 0 ? (
            <p className="notice">{canManage ? t('Er staan nog geen organisaties in het register. Voeg hieronder de eerste toe.') : t('Er staan nog geen organisaties in het register.')}</p>
          ) : null}
          {PARTNER_KINDS.map((kind) => {
            const ofKind = data.organisations.filter((organisation) => organisation.kind === kind);
            if (ofKind.length === 0) return null;
            return (
              <section key={kind} aria-labelledby={`partners-${kind}`}>
                <h2 id={`partners-${kind}`}>{partnerKindHeading(t, kind)}</h2>
                <ul className="care-stack">
                  {ofKind.map((organisation) => (
                    <li key={organisation.id}>
                      <OrganisationCard
                        organisation={organisation}
                        url={organisationUrl(organisation.id)}
                        canManage={canManage}
                        onSaved={saved}
                        onArchive={() => void setArchived(organisation, true)}
                        onRemove={setRemoval}
                      />
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
          {canManage ? (
            <OrganisationForm
              key={`nieuw-${newFormKey}`}
              url={`${base}/organisations`}
              editing={null}
              onSaved={(message) => {
                setNewFormKey((value) => value + 1);
                saved(message);
              }}
              onCancel={null}
            />
          ) : null}
          {data.archived.length > 0 ? (
            <details>
              <summary>{t('Uit het register gehaald ({{number}})', { number: data.archived.length })}</summary>
              <ul>
                {data.archived.map((organisation) => (
                  <li key={organisation.id}>
                    {organisation.name}{' '}
                    {canManage ? (
                      <button type="button" className="button-link" onClick={() => void setArchived(organisation, false)} aria-label={t('{{name}} terugzetten in het register', { name: organisation.name })}>
                        {t('Terugzetten')}
                      </button>
                    ) : null}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </>
      )}
      <ConfirmDialog
        isOpen={removal !== null}
        title={removal && 'contact' in removal ? t('Contactpersoon verwijderen?') : t('Afspraak verwijderen?')}
        message={
          <p>
            {removal && 'contact' in removal
              ? t('{{name}} verdwijnt als contactpersoon van {{organisation}}.', { name: removal.contact.name, organisation: removal.organisation.name })
              : removal
                ? t('De afspraak "{{title}}" met {{organisation}} verdwijnt uit het register.', { title: removal.agreement.title, organisation: removal.organisation.name })
                : null}
          </p>
        }
        confirmLabel={t('Verwijderen')}
        isDangerous
        onConfirm={remove}
        onCancel={() => setRemoval(null)}
      />
    </Page>
  );
}

/** The school's attention officers for the meldcode, read-only: they are named on their own page. */
function AttentionOfficers({ register }: { register: PartnersRegister }) {
  const { t } = useTranslation();
  const { school, can } = useSchool();
  const format = useFormat();
  return (
    <section aria-labelledby="partners-aandachtsfunctionaris">
      <h2 id="partners-aandachtsfunctionaris">{t('Aandachtsfunctionaris van de school')}</h2>
      {register.attentionOfficers.length === 0 ? (
        <p>{t('{{school}} heeft nog geen aandachtsfunctionaris voor de meldcode.', { school: school.name })}</p>
      ) : (
        <ul>
          {register.attentionOfficers.map((officer) => (
            <li key={officer.name}>{t('{{name}}, aandachtsfunctionaris van {{school}} sinds {{date}}', { name: officer.name, school: school.name, date: format.date(schoolDateOf(new Date(officer.since))) })}</li>
          ))}
        </ul>
      )}
      {can('school.care.attention_officer.manage') ? (
        <p>
          <Link to={attentionOfficerPath(school.id)}>{t('Aandachtsfunctionaris kiezen')}</Link>
        </p>
      ) : null}
    </section>
  );
}

function OrganisationCard({
  organisation,
  url,
  canManage,
  onSaved,
  onArchive,
  onRemove,
}: {
  organisation: PartnerOrganisation;
  url: string;
  canManage: boolean;
  onSaved: (message: string) => void;
  onArchive: () => void;
  onRemove: (removal: Removal) => void;
}) {
  const { t } = useTranslation();
  const { school, can } = useSchool();
  const format = useFormat();
  const [form, setForm] = useState<CardForm>(null);
  const headingId = `partner-${organisation.id}`;
  const afterSave = (message: string) => {
    setForm(null);
    onSaved(message);
  };

  if (form?.kind === 'organisation') return <OrganisationForm url={url} editing={organisation} onSaved={afterSave} onCancel={() => setForm(null)} />;
  return (
    <article className="card card-quiet" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {organisation.name} {organisation.isKeyPartner ? <span className="badge badge-on">{t('belangrijke partner')}</span> : null}
      </h3>
      {organisation.notes ? <p className="care-text">{organisation.notes}</p> : null}

      <h4>{t('Contactpersonen')}</h4>
      {organisation.contacts.length === 0 ? (
        <p className="muted">{organisation.isKeyPartner ? t('Nog geen contactpersoon. Bij een belangrijke partner hoort een vaste contactpersoon.') : t('Nog geen contactpersoon.')}</p>
      ) : (
        <ul>
          {organisation.contacts.map((contact) => (
            <li key={contact.id}>
              <strong>{contact.name}</strong>
              {contact.role ? `, ${contact.role}` : null}
              {contact.isFixedContact ? ` (${t('vaste contactpersoon')})` : null}
              {contact.phone ? (
                <>
                  {' · '}
                  <a href={`tel:${contact.phone.replace(/[^0-9+]/g, '')}`}>{contact.phone}</a>
                </>
              ) : null}
              {contact.email ? (
                <>
                  {' · '}
                  <a href={`mailto:${contact.email}`}>{contact.email}</a>
                </>
              ) : null}
              {canManage ? (
                <>
                  {' '}
                  <button type="button" className="button-link" onClick={() => setForm({ kind: 'contact', contact })} aria-label={t('Contactpersoon {{name}} wijzigen', { name: contact.name })}>
                    {t('Wijzigen')}
                  </button>{' '}
                  <button type="button" className="button-link" onClick={() => onRemove({ organisation, contact })} aria-label={t('Contactpersoon {{name}} verwijderen', { name: contact.name })}>
                    {t('Verwijderen')}
                  </button>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}

      <h4>{t('Afspraken')}</h4>
      {organisation.agreements.length === 0 ? (
        <p className="muted">{t('Nog geen afspraken vastgelegd.')}</p>
      ) : (
        <ul>
          {organisation.agreements.map((agreement) => (
            <li key={agreement.id}>
              <strong>{agreement.title}</strong> {t('(afgesproken op {{date}})', { date: format.date(agreement.agreedOn) })}
              {agreement.reviewOn ? (
                agreement.isReviewDue ? (
                  <strong>{` ${t('Tijd om opnieuw te bekijken: de datum was {{date}}.', { date: format.date(agreement.reviewOn) })}`}</strong>
                ) : (
                  ` ${t('Opnieuw bekijken op {{date}}.', { date: format.date(agreement.reviewOn) })}`
                )
              ) : null}
              {agreement.text ? <p className="care-text">{agreement.text}</p> : null}
              {canManage ? (
                <p>
                  <button type="button" className="button-link" onClick={() => setForm({ kind: 'agreement', agreement })} aria-label={t('Afspraak {{title}} wijzigen', { title: agreement.title })}>
                    {t('Wijzigen')}
                  </button>{' '}
                  <button type="button" className="button-link" onClick={() => onRemove({ organisation, agreement })} aria-label={t('Afspraak {{title}} verwijderen', { title: agreement.title })}>
                    {t('Verwijderen')}
                  </button>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}

      <h4>{t('Eendaagse TSO-scholing')}</h4>
      {organisation.trainings.length === 0 ? (
        <p className="muted">
          {t('Niet gevonden in het scholingsregister.')}{' '}
          {can('school.training.read') ? <Link to={trainingPath(school.id)}>{t('Naar het scholingsregister')}</Link> : null}
        </p>
      ) : (
        <ul>
          {organisation.trainings.map((training) => (
            <li key={training.trainingId}>
              {training.isPlanned
                ? t('{{title}}, gepland op {{date}}', { title: training.title ?? trainingKindLabel(t, 'partner_day'), date: format.date(training.heldOn) })
                : t('{{title}}, gevolgd op {{date}}', { title: training.title ?? trainingKindLabel(t, 'partner_day'), date: format.date(training.heldOn) })}
            </li>
          ))}
        </ul>
      )}

      {form?.kind === 'contact' ? (
        <ContactForm
          url={form.contact ? `${url}/contacts/${encodeURIComponent(form.contact.id)}` : `${url}/contacts`}
          organisation={organisation}
          editing={form.contact}
          onSaved={afterSave}
          onCancel={() => setForm(null)}
        />
      ) : null}
      {form?.kind === 'agreement' ? (
        <AgreementForm
          url={form.agreement ? `${url}/agreements/${encodeURIComponent(form.agreement.id)}` : `${url}/agreements`}
          organisation={organisation}
          editing={form.agreement}
          onSaved={afterSave}
          onCancel={() => setForm(null)}
        />
      ) : null}
      {canManage && form === null ? (
        <div className="form-actions">
          <button type="button" className="button button-small button-secondary" onClick={() => setForm({ kind: 'contact', contact: null })} aria-label={t('Contactpersoon toevoegen bij {{organisation}}', { organisation: organisation.name })}>
            {t('Contactpersoon toevoegen')}
          </button>
          <button type="button" className="button button-small button-secondary" onClick={() => setForm({ kind: 'agreement', agreement: null })} aria-label={t('Afspraak vastleggen met {{organisation}}', { organisation: organisation.name })}>
            {t('Afspraak vastleggen')}
          </button>
          <button type="button" className="button button-small button-secondary" onClick={() => setForm({ kind: 'organisation' })} aria-label={t('{{name}} wijzigen', { name: organisation.name })}>
            {t('Wijzigen')}
          </button>
          <button type="button" className="button button-small button-secondary" onClick={onArchive} aria-label={t('{{name}} uit het register halen', { name: organisation.name })}>
            {t('Uit het register halen')}
          </button>
        </div>
      ) : null}
    </article>
  );
}
