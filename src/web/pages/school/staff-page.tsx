import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SCHOOL_ROLES, type SchoolRole } from '../../../shared/roles';
import { api, ApiError, apiPath } from '../../api/api-client';
import type { InvitationRequest, SchoolClass, StaffMember } from '../../api/api-types';
import { useApiData } from '../../api/use-api-data';
import { ConfirmDialog, Dialog } from '../../components/confirm-dialog';
import { CheckboxGroup, ErrorSummary, FormActions, TextField } from '../../components/form-fields';
import { useFormErrors } from '../../components/form-errors';
import { LoadState, SuccessMessage } from '../../components/load-state';
import { Page } from '../../components/page';
import { TableWrap } from '../../components/table-wrap';
import { isEmail } from '../../components/validation';
import { roleHint, roleLabel } from '../../i18n/labels';
import { useSession } from '../../session/session-context';
import { useSchool } from './school-layout';

type Confirmation = { member: StaffMember; action: 'disable' | 'enable' | 'signOut' };

// The API path below /staff/:userId/ for each confirmed action.
const ACTION_PATHS = { disable: 'disable', enable: 'enable', signOut: 'sessions/end' } as const;

/** Staff of a school: who has which roles, inviting, changing roles, disabling accounts. */
export function StaffPage() {
  const { t } = useTranslation();
  const { school, can } = useSchool();
  const { session } = useSession();
  const canManage = can('school.staff.manage');
  const staffPath = apiPath('/api/schools/:schoolId/staff', { schoolId: school.id });
  const { data: staff, error, isLoading, reload } = useApiData<StaffMember[]>(staffPath);
  const { data: classes } = useApiData<SchoolClass[]>(
    apiPath('/api/schools/:schoolId/classes', { schoolId: school.id }, { schoolYear: school.currentSchoolYear }),
  );
  const [saved, setSaved] = useState<string | null>(null);
  const [editing, setEditing] = useState<StaffMember | null>(null);
  const [confirming, setConfirming] = useState<Confirmation | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const className = (id: string) => classes?.find((item) => item.id === id)?.name;

  const status = (member: StaffMember) => {
    if (member.disabled) return t('Uitgeschakeld');
    if (member.invitationPending) return t('Uitnodiging verstuurd');
    return t('Actief');
  };

  const resend = async (member: StaffMember) => {
    setSaved(null);
    setActionError(null);
    try {
      await api.post(apiPath('/api/schools/:schoolId/staff/:userId/invitation', { schoolId: school.id, userId: member.userId }));
      setSaved(t('De uitnodiging is opnieuw verstuurd naar {{email}}.', { email: member.email }));
    } catch (failure) {
      setActionError(failure instanceof ApiError ? failure.message : String(failure));
    }
  };

  const confirm = async () => {
    if (!confirming) return;
    const { member, action } = confirming;
    try {
      await api.post(apiPath(`/api/schools/:schoolId/staff/:userId/${ACTION_PATHS[action]}`, { schoolId: school.id, userId: member.userId }));
      const done = {
        disable: t('Het account van {{name}} is uitgeschakeld.', { name: member.name }),
        enable: t('Het account van {{name}} is weer ingeschakeld.', { name: member.name }),
        signOut: t('{{name}} is overal uitgelogd.', { name: member.name }),
      };
      setSaved(done[action]);
      setConfirming(null);
      reload();
    } catch (failure) {
      setActionError(failure instanceof ApiError ? failure.message : String(failure));
    }
  };

  return (
    <Page title={t('Personeel')}>
      <SuccessMessage message={saved} />
      {actionError && !confirming ? (
        <p className="notice notice-error" role="alert">
          {actionError}
        </p>
      ) : null}
      <LoadState error={error} isLoading={isLoading && !staff} />
      {staff ? (
        staff.length === 0 ? (
          <p className="notice">{t('Er is nog niemand aan deze school gekoppeld.')}</p>
        ) : (
          <TableWrap label={t('Personeel van {{name}}', { name: school.name })}>
            <table>
              <caption className="visually-hidden">{t('Personeel van {{name}}', { name: school.name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('Naam')}</th>
                  <th scope="col">{t('E-mailadres')}</th>
                  <th scope="col">{t('Rollen')}</th>
                  <th scope="col">{t('Klassen')}</th>
                  <th scope="col">{t('Status')}</th>
                  {canManage ? (
                    <th scope="col">
                      <span className="visually-hidden">{t('Acties')}</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {staff.map((member) => {
                  const isMe = member.userId === session.user?.id;
                  return (
                    <tr key={member.userId}>
                      <th scope="row">{member.name || member.email}</th>
                      <td>{member.email}</td>
                      <td>{member.roles.map((role) => roleLabel(t, role)).join(', ')}</td>
                      <td>
                        {member.classIds
                          .map(className)
                          .filter((name): name is string => name !== undefined)
                          .join(', ')}
                      </td>
                      <td>
                        <span className={member.disabled ? 'badge badge-off' : member.invitationPending ? 'badge badge-wait' : 'badge badge-on'}>{status(member)}</span>
                      </td>
                      {canManage ? (
                        <td className="actions">
                          <div className="action-buttons">
                            <button type="button" className="button button-small button-secondary" aria-label={t('Rollen van {{name}} wijzigen', { name: member.name || member.email })} onClick={() => setEditing(member)}>
                              {t('Rollen wijzigen')}
                            </button>
                            {member.invitationPending && !member.disabled ? (
                              <button type="button" className="button button-small button-secondary" aria-label={t('Uitnodiging opnieuw sturen naar {{name}}', { name: member.name || member.email })} onClick={() => void resend(member)}>
                                {t('Uitnodiging opnieuw sturen')}
                              </button>
                            ) : null}
                            {isMe || member.disabled || member.invitationPending ? null : (
                              <button
                                type="button"
                                className="button button-small button-secondary"
                                aria-label={t('{{name}} overal uitloggen', { name: member.name || member.email })}
                                onClick={() => {
                                  setActionError(null);
                                  setConfirming({ member, action: 'signOut' });
                                }}
                              >
                                {t('Overal uitloggen')}
                              </button>
                            )}
                            {isMe ? null : member.disabled ? (
                              <button
                                type="button"
                                className="button button-small button-secondary"
                                aria-label={t('Account van {{name}} inschakelen', { name: member.name || member.email })}
                                onClick={() => {
                                  setActionError(null);
                                  setConfirming({ member, action: 'enable' });
                                }}
                              >
                                {t('Inschakelen')}
                              </button>
                            ) : (
                              <button
                                type="button"
                                className="button button-small button-danger-quiet"
                                aria-label={t('Account van {{name}} uitschakelen', { name: member.name || member.email })}
                                onClick={() => {
                                  setActionError(null);
                                  setConfirming({ member, action: 'disable' });
                                }}
                              >
                                {t('Uitschakelen')}
                              </button>
                            )}
                          </div>
                        </td>
                        ) : null}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TableWrap>
          )
        ) : null}

        {canManage ? (
          <InviteForm
            schoolId={school.id}
            classes={classes ?? []}
            schoolYear={school.currentSchoolYear}
            onInvited={(member) => {
              setSaved(t('{{name}} is uitgenodigd. De uitnodiging is verstuurd naar {{email}}.', { name: member.name, email: member.email }));
              reload();
            }}
          />
        ) : null}

        <RolesDialog
          schoolId={school.id}
          schoolYear={school.currentSchoolYear}
          member={editing}
          classes={classes ?? []}
          onClose={() => setEditing(null)}
          onSaved={(member, name) => {
            setEditing(null);
            setSaved(member ? t('De rollen van {{name}} zijn opgeslagen.', { name }) : t('{{name}} is uit deze school verwijderd.', { name }));
            reload();
          }}
        />
        <ConfirmDialog
          isOpen={confirming !== null}
          title={{ enable: t('Account inschakelen?'), disable: t('Account uitschakelen?'), signOut: t('Overal uitloggen?') }[confirming?.action ?? 'disable']}
          message={
            <p>
              {confirming?.action === 'enable'
                ? t('{{name}} kan dan weer inloggen.', { name: confirming.member.name || confirming.member.email })
                : confirming?.action === 'signOut'
                  ? t('{{name}} wordt op elk apparaat meteen uitgelogd, bijvoorbeeld na een verloren laptop. Het account blijft werken: met wachtwoord (en code) kan {{name}} weer inloggen.', {
                      name: confirming.member.name || confirming.member.email,
                    })
                  : t('{{name}} kan dan niet meer inloggen en wordt meteen uitgelogd. Je kunt het account later weer inschakelen.', {
                      name: confirming?.member.name || confirming?.member.email || '',
                    })}
            </p>
          }
          confirmLabel={{ enable: t('Inschakelen'), disable: t('Uitschakelen'), signOut: t('Overal uitloggen') }[confirming?.action ?? 'disable']}
          isDangerous={confirming?.action === 'disable'}
          error={actionError}
          onConfirm={confirm}
          onCancel={() => setConfirming(null)}
        />
      </Page>
    );
  }

  function roleOptions(t: ReturnType<typeof useTranslation>['t']) {
    return SCHOOL_ROLES.map((role) => ({ value: role, label: roleLabel(t, role), hint: roleHint(t, role) }));
  }

  interface InviteFormProps {
    schoolId: string;
    classes: SchoolClass[];
    schoolYear: string;
    onInvited: (member: StaffMember) => void;
  }

  function InviteForm({ schoolId, classes, schoolYear, onInvited }: InviteFormProps) {
    const { t } = useTranslation();
    const empty: InvitationRequest = { name: '', email: '', roles: [], classIds: [] };
    const [form, setForm] = useState<InvitationRequest>(empty);
    const [isBusy, setIsBusy] = useState(false);
    const { errors, check, fromError } = useFormErrors('uitnodigen-');
    const labels = {
      'uitnodigen-name': t('Naam'),
      'uitnodigen-email': t('E-mailadres'),
      'uitnodigen-roles': t('Rollen'),
      'uitnodigen-classIds': t('Klassen'),
    };
    const messages = {
      name: t('Vul een naam in.'),
      email: t('Vul een geldig e-mailadres in.'),
      roles: t('Kies minstens één rol.'),
      classIds: t('Kies alleen bestaande klassen.'),
    };
    const isTeacher = form.roles.includes('teacher');

    const submit = async (event: FormEvent) => {
      event.preventDefault();
      const isValid = check(
        {
          'uitnodigen-name': form.name.trim() === '' && messages.name,
          'uitnodigen-email': !isEmail(form.email) && messages.email,
          'uitnodigen-roles': form.roles.length === 0 && messages.roles,
        },
        t('Niet alle velden zijn goed ingevuld.'),
      );
      if (!isValid) return;
      setIsBusy(true);
      try {
        const member = await api.post<StaffMember>(apiPath('/api/schools/:schoolId/invitations', { schoolId }), {
          ...form,
          classIds: isTeacher ? form.classIds : [],
        });
        setForm(empty);
        onInvited(member);
      } catch (failure) {
        fromError(failure, messages);
      } finally {
        setIsBusy(false);
      }
    };

    return (
      <section aria-labelledby="uitnodigen-kop" className="card">
        <h2 id="uitnodigen-kop">{t('Collega uitnodigen')}</h2>
        <p>{t('Je collega krijgt een e-mail met een link om een wachtwoord te kiezen. Zonder mailserver staat de e-mail in het postvak.')}</p>
        <ErrorSummary errors={errors} labels={labels} />
        <form onSubmit={(event) => void submit(event)} noValidate>
          <TextField id="uitnodigen-name" label={labels['uitnodigen-name']} value={form.name} onChange={(name) => setForm({ ...form, name })} error={errors.fields['uitnodigen-name']} required maxLength={120} autoComplete="off" />
          <TextField id="uitnodigen-email" type="email" label={labels['uitnodigen-email']} value={form.email} onChange={(email) => setForm({ ...form, email })} error={errors.fields['uitnodigen-email']} required autoComplete="off" />
          <CheckboxGroup<SchoolRole>
            id="uitnodigen-roles"
            legend={labels['uitnodigen-roles']}
            options={roleOptions(t)}
            selected={form.roles}
            onChange={(roles) => setForm({ ...form, roles })}
            error={errors.fields['uitnodigen-roles']}
          />
          {isTeacher ? (
            <ClassChoice id="uitnodigen-classIds" legend={t('Klassen van deze leerkracht')} classes={classes} schoolYear={schoolYear} selected={form.classIds} onChange={(classIds) => setForm({ ...form, classIds })} error={errors.fields['uitnodigen-classIds']} />
          ) : null}
          <FormActions>
            <button type="submit" className="button" disabled={isBusy}>
              {t('Uitnodiging versturen')}
            </button>
          </FormActions>
        </form>
      </section>
    );
  }

  function ClassChoice(props: { id: string; legend: string; classes: SchoolClass[]; schoolYear: string; selected: string[]; onChange: (ids: string[]) => void; error?: string | undefined }) {
    const { t } = useTranslation();
    if (props.classes.length === 0) {
      return <p className="notice">{t('Er zijn nog geen klassen in {{year}}. Je kunt klassen later koppelen via Rollen wijzigen.', { year: props.schoolYear })}</p>;
    }
    return (
      <CheckboxGroup<string>
        id={props.id}
        legend={props.legend}
        hint={t('Een leerkracht ziet alleen de leerlingen van deze klassen ({{year}}).', { year: props.schoolYear })}
        options={props.classes.map((item) => ({ value: item.id, label: item.name }))}
        selected={props.selected}
        onChange={props.onChange}
        error={props.error}
      />
    );
  }

  interface RolesDialogProps {
    schoolId: string;
    schoolYear: string;
    member: StaffMember | null;
    classes: SchoolClass[];
    onClose: () => void;
    onSaved: (member: StaffMember | null, name: string) => void;
  }

  function RolesDialog({ schoolId, schoolYear, member, classes, onClose, onSaved }: RolesDialogProps) {
    const { t } = useTranslation();
    const [roles, setRoles] = useState<SchoolRole[]>([]);
    const [classIds, setClassIds] = useState<string[]>([]);
    const [shownFor, setShownFor] = useState<string | null>(null);
    const { errors, fromError, clear } = useFormErrors('rollen-');
    // Start from the member's current roles each time the dialog opens.
    if (member && shownFor !== member.userId) {
      setShownFor(member.userId);
      setRoles(member.roles);
      setClassIds(member.classIds);
      clear();
    }
    if (!member && shownFor !== null) setShownFor(null);
    const name = member ? member.name || member.email : '';
    const isTeacher = roles.includes('teacher');

    const save = async (event: FormEvent) => {
      event.preventDefault();
      if (!member) return;
      try {
        const result = await api.put<{ member: StaffMember | null }>(apiPath('/api/schools/:schoolId/staff/:userId/roles', { schoolId, userId: member.userId }), {
          roles,
          classIds: isTeacher ? classIds : [],
        });
        onSaved(result.member, name);
      } catch (failure) {
        fromError(failure, { roles: t('Kies geldige rollen.'), classIds: t('Kies alleen bestaande klassen.') });
      }
    };

    return (
      <Dialog isOpen={member !== null} title={t('Rollen van {{name}}', { name })} onClose={onClose}>
        <ErrorSummary errors={errors} labels={{ 'rollen-roles': t('Rollen'), 'rollen-classIds': t('Klassen') }} />
        <form onSubmit={(event) => void save(event)} noValidate>
          <CheckboxGroup<SchoolRole> id="rollen-roles" legend={t('Rollen in deze school')} options={roleOptions(t)} selected={roles} onChange={setRoles} error={errors.fields['rollen-roles']} />
          {isTeacher ? (
            <ClassChoice
              id="rollen-classIds"
              legend={t('Klassen van deze leerkracht')}
              classes={classes}
              schoolYear={schoolYear}
              selected={classIds}
              // Links to classes of other school years are not shown here and stay as they are.
              onChange={setClassIds}
              error={errors.fields['rollen-classIds']}
            />
          ) : null}
          {roles.length === 0 ? <p className="notice notice-warning">{t('Zonder rollen wordt {{name}} uit deze school verwijderd.', { name })}</p> : null}
          <FormActions>
            <button type="submit" className={roles.length === 0 ? 'button button-danger' : 'button'}>
              {roles.length === 0 ? t('Uit de school verwijderen') : t('Opslaan')}
            </button>
            <button type="button" className="button button-secondary" onClick={onClose}>
              {t('Annuleren')}
            </button>
          </FormActions>
        </form>
      </Dialog>
    );
  }
