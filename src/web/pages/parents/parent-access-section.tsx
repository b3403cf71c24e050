import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, apiPath } from '../../api/api-client';
import type { Parent, ParentFields, PupilParents, SentLink } from '../../api/parents-types';
import { useApiData } from '../../api/use-api-data';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useFormErrors } from '../../components/form-errors';
import { ErrorSummary, FormActions, SaveActions, SelectField, TextAreaField, TextField } from '../../components/form-fields';
import { ErrorMessage, LoadState, SuccessMessage } from '../../components/load-state';
import { useFormat } from '../../i18n/format';
import { isEmail } from '../../components/validation';
import { PARENT_PHONE_PATTERN } from '../../../shared/parents';

/**
 * A pupil's parents and carers on the pupil's parents page: who they are, their one-time link to the parent page
 * (by e-mail or on a printed letter with a QR code), a shield for a parent who may not see this child (a court order),
 * the questionnaires sent to them with their answers, and their requests for a conversation. The care team also sees
 * and sends the questionnaires for the care team only; a teacher never sees that those exist.
 */
export function ParentAccessSection({ schoolId, pupilId }: { schoolId: string; pupilId: string }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const base = apiPath('/api/schools/:schoolId/pupils/:pupilId/parents', { schoolId, pupilId });
  const view = useApiData<PupilParents>(base);
  const [saved, setSaved] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [letter, setLetter] = useState<SentLink['letter']>(null);
  const [confirming, setConfirming] = useState<{ title: string; message: string; label: string; run: () => Promise<void> } | null>(null);
  const [editing, setEditing] = useState<Parent | null>(null);
  const [shielding, setShielding] = useState<Parent | null>(null);
  const language = i18n.language === 'en' ? 'en' : 'nl';

  if (!view.data) return <LoadState error={view.error} isLoading={view.isLoading} />;
  const data = view.data;

  const act = async (run: () => Promise<unknown>, done: string) => {
    setFailure(null);
    setSaved(null);
    try {
      await run();
      setSaved(done);
      view.reload();
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    }
  };

  const sendLink = (parent: Parent, channel: 'email' | 'letter') =>
    act(async () => {
      const sent = await api.post<SentLink>(`${base}/${parent.id}/links`, { channel });
      setLetter(sent.letter);
    }, channel === 'email' ? t('De link is per e-mail naar {{name}} gestuurd.', { name: parent.name }) : t('De brief met de link voor {{name}} staat hieronder klaar om te printen.', { name: parent.name }));

  const linkLine = (parent: Parent) => {
    const { link } = parent;
    if (link.state === 'none') return t('Nog geen link gestuurd.');
    const sent = link.sentAt ? format.date(link.sentAt.slice(0, 10)) : '';
    const how = link.channel === 'email' ? t('per e-mail') : t('per brief');
    if (link.state === 'open') return t('Link gestuurd op {{date}} {{how}}, te gebruiken tot {{until}}.', { date: sent, how, until: format.date((link.expiresAt ?? '').slice(0, 10)) });
    if (link.state === 'used') return t('Link gestuurd op {{date}} {{how}} en geopend op {{opened}}.', { date: sent, how, opened: format.date((link.usedAt ?? '').slice(0, 10)) });
    if (link.state === 'expired') return t('De link van {{date}} is verlopen zonder dat hij is geopend.', { date: sent });
    return t('De link van {{date}} is ingetrokken.', { date: sent });
  };

  return (
    <section aria-labelledby="ouders-kop" className="parent-access">
      <h2 id="ouders-kop">{t('Ouders en verzorgers')}</h2>
      <p className="muted">
        {t('Ouders hebben geen account nodig. Stuur een eenmalige link per e-mail, of print een brief met een QR-code. De link werkt één keer en 14 dagen lang; een nieuwe link laat de vorige stoppen.')}
      </p>
      <SuccessMessage message={saved} />
      <ErrorMessage message={failure} />
      {data.parents.length === 0 ? <p className="notice">{t('Er zijn nog geen ouders of verzorgers vastgelegd.')}</p> : null}
      <ul className="care-stack">
        {data.parents.map((parent) => (
          <li key={parent.id}>
            <article className={parent.excluded ? 'card notice-warning' : 'card card-quiet'}>
              <h3>
                {parent.name} <span className="muted">({parent.relation})</span>
              </h3>
              <p className="muted">
                {[parent.email ?? t('geen e-mailadres'), parent.phone ?? t('geen telefoonnummer'), data.languages.find((entry) => entry.code === parent.language)?.name ?? parent.language].join(' · ')}
                {parent.detailsCorrectedAt ? ` · ${t('zelf verbeterd op {{date}}', { date: format.date(parent.detailsCorrectedAt.slice(0, 10)) })}` : null}
              </p>
              {parent.excluded ? (
                <p>
                  <strong>{t('Afgeschermd:')}</strong> {t('deze ouder krijgt niets over dit kind te zien en kan geen link krijgen.')} {t('Reden: {{reason}}', { reason: parent.exclusionReason })}
                </p>
              ) : (
                <p>{linkLine(parent)}</p>
              )}
              {parent.newLinkRequestedAt ? (
                <p className="notice notice-warning">{t('Deze ouder vroeg op {{date}} om een nieuwe link.', { date: format.date(parent.newLinkRequestedAt.slice(0, 10)) })}</p>
              ) : null}
              <div className="button-row">
                {!parent.excluded && parent.email ? (
                  <button type="button" className="button" onClick={() => void sendLink(parent, 'email')}>
                    {t('Link per e-mail sturen')}
                  </button>
                ) : null}
                {!parent.excluded ? (
                  <button type="button" className="button button-secondary" onClick={() => void sendLink(parent, 'letter')}>
                    {t('Brief met link maken')}
                  </button>
                ) : null}
                {parent.link.state === 'open' || parent.link.state === 'used' ? (
                  <button
                    type="button"
                    className="button button-secondary"
                    onClick={() =>
                      setConfirming({
                        title: t('Toegang van {{name}} intrekken?', { name: parent.name }),
                        message: t('De link stopt en een open ouderpagina wordt gesloten. U kunt later een nieuwe link sturen.'),
                        label: t('Toegang intrekken'),
                        run: () => act(() => api.post(`${base}/${parent.id}/revoke`), t('De toegang van {{name}} is ingetrokken.', { name: parent.name })),
                      })
                    }
                  >
                    {t('Toegang intrekken')}
                  </button>
                ) : null}
                <button type="button" className="button button-secondary" onClick={() => setEditing(parent)}>
                  {t('Gegevens wijzigen')}
                </button>
                {parent.excluded ? (
                  <button type="button" className="button button-secondary" onClick={() => void act(() => api.put(`${base}/${parent.id}/exclusion`, { excluded: false }), t('De afscherming is opgeheven.'))}>
                    {t('Afscherming opheffen')}
                  </button>
                ) : (
                  <button type="button" className="button button-secondary" onClick={() => setShielding(parent)}>
                    {t('Afschermen')}
                  </button>
                )}
                <button
                  type="button"
                  className="button button-danger"
                  onClick={() =>
                    setConfirming({
                      title: t('{{name}} weghalen bij deze leerling?', { name: parent.name }),
                      message: t('Ook de vragenlijsten en gespreksaanvragen van deze ouder over dit kind verdwijnen. Dit kan niet ongedaan worden gemaakt.'),
                      label: t('Weghalen'),
                      run: () => act(() => api.delete(`${base}/${parent.id}`), t('{{name}} is weggehaald.', { name: parent.name })),
                    })
                  }
                >
                  {t('Weghalen')}
                </button>
              </div>
            </article>
          </li>
        ))}
      </ul>

      {letter ? <ParentLetter letter={letter} onClose={() => setLetter(null)} /> : null}
      {shielding ? <ShieldForm key={shielding.id} parent={shielding} onCancel={() => setShielding(null)} onSave={(reason) => act(async () => { await api.put(`${base}/${shielding.id}/exclusion`, { excluded: true, reason }); setShielding(null); }, t('{{name}} is afgeschermd.', { name: shielding.name }))} /> : null}
      <ParentForm
        key={editing?.id ?? 'nieuw'}
        editing={editing}
        languages={data.languages}
        onCancel={() => setEditing(null)}
        onSave={async (fields) => {
          if (editing) await api.put(`${base}/${editing.id}`, fields);
          else await api.post(base, fields);
          setSaved(editing ? t('De gegevens van {{name}} zijn bijgewerkt.', { name: fields.name }) : t('{{name}} is toegevoegd.', { name: fields.name }));
          setEditing(null);
          view.reload();
        }}
      />

      <h3>{t('Vragenlijsten voor ouders')}</h3>
      {data.questionnaires.length === 0 ? <p className="muted">{t('Er zijn nog geen vragenlijsten naar ouders gestuurd.')}</p> : null}
      <ul className="care-stack">
        {data.questionnaires.map((questionnaire) => (
          <li key={questionnaire.id}>
            <article className="card card-quiet">
              <h4>
                {questionnaire.name[language]} · {data.parents.find((parent) => parent.id === questionnaire.parentId)?.name ?? ''}
              </h4>
              <p className="muted">
                {t('Gestuurd op {{date}}', { date: format.date(questionnaire.sentAt.slice(0, 10)) })} ·{' '}
                {questionnaire.isComplete ? t('helemaal ingevuld') : t('{{answered}} van {{items}} vragen beantwoord', { answered: questionnaire.answered, items: questionnaire.items })}
                {questionnaire.careTeamOnly ? ` · ${t('alleen voor het zorgteam')}` : null}
                {questionnaire.needsConsent ? ` · ${questionnaire.consentAt ? t('toestemming gegeven') : t('nog geen toestemming')}` : null}
              </p>
              {questionnaire.answered > 0 || questionnaire.note !== '' ? (
                <details>
                  <summary>{t('Antwoorden bekijken')}</summary>
                  <dl className="care-plan">
                    {questionnaire.answers.map((answer) => (
                      <div key={answer.itemId}>
                        <dt>{answer.text[language]}</dt>
                        <dd>{answer.answer ? answer.answer[language] : <span className="muted">{t('niet beantwoord')}</span>}</dd>
                      </div>
                    ))}
                    {questionnaire.note !== '' ? (
                      <div>
                        <dt>{t('Wat de ouder er nog bij schreef')}</dt>
                        <dd className="preserve-lines">{questionnaire.note}</dd>
                      </div>
                    ) : null}
                  </dl>
                </details>
              ) : null}
              <div className="button-row">
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() =>
                    setConfirming({
                      title: t('Vragenlijst intrekken?'),
                      message: t('De vragenlijst verdwijnt van de ouderpagina, met wat de ouder al heeft ingevuld. Antwoorden die al in het ACE-overzicht van het zorgteam staan, blijven daar.'),
                      label: t('Intrekken'),
                      run: () => act(() => api.delete(apiPath('/api/schools/:schoolId/pupils/:pupilId/parent-questionnaires/:questionnaireId', { schoolId, pupilId, questionnaireId: questionnaire.id })), t('De vragenlijst is ingetrokken.')),
                    })
                  }
                >
                  {t('Intrekken')}
                </button>
              </div>
            </article>
          </li>
        ))}
      </ul>
      {data.parents.some((parent) => !parent.excluded) ? (
        <SendQuestionnaireForm
          parents={data.parents.filter((parent) => !parent.excluded)}
          instruments={data.instruments}
          onSend={(body) => act(() => api.post(apiPath('/api/schools/:schoolId/pupils/:pupilId/parent-questionnaires', { schoolId, pupilId }), body), t('De vragenlijst staat klaar op de ouderpagina. Stuur de ouder zo nodig een nieuwe link.'))}
        />
      ) : null}

      <h3>{t('Gespreksaanvragen van ouders')}</h3>
      {data.requests.length === 0 ? <p className="muted">{t('Geen gespreksaanvragen.')}</p> : null}
      <ul className="care-stack">
        {data.requests.map((request) => (
          <li key={request.id}>
            <article className={request.handledAt ? 'card card-quiet' : 'card notice-warning'}>
              <h4>{t('{{name}} vraagt een gesprek aan', { name: request.parentName })}</h4>
              <p className="muted">{format.date(request.createdAt.slice(0, 10))}</p>
              <p className="preserve-lines">{request.message}</p>
              {request.handledAt ? (
                <p className="muted">{t('Afgehandeld op {{date}} door {{name}}', { date: format.date(request.handledAt.slice(0, 10)), name: request.handledByName ?? '' })}</p>
              ) : (
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => void act(() => api.post(apiPath('/api/schools/:schoolId/pupils/:pupilId/parent-requests/:requestId/handled', { schoolId, pupilId, requestId: request.id })), t('De aanvraag is afgehandeld.'))}
                >
                  {t('Afgehandeld')}
                </button>
              )}
            </article>
          </li>
        ))}
      </ul>

      <ConfirmDialog
        isOpen={confirming !== null}
        title={confirming?.title ?? ''}
        message={confirming?.message ?? ''}
        confirmLabel={confirming?.label ?? ''}
        isDangerous
        onCancel={() => setConfirming(null)}
        onConfirm={async () => {
          const run = confirming?.run;
          setConfirming(null);
          if (run) await run();
        }}
      />
    </section>
  );
}

