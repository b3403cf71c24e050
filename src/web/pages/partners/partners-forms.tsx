import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { isEmail } from '../../components/validation';
import { useTranslation } from 'react-i18next';
import { PARTNER_KINDS, PARTNER_LIMITS, type PartnerKind } from '../../../shared/partners';
import { schoolDateOf } from '../../../shared/school-time';
import { api } from '../../api/api-client';
import type { AgreementBody, ContactBody, OrganisationBody, PartnerAgreement, PartnerContact, PartnerOrganisation } from '../../api/partners-types';
import { useFormErrors } from '../../components/form-errors';
import { ErrorSummary, FormActions, SaveActions, SelectField, TextAreaField, TextField } from '../../components/form-fields';
import { partnerKindLabel } from './partner-labels';

// The register's three forms: an organisation, a contact person of one, an agreement with one. Each adds, or — given
// the entry — changes it; the page reloads the register after a save.

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const PHONE_PATTERN = /^[0-9+()./ -]+$/;

/** A form's input ids (the prefix and the field's name, as useFormErrors keys them) and its error summary's labels. */
function fieldIdsOf<F extends string>(prefix: string, labels: Record<F, string>) {
  return {
    id: (field: F) => `${prefix}${field}`,
    summaryLabels: Object.fromEntries((Object.entries(labels) as [F, string][]).map(([field, text]) => [`${prefix}${field}`, text])),
  };
}

/** The form's heading at the level the form stands at; focus moves to it when the form opens to change something. */
function FormHeading({ level, isEditing, children }: { level: 2 | 3 | 4; isEditing: boolean; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (isEditing) heading.current?.focus();
  }, [isEditing]);
  const Heading = level === 2 ? 'h2' : level === 3 ? 'h3' : 'h4';
  return (
    <Heading ref={heading} tabIndex={-1}>
      {children}
    </Heading>
  );
}

/** A checkbox with its label and hint. */
function Checkbox({ id, label, hint, checked, onChange }: { id: string; label: string; hint: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <div className="checkbox">
      <input id={id} type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} aria-describedby={`${id}-hint`} />
      <label htmlFor={id}>{label}</label>
      <p className="hint" id={`${id}-hint`}>
        {hint}
      </p>
    </div>
  );
}

