import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SCHOOL_ROLES, type SchoolRole } from '../../../shared/roles';
import { api, ApiError, apiPath } from '../../api/api-client';
import type { Invitation, InvitationRequest, InvitationSent, RoleGrant, SchoolClass, StaffMember } from '../../api/api-types';
import { useApiData } from '../../api/use-api-data';
import { ConfirmDialog, Dialog } from '../../components/confirm-dialog';
import { CheckboxGroup, ErrorSummary, FormActions, TextField } from '../../components/form-fields';
import { useFormErrors } from '../../components/form-errors';
import { LoadState, SuccessMessage } from '../../components/load-state';
import { Page } from '../../components/page';
import { SpreadsheetDownloadBar } from '../../components/spreadsheet-downloads';
import { TableWrap } from '../../components/table-wrap';
import { isEmail } from '../../components/validation';
import { Link } from 'react-router';
import { formatDate, formatDateTime } from '../../i18n/format';
import { roleHint, roleLabel } from '../../i18n/labels';
import { useSession } from '../../session/session-context';
import { nameFromEmail } from './name-from-email';
import { useSchool } from './school-layout';
import { staffImportPath } from './staff-import-page';
import { StartDateDialog } from './staff-start-date-dialog';

type MemberAction = 'block' | 'unblock' | 'signOut';
type Confirmation = { kind: 'member'; member: StaffMember; action: MemberAction } | { kind: 'withdraw'; invitation: Invitation };

// The API path below /staff/:userId/ for each confirmed action on a member.
const ACTION_PATHS: Record<MemberAction, string> = { block: 'disable', unblock: 'enable', signOut: 'sessions/end' };

/**
 * Staff of a school: who has which roles, inviting, changing roles, blocking someone in this school, open
 * invitations, and care-team roles that wait for a second person's approval.
 */