/** The printed letter: a short explanation, the QR code and the link written out (shown once, never stored). */
function ParentLetter({ letter, onClose }: { letter: NonNullable<SentLink['letter']>; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="card parent-letter" aria-labelledby="brief-kop">
      <h3 id="brief-kop">{t('Brief voor {{name}}', { name: letter.parentName })}</h3>
      <p>{t('Beste {{name}},', { name: letter.parentName })}</p>
      <p>{t('{{school}} nodigt u uit op de ouderpagina. Daar leest u hoe de school werkt, beantwoordt u vragen over uw kind en controleert u uw gegevens. U hebt geen account of wachtwoord nodig.', { school: letter.schoolName })}</p>
      <p>{t('Scan de QR-code met de camera van uw telefoon, of typ de link over. De link werkt één keer en 14 dagen lang.')}</p>
      <img className="login-card-qr" src={`data:image/svg+xml;utf8,${encodeURIComponent(letter.qrSvg)}`} alt={t('QR-code van de link naar de ouderpagina')} width={180} height={180} />
      <p className="break-anywhere">{letter.url}</p>
      <div className="button-row no-print">
        <button type="button" className="button" onClick={() => window.print()}>
          {t('Brief printen')}
        </button>
        <button type="button" className="button button-secondary" onClick={onClose}>
          {t('Brief sluiten')}
        </button>
      </div>
    </section>
  );
}

