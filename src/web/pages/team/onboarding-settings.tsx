import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { schoolDateOf } from '../../../shared/school-time';
import { GUIDE_SECTION_KINDS, type GuideSectionKind, ONBOARDING_LIMITS, RAMP_WEEKS } from '../../../shared/onboarding';
import { api } from '../../api/api-client';
import type { ChefBuddyBody, DraftSection, OnboardingSettings, RampItemBody, SectionBody, TextsBody } from '../../api/team-onboarding-types';
import { useApiData } from '../../api/use-api-data';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useFormErrors, useRefusalWords } from '../../components/form-errors';
import { ErrorSummary, FormActions, SaveActions, SelectField, TextAreaField, TextField } from '../../components/form-fields';
import { ErrorMessage, LoadState, SuccessMessage } from '../../components/load-state';
import { useFormat } from '../../i18n/format';
import { rampWeekTitle, sectionKindLabel } from './onboarding-labels';

/** What is about to be removed, asked first. */
type Removal = { section: DraftSection } | { item: OnboardingSettings['rampItems'][number] };

/**
 * The onboarding's settings (school.team.manage): the chef-buddy per location, the guide's draft and publishing it,
 * the ramp template and the role texts. Every change answers with the settings as they now stand.
 */
export function OnboardingSettingsSection({ base, onChanged }: { base: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const refusal = useRefusalWords();
  const settings = useApiData<OnboardingSettings>(`${base}/settings`);
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [removal, setRemoval] = useState<Removal | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [newKey, setNewKey] = useState(0);

  const run = async (action: () => Promise<OnboardingSettings>, done: string) => {
    setFailure(null);
    try {
      settings.setData(await action());
      setMessage(done);
      onChanged();
      return true;
    } catch (error) {
      setFailure(refusal.failure(error));
      return false;
    }
  };
  const remove = async () => {
    if (!removal) return;
    const target = removal;
    setRemoval(null);
    if ('section' in target) await run(() => api.delete(`${base}/guide/draft/sections/${encodeURIComponent(target.section.id)}`), t('Het hoofdstuk is uit het concept gehaald.'));
    else await run(() => api.delete(`${base}/ramp-items/${encodeURIComponent(target.item.id)}`), t('Het onderdeel is uit het inwerkschema gehaald.'));
  };

  const data = settings.data;
  if (!data) return <LoadState error={settings.error} isLoading={settings.isLoading} />;
  const changed = data.draft.filter((section) => section.isChanged).length;
  const locationOptions = [{ value: '', label: t('De hele school') }, ...data.locations.map((location) => ({ value: location.id, label: location.name }))];
  return (
    <section aria-labelledby="onboarding-settings">
      <h2 id="onboarding-settings">{t('Instellingen van het inwerken')}</h2>
      <SuccessMessage message={message} />
      <ErrorMessage message={failure} />

      <h3>{t('Chef-buddy per locatie')}</h3>
      {data.chefBuddies.length === 0 ? <p>{t('De school heeft nog geen locaties. Voeg eerst een locatie toe bij de gegevens van de school.')}</p> : null}
      {data.chefBuddies.map((chef) => (
        <ChefBuddyForm
          key={`${chef.locationId}-${chef.user?.id ?? ''}`}
          chef={chef}
          staff={data.staff}
          onSave={(userId) => {
            const body: ChefBuddyBody = { userId };
            return run(() => api.put(`${base}/chef-buddies/${encodeURIComponent(chef.locationId)}`, body), t('De chef-buddy van {{location}} is opgeslagen.', { location: chef.locationName }));
          }}
        />
      ))}

      <h3>{t('Het inwerkboek')}</h3>
      <p>
        {data.versions[0]
          ? t('Versie {{version}} is gepubliceerd op {{date}}.', { version: data.versions[0].version, date: format.date(schoolDateOf(new Date(data.versions[0].publishedAt))) })
          : t('Het inwerkboek is nog niet gepubliceerd. Pas de voorbeeldhoofdstukken aan en publiceer dan de eerste versie.')}{' '}
        {changed + data.removedSinceCurrent > 0
          ? t('Het concept verschilt op {{changed}} plekken van de gepubliceerde versie.', { changed: changed + data.removedSinceCurrent })
          : t('Het concept is gelijk aan de gepubliceerde versie.')}
      </p>
      <ul className="care-stack">
        {data.draft.map((section) => (
          <li key={section.id} className="card">
            {editing === section.id ? (
              <SectionForm
                idPrefix={`section-${section.id.slice(0, 8)}-`}
                section={section}
                locationOptions={locationOptions}
                onCancel={() => setEditing(null)}
                onSave={async (body) => {
                  const isSaved = await run(() => api.put(`${base}/guide/draft/sections/${encodeURIComponent(section.id)}`, body), t('Het hoofdstuk is bijgewerkt in het concept.'));
                  if (isSaved) setEditing(null);
                }}
              />
            ) : (
              <>
                <h4>
                  {section.title} {section.isChanged ? <span className="badge">{t('gewijzigd')}</span> : null}
                </h4>
                <p className="hint">
                  {sectionKindLabel(t, section.kind)} · {data.locations.find((location) => location.id === section.locationId)?.name ?? t('De hele school')}
                </p>
                <p className="preserve-lines">{section.body}</p>
                <FormActions>
                  <button type="button" className="button button-small button-secondary" onClick={() => setEditing(section.id)}>
                    {t('Bewerken')}
                  </button>
                  <button type="button" className="button button-small button-secondary" onClick={() => setRemoval({ section })}>
                    {t('Verwijderen')}
                  </button>
                </FormActions>
              </>
            )}
          </li>
        ))}
      </ul>
      <div className="card">
        <h4>{t('Hoofdstuk toevoegen')}</h4>
        <SectionForm
          key={newKey}
          idPrefix="section-new-"
          section={null}
          locationOptions={locationOptions}
          onCancel={null}
          onSave={async (body) => {
            if (await run(() => api.post(`${base}/guide/draft/sections`, body), t('Het hoofdstuk staat in het concept.'))) setNewKey((value) => value + 1);
          }}
        />
      </div>
      <FormActions>
        <button type="button" className="button" onClick={() => void run(() => api.post(`${base}/guide/publish`), t('De nieuwe versie van het inwerkboek is gepubliceerd.'))}>
          {t('Concept publiceren als nieuwe versie')}
        </button>
      </FormActions>
      <p className="hint">{t('Nieuwe collega’s bevestigen elk hoofdstuk dat nieuw is of veranderd.')}</p>

      <h3>{t('Het inwerkschema')}</h3>
      {RAMP_WEEKS.map((week) => (
        <div key={week}>
          <h4>{rampWeekTitle(t, week)}</h4>
          <ul>
            {data.rampItems
              .filter((item) => item.week === week)
              .map((item) => (
                <li key={item.id}>
                  {item.text}{' '}
                  <button type="button" className="button button-small button-secondary" onClick={() => setRemoval({ item })}>
                    {t('Verwijderen')}
                  </button>
                </li>
              ))}
          </ul>
        </div>
      ))}
      <RampItemForm key={`ramp-${newKey}`} onSave={(body) => run(() => api.post(`${base}/ramp-items`, body), t('Het onderdeel staat in het inwerkschema.'))} />

      <h3>{t('Teksten over de rollen')}</h3>
      <TextsForm key={`${data.texts.buddyRole}|${data.texts.chefBuddyTasks}`} texts={data.texts} onSave={(body) => run(() => api.put(`${base}/texts`, body), t('De teksten zijn opgeslagen.'))} />

      <ConfirmDialog
        isOpen={removal !== null}
        title={removal && 'section' in removal ? t('Hoofdstuk verwijderen?') : t('Onderdeel verwijderen?')}
        message={
          removal && 'section' in removal
            ? t('“{{title}}” verdwijnt uit het concept. Gepubliceerde versies houden het; de volgende versie niet meer.', { title: removal.section.title })
            : t('“{{text}}” verdwijnt uit het inwerkschema, ook de vinkjes die nieuwe collega’s er al bij zetten.', { text: removal && 'item' in removal ? removal.item.text : '' })
        }
        confirmLabel={t('Verwijderen')}
        isDangerous
        onConfirm={remove}
        onCancel={() => setRemoval(null)}
      />
    </section>
  );
}

function ChefBuddyForm({ chef, staff, onSave }: { chef: OnboardingSettings['chefBuddies'][number]; staff: OnboardingSettings['staff']; onSave: (userId: string | null) => Promise<boolean> }) {
  const { t } = useTranslation();
  const [userId, setUserId] = useState(chef.user?.id ?? '');
  const id = `chef-${chef.locationId.slice(0, 8)}`;
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        void onSave(userId === '' ? null : userId);
      }}
    >
      <SelectField
        id={id}
        label={t('Chef-buddy van {{location}}', { location: chef.locationName })}
        value={userId}
        onChange={setUserId}
        options={[{ value: '', label: t('Nog niemand') }, ...staff.map((member) => ({ value: member.id, label: member.name }))]}
      />
      <button type="submit" className="button button-small">
        {t('Opslaan')}
      </button>
    </form>
  );
}