/** Adding an organisation to the register (a section of the page), or changing one (inside its card). */
export function OrganisationForm({
  url,
  editing,
  onSaved,
  onCancel,
}: {
  /** Where to POST a new one, or PUT the changed one. */
  url: string;
  editing: PartnerOrganisation | null;
  onSaved: (message: string) => void;
  onCancel: (() => void) | null;
}) {
  const { t } = useTranslation();
  const prefix = editing ? `organisatie-${editing.id}-` : 'organisatie-nieuw-';
  const { errors, check, fromError } = useFormErrors(prefix);
  const [name, setName] = useState(editing?.name ?? '');
  const [kind, setKind] = useState<PartnerKind | ''>(editing?.kind ?? '');
  const [isKeyPartner, setIsKeyPartner] = useState(editing?.isKeyPartner ?? false);
  const [notes, setNotes] = useState(editing?.notes ?? '');
  const [isBusy, setIsBusy] = useState(false);
  const label = { name: t('Naam van de organisatie'), kind: t('Soort organisatie'), notes: t('Notities') };
  const { id, summaryLabels } = fieldIdsOf(prefix, label);
  const messages = {
    name: t('Vul de naam in: op één regel, hoogstens {{max}} tekens, en anders dan de andere organisaties in het register.', { max: PARTNER_LIMITS.organisationName }),
    kind: t('Kies wat voor organisatie het is.'),
    notes: t('Hoogstens {{max}} tekens.', { max: PARTNER_LIMITS.notes }),
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const isValid = check(
      {
        [id('name')]: (name.trim() === '' || name.trim().length > PARTNER_LIMITS.organisationName) && messages.name,
        [id('kind')]: kind === '' && messages.kind,
        [id('notes')]: notes.length > PARTNER_LIMITS.notes && messages.notes,
      },
      t('Niet alle velden zijn goed ingevuld.'),
    );
    if (!isValid || kind === '') return;
    const body: OrganisationBody = { name: name.trim(), kind, isKeyPartner, notes };
    setIsBusy(true);
    try {
      if (editing) await api.put<PartnerOrganisation>(url, body);
      else await api.post<PartnerOrganisation>(url, body);
      onSaved(editing ? t('{{name}} is bijgewerkt.', { name: body.name }) : t('{{name}} staat nu in het register.', { name: body.name }));
    } catch (failure) {
      fromError(failure, messages, t('Kijk dit veld na.'));
      setIsBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className={editing ? 'card card-quiet' : 'card'}>
      <FormHeading level={editing ? 3 : 2} isEditing={editing !== null}>
        {editing ? t('{{name}} wijzigen', { name: editing.name }) : t('Organisatie toevoegen')}
      </FormHeading>
      <ErrorSummary errors={errors} labels={summaryLabels} />
      <TextField id={id('name')} label={label.name} value={name} onChange={setName} error={errors.fields[id('name')]} maxLength={PARTNER_LIMITS.organisationName} required />
      <SelectField
        id={id('kind')}
        label={label.kind}
        value={kind}
        onChange={(value) => setKind(value as PartnerKind | '')}
        options={[{ value: '', label: t('Kies…') }, ...PARTNER_KINDS.map((value) => ({ value, label: partnerKindLabel(t, value) }))]}
        error={errors.fields[id('kind')]}
        required
      />
      <Checkbox
        id={`${prefix}isKeyPartner`}
        label={t('Belangrijke samenwerkingspartner')}
        hint={t('Telt mee bij de zelfscan: heeft de school hier een vaste contactpersoon, en volgde de organisatie een eendaagse TSO-scholing?')}
        checked={isKeyPartner}
        onChange={setIsKeyPartner}
      />
      <TextAreaField
        id={id('notes')}
        label={label.notes}
        hint={t('Bijvoorbeeld hoe en wanneer je hen bereikt. Wordt versleuteld opgeslagen. Mag leeg blijven.')}
        value={notes}
        onChange={setNotes}
        error={errors.fields[id('notes')]}
        maxLength={PARTNER_LIMITS.notes}
      />
      <SaveActions saveLabel={editing ? t('Wijzigingen opslaan') : t('Organisatie opslaan')} isBusy={isBusy} onCancel={onCancel} />
    </form>
  );
}

/** Adding a contact person to an organisation, or changing one (inside the organisation's card). */
export function ContactForm({
  url,
  organisation,
  editing,
  onSaved,
  onCancel,
}: {
  /** The organisation's contacts (POST), or the contact itself (PUT). */
  url: string;
  organisation: PartnerOrganisation;
  editing: PartnerContact | null;
  onSaved: (message: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const prefix = `contact-${editing?.id ?? organisation.id}-`;
  const { errors, check, fromError } = useFormErrors(prefix);
  const [name, setName] = useState(editing?.name ?? '');
  const [role, setRole] = useState(editing?.role ?? '');
  const [phone, setPhone] = useState(editing?.phone ?? '');
  const [email, setEmail] = useState(editing?.email ?? '');
  const [isFixedContact, setIsFixedContact] = useState(editing?.isFixedContact ?? true);
  const [isBusy, setIsBusy] = useState(false);
  const label = { name: t('Naam'), role: t('Functie'), phone: t('Telefoonnummer'), email: t('E-mailadres') };
  const { id, summaryLabels } = fieldIdsOf(prefix, label);
  const messages = {
    name: t('Vul een naam in van hoogstens {{max}} tekens.', { max: PARTNER_LIMITS.contactName }),
    role: t('Hoogstens {{max}} tekens, op één regel.', { max: PARTNER_LIMITS.contactRole }),
    phone: t('Alleen cijfers, spaties en + - ( ) . /, of laat het veld leeg.'),
    email: t('Vul een geldig e-mailadres in, of laat het veld leeg.'),
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const isValid = check(
      {
        [id('name')]: (name.trim() === '' || name.trim().length > PARTNER_LIMITS.contactName) && messages.name,
        [id('role')]: role.trim().length > PARTNER_LIMITS.contactRole && messages.role,
        [id('phone')]: phone.trim() !== '' && (!PHONE_PATTERN.test(phone.trim()) || phone.trim().length > PARTNER_LIMITS.phone) && messages.phone,
        [id('email')]: email.trim() !== '' && !isEmail(email) && messages.email,
      },
      t('Niet alle velden zijn goed ingevuld.'),
    );
    if (!isValid) return;
    const body: ContactBody = { name: name.trim(), role: role.trim(), phone: phone.trim() === '' ? null : phone.trim(), email: email.trim() === '' ? null : email.trim(), isFixedContact };
    setIsBusy(true);
    try {
      if (editing) await api.put<PartnerContact>(url, body);
      else await api.post<PartnerContact>(url, body);
      onSaved(editing ? t('De gegevens van {{name}} zijn bijgewerkt.', { name: body.name }) : t('{{name}} is toegevoegd als contactpersoon bij {{organisation}}.', { name: body.name, organisation: organisation.name }));
    } catch (failure) {
      fromError(failure, messages, t('Kijk dit veld na.'));
      setIsBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="card card-quiet">
      <FormHeading level={4} isEditing>
        {editing ? t('Contactpersoon {{name}} wijzigen', { name: editing.name }) : t('Contactpersoon toevoegen bij {{organisation}}', { organisation: organisation.name })}
      </FormHeading>
      <ErrorSummary errors={errors} labels={summaryLabels} />
      <TextField id={id('name')} label={label.name} value={name} onChange={setName} error={errors.fields[id('name')]} maxLength={PARTNER_LIMITS.contactName} autoComplete="off" required />
      <TextField id={id('role')} label={label.role} hint={t('Bijvoorbeeld jeugdconsulent of wijkagent. Mag leeg blijven.')} value={role} onChange={setRole} error={errors.fields[id('role')]} maxLength={PARTNER_LIMITS.contactRole} />
      <TextField id={id('phone')} label={label.phone} hint={t('Mag leeg blijven.')} value={phone} onChange={setPhone} error={errors.fields[id('phone')]} maxLength={PARTNER_LIMITS.phone} autoComplete="off" />
      <TextField id={id('email')} type="email" label={label.email} hint={t('Mag leeg blijven.')} value={email} onChange={setEmail} error={errors.fields[id('email')]} autoComplete="off" />
      <Checkbox
        id={`${prefix}isFixedContact`}
        label={t('Vaste contactpersoon van de school')}
        hint={t('De persoon die de school bij deze organisatie als eerste belt.')}
        checked={isFixedContact}
        onChange={setIsFixedContact}
      />
      <SaveActions saveLabel={t('Contactpersoon opslaan')} isBusy={isBusy} onCancel={onCancel} />
    </form>
  );
}

/** Recording an agreement with an organisation, or changing one (inside the organisation's card). */
export function AgreementForm({
  url,
  organisation,
  editing,
  onSaved,
  onCancel,
}: {
  /** The organisation's agreements (POST), or the agreement itself (PUT). */
  url: string;
  organisation: PartnerOrganisation;
  editing: PartnerAgreement | null;
  onSaved: (message: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const prefix = `afspraak-${editing?.id ?? organisation.id}-`;
  const { errors, check, fromError } = useFormErrors(prefix);
  const [title, setTitle] = useState(editing?.title ?? '');
  const [agreedOn, setAgreedOn] = useState(editing?.agreedOn ?? schoolDateOf(new Date()));
  const [reviewOn, setReviewOn] = useState(editing?.reviewOn ?? '');
  const [text, setText] = useState(editing?.text ?? '');
  const [isBusy, setIsBusy] = useState(false);
  const label = { title: t('Waar gaat de afspraak over?'), agreedOn: t('Afgesproken op'), reviewOn: t('Opnieuw bekijken op'), text: t('De afspraak') };
  const { id, summaryLabels } = fieldIdsOf(prefix, label);
  const messages = {
    title: t('Vul in waar de afspraak over gaat: op één regel, hoogstens {{max}} tekens.', { max: PARTNER_LIMITS.agreementTitle }),
    agreedOn: t('Kies een geldige datum.'),
    reviewOn: t('Kies een datum op of na de dag van de afspraak, of laat het veld leeg.'),
    text: t('Hoogstens {{max}} tekens.', { max: PARTNER_LIMITS.agreementText }),
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const isValid = check(
      {
        [id('title')]: (title.trim() === '' || title.trim().length > PARTNER_LIMITS.agreementTitle) && messages.title,
        [id('agreedOn')]: !DATE_PATTERN.test(agreedOn) && messages.agreedOn,
        [id('reviewOn')]: reviewOn !== '' && (!DATE_PATTERN.test(reviewOn) || reviewOn < agreedOn) && messages.reviewOn,
        [id('text')]: text.length > PARTNER_LIMITS.agreementText && messages.text,
      },
      t('Niet alle velden zijn goed ingevuld.'),
    );
    if (!isValid) return;
    const body: AgreementBody = { title: title.trim(), agreedOn, reviewOn: reviewOn === '' ? null : reviewOn, text };
    setIsBusy(true);
    try {
      if (editing) await api.put<PartnerAgreement>(url, body);
      else await api.post<PartnerAgreement>(url, body);
      onSaved(editing ? t('De afspraak is bijgewerkt.') : t('De afspraak met {{organisation}} is opgeslagen.', { organisation: organisation.name }));
    } catch (failure) {
      fromError(failure, messages, t('Kijk dit veld na.'));
      setIsBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="card card-quiet">
      <FormHeading level={4} isEditing>
        {editing ? t('Afspraak {{title}} wijzigen', { title: editing.title }) : t('Afspraak vastleggen met {{organisation}}', { organisation: organisation.name })}
      </FormHeading>
      <ErrorSummary errors={errors} labels={summaryLabels} />
      <TextField id={id('title')} label={label.title} value={title} onChange={setTitle} error={errors.fields[id('title')]} maxLength={PARTNER_LIMITS.agreementTitle} required />
      <TextField id={id('agreedOn')} type="date" label={label.agreedOn} value={agreedOn} onChange={setAgreedOn} error={errors.fields[id('agreedOn')]} required />
      <TextField
        id={id('reviewOn')}
        type="date"
        label={label.reviewOn}
        hint={t('Vanaf deze datum staat bij de afspraak dat het tijd is om haar samen opnieuw te bekijken. Mag leeg blijven.')}
        value={reviewOn}
        onChange={setReviewOn}
        error={errors.fields[id('reviewOn')]}
      />
      <TextAreaField
        id={id('text')}
        label={label.text}
        hint={t('Wordt versleuteld opgeslagen. Mag leeg blijven.')}
        value={text}
        onChange={setText}
        error={errors.fields[id('text')]}
        rows={4}
        maxLength={PARTNER_LIMITS.agreementText}
      />
      <SaveActions saveLabel={t('Afspraak opslaan')} isBusy={isBusy} onCancel={onCancel} />
    </form>
  );
}