function ShieldForm({ parent, onCancel, onSave }: { parent: Parent; onCancel: () => void; onSave: (reason: string) => Promise<void> }) {
  const { t } = useTranslation();
  const { errors, check } = useFormErrors('afschermen-');
  const [reason, setReason] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!check({ 'afschermen-reason': reason.trim() === '' && t('Schrijf kort waarom, bijvoorbeeld welke rechterlijke uitspraak.') }, t('Niet alle velden zijn goed ingevuld.'))) return;
    await onSave(reason.trim());
  };
  return (
    <form className="card" onSubmit={(event) => void submit(event)} noValidate>
      <h3>{t('{{name}} afschermen van dit kind', { name: parent.name })}</h3>
      <p className="muted">{t('Bijvoorbeeld bij een rechterlijke uitspraak. De ouder ziet dan niets meer over dit kind, open links stoppen en een open ouderpagina sluit.')}</p>
      <ErrorSummary errors={errors} labels={{ 'afschermen-reason': t('Reden') }} />
      <TextAreaField id="afschermen-reason" label={t('Reden')} value={reason} onChange={setReason} error={errors.fields['afschermen-reason']} maxLength={500} />
      <FormActions>
        <button type="submit" className="button button-danger">
          {t('Afschermen')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('Annuleren')}
        </button>
      </FormActions>
    </form>
  );
}