interface SectionFormProps {
  idPrefix: string;
  section: DraftSection | null;
  locationOptions: { value: string; label: string }[];
  onSave: (body: SectionBody) => Promise<void>;
  onCancel: (() => void) | null;
}

function SectionForm({ idPrefix, section, locationOptions, onSave, onCancel }: SectionFormProps) {
  const { t } = useTranslation();
  const { errors, check } = useFormErrors(idPrefix);
  const [title, setTitle] = useState(section?.title ?? '');
  const [kind, setKind] = useState<GuideSectionKind>(section?.kind ?? 'rules');
  const [locationId, setLocationId] = useState(section?.locationId ?? '');
  const [body, setBody] = useState(section?.body ?? '');
  const ids = { title: `${idPrefix}title`, kind: `${idPrefix}kind`, location: `${idPrefix}locationId`, body: `${idPrefix}body` };
  const labels = { [ids.title]: t('Titel'), [ids.kind]: t('Soort'), [ids.location]: t('Voor wie'), [ids.body]: t('Tekst') };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const isValid = check(
      { [ids.title]: title.trim() === '' && t('Geef het hoofdstuk een titel.'), [ids.body]: body.trim() === '' && t('Schrijf de tekst van het hoofdstuk.') },
      t('Het hoofdstuk is nog niet opgeslagen.'),
    );
    if (isValid) void onSave({ title, kind, locationId: locationId === '' ? null : locationId, body });
  };
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary errors={errors} labels={labels} />
      <TextField id={ids.title} label={labels[ids.title]!} value={title} onChange={setTitle} error={errors.fields[ids.title]} maxLength={ONBOARDING_LIMITS.sectionTitle} required />
      <SelectField id={ids.kind} label={labels[ids.kind]!} value={kind} onChange={(value) => setKind(value as GuideSectionKind)} options={GUIDE_SECTION_KINDS.map((option) => ({ value: option, label: sectionKindLabel(t, option) }))} />
      <SelectField id={ids.location} label={labels[ids.location]!} value={locationId} onChange={setLocationId} options={locationOptions} />
      <TextAreaField id={ids.body} label={labels[ids.body]!} value={body} onChange={setBody} error={errors.fields[ids.body]} rows={6} maxLength={ONBOARDING_LIMITS.sectionBody} />
      <SaveActions saveLabel={section ? t('Hoofdstuk opslaan') : t('Hoofdstuk toevoegen')} onCancel={onCancel} />
    </form>
  );
}

