import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../../shared/limits';
import { SCHOOL_KINDS, type SchoolKind } from '../../../shared/roles';
import { api, ApiError } from '../../api/api-client';
import type { Session, SetupRequest, SetupStatus } from '../../api/api-types';
import { ErrorSummary, FormActions, SelectField, TextField } from '../../components/form-fields';
import { useFormErrors } from '../../components/form-errors';
import { DEMO_EMAILS, DEMO_PASSWORD } from '../../../shared/demo-accounts';
import { Page } from '../../components/page';
import { schoolKindLabel } from '../../i18n/labels';
import { useSession } from '../../session/session-context';
import { PasswordField } from '../../components/password-field';
import { TableWrap } from '../../components/table-wrap';
import { isEmail, isWebOrigin, passwordProblem } from '../../components/validation';


/** First run: create the board, the first school and its administrator, or load the demo. */
export function WelcomePage() {
  const { t } = useTranslation();
  const { needsSetup, signedIn, refresh } = useSession();
  const navigate = useNavigate();
  const [form, setForm] = useState<SetupRequest>({
    boardName: '',
    schoolName: '',
    schoolKind: 'primary',
    adminName: '',
    adminEmail: '',
    adminPassword: '',
    // Where colleagues open Groeiwijzer; usually the address this page was opened at.
    linkOrigin: window.location.origin,
  });
  const [isBusy, setIsBusy] = useState(false);
  const [isDemoLoaded, setIsDemoLoaded] = useState(false);
  const [demoError, setDemoError] = useState<string | null>(null);
  // Unknown (null) until the server answers whether this visitor may load the demo.
  const [canLoadDemo, setCanLoadDemo] = useState<boolean | null>(null);
  // PUBLIC_URL when the server has one: then links use it and the form does not ask.
  const [publicUrl, setPublicUrl] = useState<string | null>(null);
  const { errors, check, fromError } = useFormErrors();

  const labels = {
    boardName: t('Naam van het bestuur'),
    schoolName: t('Naam van de school'),
    schoolKind: t('Soort school'),
    adminName: t('Je naam'),
    adminEmail: t('E-mailadres'),
    adminPassword: t('Wachtwoord'),
    linkOrigin: t('Adres van Groeiwijzer'),
  };
  const fieldMessages = {
    boardName: t('Vul de naam van het bestuur in.'),
    schoolName: t('Vul de naam van de school in.'),
    schoolKind: t('Kies een soort school.'),
    adminName: t('Vul je naam in.'),
    adminEmail: t('Vul een geldig e-mailadres in.'),
    adminPassword: t('Kies een wachtwoord van {{min}} tot {{max}} tekens.', { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH }),
    linkOrigin: t('Vul een adres in zoals https://groeiwijzer.school.nl, zonder iets erachter.'),
  };
  useEffect(() => {
    if (!needsSetup) return;
    let isCurrent = true;
    api
      .get<SetupStatus>('/api/setup')
      .then((status) => {
        if (!isCurrent) return;
        setCanLoadDemo(status.canLoadDemo);
        setPublicUrl(status.publicUrl);
      })
      // Unknown: offer the button; the server's answer to it explains a refusal.
      .catch(() => isCurrent && setCanLoadDemo(true));
    return () => {
      isCurrent = false;
    };
  }, [needsSetup]);

  const set = (field: keyof SetupRequest) => (value: string) => setForm((current) => ({ ...current, [field]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const isValid = check(
      {
        boardName: form.boardName.trim() === '' && fieldMessages.boardName,
        schoolName: form.schoolName.trim() === '' && fieldMessages.schoolName,
        adminName: form.adminName.trim() === '' && fieldMessages.adminName,
        adminEmail: !isEmail(form.adminEmail) && fieldMessages.adminEmail,
        adminPassword: passwordProblem(form.adminPassword) && fieldMessages.adminPassword,
        linkOrigin: publicUrl === null && !isWebOrigin(form.linkOrigin ?? '') && fieldMessages.linkOrigin,
      },
      t('Niet alle velden zijn goed ingevuld.'),
    );
    if (!isValid) return;
    setIsBusy(true);
    try {
      const { linkOrigin, ...rest } = form;
      const session = await api.post<Session>('/api/setup', publicUrl === null ? { ...rest, linkOrigin: linkOrigin?.trim() } : rest);
      await signedIn(session, { keepLanguage: true });
      await navigate('/');
    } catch (error) {
      fromError(error, fieldMessages);
    } finally {
      setIsBusy(false);
    }
  };

  const loadDemo = async () => {
    setIsBusy(true);
    setDemoError(null);
    try {
      await api.post('/api/setup/demo', publicUrl === null ? { linkOrigin: window.location.origin } : {});
      setIsDemoLoaded(true);
      // The installation is set up now: the other pages open up.
      await refresh();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'demo_not_allowed') setCanLoadDemo(false);
      else setDemoError(error instanceof Error ? error.message : String(error));
    } finally {
      setIsBusy(false);
    }
  };

  if (isDemoLoaded) {
    return (
      <Page title={t('De demo staat klaar')}>
        <div role="status" className="notice notice-success">
          {t('De demo is geladen: een bestuur met twee scholen, klassen, leerlingen en personeel, en De Vlinderboom midden in het schooljaar met zelfscans, een implementatieplan en scholing. Alles is verzonnen.')}
        </div>
        <p>{t('Log in met een van deze accounts. Het wachtwoord is steeds {{password}}.', { password: DEMO_PASSWORD })}</p>
        <DemoLogins />
        <p>
          <Link to="/inloggen" className="button">
            {t('Naar inloggen')}
          </Link>
        </p>
      </Page>
    );
  }

  if (!needsSetup) {
    return (
      <Page title={t('Groeiwijzer is al ingericht')}>
        <p>{t('Er is al een bestuur aangemaakt. Log in om verder te gaan.')}</p>
        <p>
          <Link to="/inloggen">{t('Naar inloggen')}</Link>
        </p>
      </Page>
    );
  }

  return (
    <Page
      title={t('Welkom bij Groeiwijzer')}
      intro={<p>{t('Richt Groeiwijzer in voor je bestuur. Je maakt het bestuur, de eerste school en je eigen beheerdersaccount aan. Later voeg je meer scholen en collega’s toe.')}</p>}
    >
      <div className="columns">
        <section aria-labelledby="inrichten-kop" className="card">
          <h2 id="inrichten-kop">{t('Groeiwijzer inrichten')}</h2>
          <ErrorSummary errors={errors} labels={labels} />
          <form onSubmit={(event) => void submit(event)} noValidate>
            <fieldset>
              <legend>{t('Bestuur en eerste school')}</legend>
              <TextField id="boardName" label={labels.boardName} value={form.boardName} onChange={set('boardName')} error={errors.fields.boardName} required maxLength={120} autoComplete="organization" />
              <TextField id="schoolName" label={labels.schoolName} value={form.schoolName} onChange={set('schoolName')} error={errors.fields.schoolName} required maxLength={120} />
              <SelectField
                id="schoolKind"
                label={labels.schoolKind}
                value={form.schoolKind}
                onChange={(value) => set('schoolKind')(value as SchoolKind)}
                options={SCHOOL_KINDS.map((kind) => ({ value: kind, label: schoolKindLabel(t, kind) }))}
                error={errors.fields.schoolKind}
              />
            </fieldset>
            <fieldset>
              <legend>{t('Jouw beheerdersaccount')}</legend>
              <TextField id="adminName" label={labels.adminName} value={form.adminName} onChange={set('adminName')} error={errors.fields.adminName} required maxLength={120} autoComplete="name" />
              <TextField id="adminEmail" type="email" label={labels.adminEmail} value={form.adminEmail} onChange={set('adminEmail')} error={errors.fields.adminEmail} required autoComplete="email" />
              <PasswordField id="adminPassword" label={labels.adminPassword} value={form.adminPassword} onChange={set('adminPassword')} error={errors.fields.adminPassword} />
            </fieldset>
            <fieldset>
              <legend>{t('Links in e-mails')}</legend>
              {publicUrl === null ? (
                <TextField
                  id="linkOrigin"
                  type="url"
                  label={labels.linkOrigin}
                  hint={t('Uitnodigingen en links om een wachtwoord te herstellen wijzen naar dit adres. Vul het adres in waarop je collega’s Groeiwijzer openen. Later wijzigen kan met de instelling PUBLIC_URL.')}
                  value={form.linkOrigin ?? ''}
                  onChange={set('linkOrigin')}
                  error={errors.fields.linkOrigin}
                  required
                  maxLength={200}
                  autoComplete="url"
                />
              ) : (
                <p>{t('Links in e-mails wijzen naar {{address}} (de instelling PUBLIC_URL van de server).', { address: publicUrl })}</p>
              )}
            </fieldset>
            <FormActions>
              <button type="submit" className="button" disabled={isBusy}>
                {t('Groeiwijzer inrichten')}
              </button>
            </FormActions>
          </form>
        </section>
        <section aria-labelledby="demo-kop" className="card card-quiet">
          <h2 id="demo-kop">{t('Eerst rondkijken?')}</h2>
          <p>{t('Laad een demo met een verzonnen bestuur, twee scholen, klassen, leerlingen en collega’s in alle rollen. Je kunt daarna met de demo-accounts inloggen.')}</p>
          {demoError ? (
            <p className="notice notice-error" role="alert">
              {demoError}
            </p>
          ) : null}
          {canLoadDemo === false ? (
            <p className="notice">
              {t('De demo laden kan alleen op de server zelf (open Groeiwijzer daar via http://localhost) of als Groeiwijzer met npm run demo is gestart. Zo kan niemand via internet demo-accounts met een openbaar wachtwoord aan deze installatie toevoegen.')}
            </p>
          ) : canLoadDemo ? (
            <button type="button" className="button button-secondary" disabled={isBusy} onClick={() => void loadDemo()}>
              {t('Demo laden')}
            </button>
          ) : null}
        </section>
      </div>
    </Page>
  );
}

function DemoLogins() {
  const { t } = useTranslation();
  const first = 'Basisschool De Vlinderboom';
  const second = 'VSO De Horizon';
  const accounts: { email: string; role: string }[] = [
    { email: DEMO_EMAILS.boardAdmin, role: t('Bestuursbeheerder van {{board}}', { board: 'Stichting Voorbeeld' }) },
    { email: DEMO_EMAILS.schoolAdmin, role: t('Schoolbeheerder van beide scholen') },
    { email: DEMO_EMAILS.leadership, role: t('Directie van {{school}}', { school: first }) },
    { email: DEMO_EMAILS.tsoLead, role: t('TSO-kartrekker van {{school}}', { school: first }) },
    { email: DEMO_EMAILS.teacher, role: t('Leerkracht van één groep in {{school}}', { school: first }) },
    { email: DEMO_EMAILS.careTeam, role: t('Zorgteam (intern begeleider) van {{school}}', { school: first }) },
    { email: DEMO_EMAILS.teacherSecondSchool, role: t('Leerkracht van één klas in {{school}}', { school: second }) },
  ];
  return (
    <TableWrap label={t('Demo-accounts')}>
      <table>
        <caption>{t('Demo-accounts')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('E-mailadres')}</th>
            <th scope="col">{t('Rol')}</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((account) => (
            <tr key={account.email}>
              <th scope="row">
                <code>{account.email}</code>
              </th>
              <td>{account.role}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