function ParentForm({ editing, languages, onCancel, onSave }: { editing: Parent | null; languages: { code: string; name: string }[]; onCancel: () => void; onSave: (fields: ParentFields) => Promise<void> }) {
  const { t } = useTranslation();
  const prefix = 'ouder-';
  const { errors, check, fromError } = useFormErrors(prefix);
  const [name, setName] = useState(editing?.name ?? '');
  const [relation, setRelation] = useState(editing?.relation ?? '');
  const [email, setEmail] = useState(editing?.email ?? '');
  const [phone, setPhone] = useState(editing?.phone ?? '');
  const [language, setLanguage] = useState(editing?.language ?? 'nl');
  const label = { name: t('Naam'), relation: t('Relatie tot het kind'), email: t('E-mailadres'), phone: t('Telefoonnummer'), language: t('Taal van de ouderpagina') };
  const messages = {
    name: t('Vul een naam in van hoogstens 120 tekens.'),
    relation: t('Vul in wie dit is voor het kind, bijvoorbeeld moeder of pleegvader.'),
    email: t('Vul een geldig e-mailadres in, of laat het veld leeg.'),
    phone: t('Gebruik alleen cijfers, spaties, + en -, of laat het veld leeg.'),
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const isValid = check(
      {
        [`${prefix}name`]: (name.trim() === '' || name.length > 120) && messages.name,
        [`${prefix}relation`]: (relation.trim() === '' || relation.length > 60) && messages.relation,
        [`${prefix}email`]: email.trim() !== '' && !isEmail(email) && messages.email,
        [`${prefix}phone`]: phone.trim() !== '' && !PARENT_PHONE_PATTERN.test(phone.trim()) && messages.phone,
      },
      t('Niet alle velden zijn goed ingevuld.'),
    );
    if (!isValid) return;
    try {
      await onSave({ name: name.trim(), relation: relation.trim(), email: email.trim() === '' ? null : email.trim(), phone: phone.trim() === '' ? null : phone.trim(), language });
      if (!editing) {
        setName('');
        setRelation('');
        setEmail('');
        setPhone('');
      }
    } catch (failure) {
      fromError(failure, messages, t('Kijk dit veld na.'));
    }
  };
  return (
    <form className="card" onSubmit={(event) => void submit(event)} noValidate>
      <h3>{editing ? t('Gegevens van {{name}} wijzigen', { name: editing.name }) : t('Ouder of verzorger toevoegen')}</h3>
      <ErrorSummary errors={errors} labels={Object.fromEntries(Object.entries(label).map(([key, text]) => [`${prefix}${key}`, text]))} />
      <TextField id={`${prefix}name`} label={label.name} value={name} onChange={setName} error={errors.fields[`${prefix}name`]} maxLength={120} required />
      <TextField id={`${prefix}relation`} label={label.relation} hint={t('Bijvoorbeeld moeder, vader, pleegmoeder of opa.')} value={relation} onChange={setRelation} error={errors.fields[`${prefix}relation`]} maxLength={60} required />
      <TextField id={`${prefix}email`} label={label.email} type="email" value={email} onChange={setEmail} error={errors.fields[`${prefix}email`]} maxLength={254} />
      <TextField id={`${prefix}phone`} label={label.phone} value={phone} onChange={setPhone} error={errors.fields[`${prefix}phone`]} maxLength={30} />
      <SelectField id={`${prefix}language`} label={label.language} value={language} onChange={setLanguage} options={languages.map((entry) => ({ value: entry.code, label: entry.name }))} />
      <SaveActions saveLabel={editing ? t('Wijzigingen opslaan') : t('Toevoegen')} onCancel={editing ? onCancel : null} />
    </form>
  );
}