export function StaffPage() {
  const { t, i18n } = useTranslation();
  const { school, can } = useSchool();
  const { session } = useSession();
  const canManage = can('school.staff.manage');
  const canApprove = can('school.roles.approve');
  const { data: staff, error, isLoading, reload } = useApiData<StaffMember[]>(apiPath('/api/schools/:schoolId/staff', { schoolId: school.id }));
  const invitations = useApiData<Invitation[]>(apiPath('/api/schools/:schoolId/invitations', { schoolId: school.id }));
  const grants = useApiData<RoleGrant[]>(apiPath('/api/schools/:schoolId/role-grants', { schoolId: school.id }));
  const { data: classes } = useApiData<SchoolClass[]>(
    apiPath('/api/schools/:schoolId/classes', { schoolId: school.id }, { schoolYear: school.currentSchoolYear }),
  );
  const [saved, setSaved] = useState<string | null>(null);
  const [editing, setEditing] = useState<StaffMember | null>(null);
  const [editingStart, setEditingStart] = useState<StaffMember | null>(null);
  const [confirming, setConfirming] = useState<Confirmation | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const className = (id: string) => classes?.find((item) => item.id === id)?.name;
  const reloadAll = () => {
    reload();
    invitations.reload();
    grants.reload();
  };
  const nameOf = (person: { name: string; email: string }) => person.name || person.email;

  const status = (member: StaffMember) => {
    if (member.accountDisabled) return t('Account uitgeschakeld door het bestuur');
    if (member.blocked) return t('Geblokkeerd in deze school');
    if (member.invitationPending) return t('Nog geen wachtwoord gekozen');
    return t('Actief');
  };

  const run = async (action: () => Promise<unknown>, done: string) => {
    setSaved(null);
    setActionError(null);
    try {
      await action();
      setSaved(done);
      setConfirming(null);
      reloadAll();
    } catch (failure) {
      setActionError(failure instanceof ApiError ? failure.message : String(failure));
    }
  };

  const resend = async (invitation: Invitation) => {
    setSaved(null);
    setActionError(null);
    try {
      const sent = await api.post<InvitationSent>(apiPath('/api/schools/:schoolId/invitations/:invitationId/resend', { schoolId: school.id, invitationId: invitation.id }));
      setSaved(
        sent.mailDelivery === 'sent'
          ? t('De uitnodiging is opnieuw verstuurd naar {{email}}.', { email: invitation.email })
          : t('De uitnodiging voor {{email}} staat opnieuw in het postvak. Er is geen mailserver ingesteld: geef de link zelf door.', { email: invitation.email }),
      );
      reloadAll();
    } catch (failure) {
      setActionError(failure instanceof ApiError ? failure.message : String(failure));
    }
  };

  const decide = (grant: RoleGrant, approve: boolean) =>
    run(
      () => api.post(apiPath(`/api/schools/:schoolId/role-grants/:grantId/${approve ? 'approve' : 'reject'}`, { schoolId: school.id, grantId: grant.id })),
      approve
        ? t('{{name}} hoort nu bij het zorgteam (of zodra de uitnodiging is geaccepteerd). {{name}} krijgt daarover een e-mail.', { name: nameOf(grant) })
        : t('De aanvraag voor {{name}} is afgewezen.', { name: nameOf(grant) }),
    );

  const confirm = async () => {
    if (!confirming) return;
    if (confirming.kind === 'withdraw') {
      const { invitation } = confirming;
      await run(
        () => api.delete(apiPath('/api/schools/:schoolId/invitations/:invitationId', { schoolId: school.id, invitationId: invitation.id })),
        t('De uitnodiging voor {{name}} is ingetrokken.', { name: nameOf(invitation) }),
      );
      return;
    }
    const { member, action } = confirming;
    const done: Record<MemberAction, string> = {
      block: t('{{name}} is geblokkeerd in deze school.', { name: nameOf(member) }),
      unblock: t('{{name}} heeft weer toegang tot deze school.', { name: nameOf(member) }),
      signOut: t('{{name}} is uitgelogd bij deze school.', { name: nameOf(member) }),
    };
    await run(() => api.post(apiPath(`/api/schools/:schoolId/staff/:userId/${ACTION_PATHS[action]}`, { schoolId: school.id, userId: member.userId })), done[action]);
  };

  const rolesText = (roles: SchoolRole[], pendingRoles: SchoolRole[]) =>
    [...roles.map((role) => roleLabel(t, role)), ...pendingRoles.map((role) => t('{{role}} (wacht op goedkeuring)', { role: roleLabel(t, role) }))].join(', ');

  const confirmTitle = confirming?.kind === 'withdraw' ? t('Uitnodiging intrekken?') : { block: t('Blokkeren in deze school?'), unblock: t('Toegang herstellen?'), signOut: t('Uitloggen bij deze school?') }[confirming?.action ?? 'block'];
  const confirmMessage =
    confirming?.kind === 'withdraw'
      ? t('De link in de uitnodiging aan {{email}} werkt dan niet meer.', { email: confirming.invitation.email })
      : confirming?.action === 'unblock'
        ? t('{{name}} kan dan weer met de eigen rollen in deze school werken.', { name: nameOf(confirming.member) })
        : confirming?.action === 'signOut'
          ? t('Op elk apparaat waar {{name}} nu is ingelogd, vervalt de toegang tot deze school meteen, bijvoorbeeld na een verloren laptop. Na opnieuw inloggen werkt alles weer.', { name: nameOf(confirming.member) })
          : t('De rollen van {{name}} in deze school tellen dan meteen niet meer. Het account zelf blijft bestaan; je kunt de blokkade later opheffen.', { name: confirming ? nameOf(confirming.member) : '' });
  const confirmLabel =
    confirming?.kind === 'withdraw' ? t('Intrekken') : { block: t('Blokkeren'), unblock: t('Toegang herstellen'), signOut: t('Uitloggen bij deze school') }[confirming?.action ?? 'block'];

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
                  <th scope="col">{t('In dienst sinds')}</th>
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
                  const isOff = member.accountDisabled || member.blocked;
                  return (
                    <tr key={member.userId}>
                      <th scope="row">
                        {nameOf(member)}
                        {member.fromOtherBoard ? <span className="muted"> · {t('account van een ander bestuur')}</span> : null}
                      </th>
                      <td>{member.email}</td>
                      <td>{rolesText(member.roles, member.pendingRoles)}</td>
                      <td>
                        {member.classIds
                          .map(className)
                          .filter((name): name is string => name !== undefined)
                          .join(', ')}
                      </td>
                      <td>
                        {member.startedOn ? (
                          formatDate(member.startedOn, i18n.language)
                        ) : (
                          <span className="muted">{t('{{date}} (rol gegeven)', { date: formatDate(member.joinedOn, i18n.language) })}</span>
                        )}
                      </td>
                      <td>
                        <span className={isOff ? 'badge badge-off' : member.invitationPending ? 'badge badge-wait' : 'badge badge-on'}>{status(member)}</span>
                      </td>
                      {canManage ? (
                        <td className="actions">
                          <div className="action-buttons">
                            <button type="button" className="button button-small button-secondary" aria-label={t('Rollen van {{name}} wijzigen', { name: nameOf(member) })} onClick={() => setEditing(member)}>
                              {t('Rollen wijzigen')}
                            </button>
                            <button type="button" className="button button-small button-secondary" aria-label={t('Startdatum van {{name}} wijzigen', { name: nameOf(member) })} onClick={() => setEditingStart(member)}>
                              {t('Startdatum')}
                            </button>
                            {isMe || isOff || member.invitationPending ? null : (
                              <button
                                type="button"
                                className="button button-small button-secondary"
                                aria-label={t('{{name}} uitloggen bij deze school', { name: nameOf(member) })}
                                onClick={() => {
                                  setActionError(null);
                                  setConfirming({ kind: 'member', member, action: 'signOut' });
                                }}
                              >
                                {t('Uitloggen bij deze school')}
                              </button>
                            )}
                            {isMe ? null : member.blocked ? (
                              <button
                                type="button"
                                className="button button-small button-secondary"
                                aria-label={t('Toegang van {{name}} herstellen', { name: nameOf(member) })}
                                onClick={() => {
                                  setActionError(null);
                                  setConfirming({ kind: 'member', member, action: 'unblock' });
                                }}
                              >
                                {t('Toegang herstellen')}
                              </button>
                            ) : (
                              <button
                                type="button"
                                className="button button-small button-danger-quiet"
                                aria-label={t('{{name}} blokkeren in deze school', { name: nameOf(member) })}
                                onClick={() => {
                                  setActionError(null);
                                  setConfirming({ kind: 'member', member, action: 'block' });
                                }}
                              >
                                {t('Blokkeren')}
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
      {staff && staff.length > 0 ? <SpreadsheetDownloadBar path="/api/schools/:schoolId/staff" params={{ schoolId: school.id }} what={t('Personeel')} /> : null}

      {grants.data && grants.data.length > 0 ? (
        <section aria-labelledby="goedkeuren-kop" className="card">
          <h2 id="goedkeuren-kop">{t('Wacht op goedkeuring')}</h2>
          <p>{t('Wie bij het zorgteam hoort, leest gevoelige gegevens over leerlingen. Daarom telt die rol pas als een tweede persoon hem goedkeurt: de schoolleiding of een andere beheerder, niet degene die hem aanvroeg en niet degene die hem krijgt.')}</p>
          <TableWrap label={t('Rollen die wachten op goedkeuring')}>
            <table>
              <caption className="visually-hidden">{t('Rollen die wachten op goedkeuring')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('Naam')}</th>
                  <th scope="col">{t('Rol')}</th>
                  <th scope="col">{t('Aangevraagd door')}</th>
                  <th scope="col">{t('Aangevraagd op')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('Acties')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {grants.data.map((grant) => (
                  <tr key={grant.id}>
                    <th scope="row">{nameOf(grant)}</th>
                    <td>{roleLabel(t, grant.role)}</td>
                    <td>{grant.requestedBy ?? '—'}</td>
                    <td>{formatDateTime(grant.requestedAt, i18n.language)}</td>
                    <td className="actions">
                      {canApprove && grant.canDecide ? (
                        <div className="action-buttons">
                          <button type="button" className="button button-small" aria-label={t('Zorgrol van {{name}} goedkeuren', { name: nameOf(grant) })} onClick={() => void decide(grant, true)}>
                            {t('Goedkeuren')}
                          </button>
                          <button type="button" className="button button-small button-secondary" aria-label={t('Zorgrol van {{name}} afwijzen', { name: nameOf(grant) })} onClick={() => void decide(grant, false)}>
                            {t('Afwijzen')}
                          </button>
                        </div>
                      ) : (
                        <span className="muted">{t('Wacht op een tweede persoon')}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </section>
      ) : null}

      {invitations.data && invitations.data.length > 0 ? (
        <section aria-labelledby="uitnodigingen-kop" className="card">
          <h2 id="uitnodigingen-kop">{t('Openstaande uitnodigingen')}</h2>
          <TableWrap label={t('Uitnodigingen die nog niet beantwoord zijn')}>
            <table>
              <caption className="visually-hidden">{t('Uitnodigingen die nog niet beantwoord zijn')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('Naam')}</th>
                  <th scope="col">{t('E-mailadres')}</th>
                  <th scope="col">{t('Rollen')}</th>
                  <th scope="col">{t('Klassen')}</th>
                  <th scope="col">{t('Geldig tot')}</th>
                  {canManage ? (
                    <th scope="col">
                      <span className="visually-hidden">{t('Acties')}</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {invitations.data.map((invitation) => (
                  <tr key={invitation.id}>
                    <th scope="row">{nameOf(invitation)}</th>
                    <td>{invitation.email}</td>
                    <td>{rolesText(invitation.roles, invitation.pendingRoles)}</td>
                    <td>
                      {invitation.classIds
                        .map(className)
                        .filter((name): name is string => name !== undefined)
                        .join(', ')}
                    </td>
                    <td>{formatDateTime(invitation.expiresAt, i18n.language)}</td>
                    {canManage ? (
                      <td className="actions">
                        <div className="action-buttons">
                          <button type="button" className="button button-small button-secondary" aria-label={t('Uitnodiging opnieuw sturen naar {{name}}', { name: nameOf(invitation) })} onClick={() => void resend(invitation)}>
                            {t('Opnieuw sturen')}
                          </button>
                          <button
                            type="button"
                            className="button button-small button-danger-quiet"
                            aria-label={t('Uitnodiging aan {{name}} intrekken', { name: nameOf(invitation) })}
                            onClick={() => {
                              setActionError(null);
                              setConfirming({ kind: 'withdraw', invitation });
                            }}
                          >
                            {t('Intrekken')}
                          </button>
                        </div>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </section>
      ) : null}

      {canManage ? (
        <InviteForm
          schoolId={school.id}
          classes={classes ?? []}
          schoolYear={school.currentSchoolYear}
          onInvited={(invitation) => {
            setSaved(
              invitation.mailDelivery === 'sent'
                ? t('De uitnodiging voor {{name}} is verstuurd naar {{email}}.', { name: invitation.name, email: invitation.email })
                : t('De uitnodiging voor {{name}} staat in het postvak. Er is geen mailserver ingesteld: geef de link uit het postvak zelf door aan {{email}}.', {
                    name: invitation.name,
                    email: invitation.email,
                  }),
            );
            reloadAll();
          }}
        />
      ) : null}
      {canManage ? (
        <section aria-labelledby="importeren-kop" className="card">
          <h2 id="importeren-kop">{t('Hele team in één keer')}</h2>
          <p>{t('Heb je een lijst van je team in een spreadsheet? Importeer naam, e-mailadres, rollen en startdatum uit een CSV-bestand.')}</p>
          <p>
            <Link to={staffImportPath(school.id)}>{t('Personeel importeren')}</Link>
          </p>
        </section>
      ) : null}
      <StartDateDialog
        schoolId={school.id}
        member={editingStart}
        onClose={() => setEditingStart(null)}
        onSaved={(member) => {
          setEditingStart(null);
          setSaved(t('De startdatum van {{name}} is opgeslagen.', { name: nameOf(member) }));
          reloadAll();
        }}
      />

      <RolesDialog
        schoolId={school.id}
        schoolYear={school.currentSchoolYear}
        member={editing}
        classes={classes ?? []}
        onClose={() => setEditing(null)}
        onSaved={(member, name) => {
          setEditing(null);
          setSaved(member ? t('De rollen van {{name}} zijn opgeslagen.', { name }) : t('{{name}} is uit deze school verwijderd.', { name }));
          reloadAll();
        }}
      />
      <ConfirmDialog
        isOpen={confirming !== null}
        title={confirmTitle}
        message={<p>{confirmMessage}</p>}
        confirmLabel={confirmLabel}
        isDangerous={confirming?.kind === 'withdraw' || confirming?.action === 'block'}
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
    onInvited: (invitation: InvitationSent) => void;
  }

  function InviteForm({ schoolId, classes, schoolYear, onInvited }: InviteFormProps) {
    const { t } = useTranslation();
    const empty: InvitationRequest = { name: '', email: '', roles: [], classIds: [], startedOn: null };
    const [form, setForm] = useState<InvitationRequest>(empty);
    const [isBusy, setIsBusy] = useState(false);
    const { errors, check, fromError } = useFormErrors('uitnodigen-');
    // The name is suggested from the address the inviter typed (never looked up), until they change it.
    const changeEmail = (email: string) => {
      const wasSuggested = form.name === '' || form.name === nameFromEmail(form.email);
      setForm({ ...form, email, name: wasSuggested ? nameFromEmail(email) : form.name });
    };
    const labels = {
      'uitnodigen-email': t('E-mailadres'),
      'uitnodigen-name': t('Naam'),
      'uitnodigen-startedOn': t('In dienst sinds'),
      'uitnodigen-roles': t('Rollen'),
      'uitnodigen-classIds': t('Klassen'),
    };
    const messages = {
      name: t('Vul een naam in.'),
      email: t('Vul een geldig e-mailadres in.'),
      roles: t('Kies minstens één rol.'),
      classIds: t('Kies alleen bestaande klassen.'),
      startedOn: t('Vul een geldige datum in.'),
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
        const invitation = await api.post<InvitationSent>(apiPath('/api/schools/:schoolId/invitations', { schoolId }), {
          ...form,
          classIds: isTeacher ? form.classIds : [],
          startedOn: form.startedOn || null,
        });
        setForm(empty);
        onInvited(invitation);
      } catch (failure) {
        fromError(failure, messages);
      } finally {
        setIsBusy(false);
      }
    };

    return (
      <section aria-labelledby="uitnodigen-kop" className="card">
        <h2 id="uitnodigen-kop">{t('Collega uitnodigen')}</h2>
        <p>{t('Je collega krijgt een e-mail. Wie nog geen account heeft, kiest met de link een wachtwoord; wie al een account heeft, accepteert de uitnodiging na het inloggen. Zonder mailserver staat de e-mail in het postvak.')}</p>
        <p className="muted">{t('De rol zorgteam telt pas als een tweede persoon hem goedkeurt. Jezelf uitnodigen of een rol geven kan niet.')}</p>
        <ErrorSummary errors={errors} labels={labels} />
        <form onSubmit={(event) => void submit(event)} noValidate>
          <TextField id="uitnodigen-email" type="email" label={labels['uitnodigen-email']} value={form.email} onChange={changeEmail} error={errors.fields['uitnodigen-email']} required autoComplete="off" />
          <TextField
            id="uitnodigen-name"
            label={labels['uitnodigen-name']}
            value={form.name}
            onChange={(name) => setForm({ ...form, name })}
            error={errors.fields['uitnodigen-name']}
            hint={t('Wordt voorgesteld vanuit het e-mailadres; pas de naam aan waar nodig.')}
            required
            maxLength={120}
            autoComplete="off"
          />
          <CheckboxGroup<SchoolRole>
            id="uitnodigen-roles"
            legend={labels['uitnodigen-roles']}
            options={roleOptions(t)}
            selected={form.roles}
            onChange={(roles) => setForm({ ...form, roles })}
            error={errors.fields['uitnodigen-roles']}
          />
          <TextField
            id="uitnodigen-startedOn"
            type="date"
            label={labels['uitnodigen-startedOn']}
            value={form.startedOn ?? ''}
            onChange={(startedOn) => setForm({ ...form, startedOn })}
            error={errors.fields['uitnodigen-startedOn']}
            hint={t('Niet verplicht. De scholing telt iemand als nieuwe collega vanaf deze datum; leeg: vanaf het accepteren van de uitnodiging.')}
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