function RampItemForm({ onSave }: { onSave: (body: RampItemBody) => Promise<boolean> }) {
  const { t } = useTranslation();
  const { errors, check } = useFormErrors('ramp-new-');
  const [week, setWeek] = useState('1');
  const [text, setText] = useState('');
  const labels = { 'ramp-new-week': t('Week'), 'ramp-new-text': t('Wat doet de nieuwe collega?') };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (check({ 'ramp-new-text': text.trim() === '' && t('Beschrijf het onderdeel.') }, t('Het onderdeel is nog niet opgeslagen.'))) {
      void onSave({ week: Number(week) as 1 | 2 | 3, text });
    }
  };
  return (
    <form onSubmit={submit} noValidate className="card">
      <h4>{t('Onderdeel toevoegen')}</h4>
      <ErrorSummary errors={errors} labels={labels} />
      <SelectField id="ramp-new-week" label={labels['ramp-new-week']!} value={week} onChange={setWeek} options={RAMP_WEEKS.map((option) => ({ value: String(option), label: rampWeekTitle(t, option) }))} />
      <TextField id="ramp-new-text" label={labels['ramp-new-text']!} value={text} onChange={setText} error={errors.fields['ramp-new-text']} maxLength={ONBOARDING_LIMITS.rampItem} />
      <FormActions>
        <button type="submit" className="button">
          {t('Onderdeel toevoegen')}
        </button>
      </FormActions>
    </form>
  );
}

function TextsForm({ texts, onSave }: { texts: OnboardingSettings['texts']; onSave: (body: TextsBody) => Promise<boolean> }) {
  const { t } = useTranslation();
  const { errors, check } = useFormErrors('texts-');
  const [buddyRole, setBuddyRole] = useState(texts.buddyRole);
  const [chefBuddyTasks, setChefBuddyTasks] = useState(texts.chefBuddyTasks);
  const labels = { 'texts-buddyRole': t('De rol van de buddy'), 'texts-chefBuddyTasks': t('De taken van de chef-buddy') };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const isValid = check(
      { 'texts-buddyRole': buddyRole.trim() === '' && t('Deze tekst mag niet leeg zijn.'), 'texts-chefBuddyTasks': chefBuddyTasks.trim() === '' && t('Deze tekst mag niet leeg zijn.') },
      t('De teksten zijn nog niet opgeslagen.'),
    );
    if (isValid) void onSave({ buddyRole, chefBuddyTasks });
  };
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary errors={errors} labels={labels} />
      <TextAreaField id="texts-buddyRole" label={labels['texts-buddyRole']!} value={buddyRole} onChange={setBuddyRole} error={errors.fields['texts-buddyRole']} rows={5} maxLength={ONBOARDING_LIMITS.roleText} />
      <TextAreaField
        id="texts-chefBuddyTasks"
        label={labels['texts-chefBuddyTasks']!}
        value={chefBuddyTasks}
        onChange={setChefBuddyTasks}
        error={errors.fields['texts-chefBuddyTasks']}
        rows={5}
        maxLength={ONBOARDING_LIMITS.roleText}
      />
      <FormActions>
        <button type="submit" className="button">
          {t('Teksten opslaan')}
        </button>
      </FormActions>
    </form>
  );
}