function SendQuestionnaireForm({
  parents,
  instruments,
  onSend,
}: {
  parents: Parent[];
  instruments: PupilParents['instruments'];
  onSend: (body: { parentId: string; instrumentId: string }) => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'nl';
  const [parentId, setParentId] = useState(parents[0]?.id ?? '');
  const [instrumentId, setInstrumentId] = useState(instruments[0]?.id ?? '');
  const chosen = instruments.find((instrument) => instrument.id === instrumentId);
  return (
    <form
      className="card"
      onSubmit={(event) => {
        event.preventDefault();
        void onSend({ parentId, instrumentId });
      }}
    >
      <h4>{t('Vragenlijst sturen')}</h4>
      <SelectField id="vragenlijst-ouder" label={t('Aan')} value={parentId} onChange={setParentId} options={parents.map((parent) => ({ value: parent.id, label: parent.name }))} />
      <SelectField
        id="vragenlijst-soort"
        label={t('Vragenlijst')}
        value={instrumentId}
        onChange={setInstrumentId}
        options={instruments.map((instrument) => ({ value: instrument.id, label: instrument.name[language] }))}
        hint={chosen ? `${chosen.description[language]} ${chosen.careTeamOnly ? t('Alleen het zorgteam ziet de antwoorden.') : t('De leerkrachten van het kind en het zorgteam zien de antwoorden.')}` : undefined}
      />
      <FormActions>
        <button type="submit" className="button">
          {t('Vragenlijst sturen')}
        </button>
      </FormActions>
    </form>
  );
}
