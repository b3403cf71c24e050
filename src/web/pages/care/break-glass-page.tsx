import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { BREAK_GLASS_MINUTES } from '../../../shared/care';
import { api, apiPath } from '../../api/api-client';
import type { BreakGlassBody, BreakGlassPupils } from '../../api/care-types';
import { useFormErrors } from '../../components/form-errors';
import { ErrorSummary, FormActions, TextAreaField, TextField } from '../../components/form-fields';
import { Page } from '../../components/page';
import { useSession } from '../../session/session-context';
import { useSchool } from '../school/school-layout';
import { pupilCarePath } from './care-paths';

const REASON_MIN = 10;

/**
 * Break-glass: a colleague without need-to-know (a replacement teacher in a crisis) finds the pupil, gives a reason
 * and their password, and reads the support plan for an hour. The care team is told at once.
 */
export function BreakGlassPage() {
  const { t } = useTranslation();
  const { school } = useSchool();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const [pupilId, setPupilId] = useState(search.get('leerling') ?? '');
  const [pupilName, setPupilName] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [found, setFound] = useState<BreakGlassPupils | null>(null);
  const [searchError, setSearchError] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  // Someone who uses two-step verification signs in again with a code as well.
  const { session } = useSession();
  const needsCode = session?.mfa?.enabled === true;
  const { errors, check, fromError } = useFormErrors('noodtoegang-');
  const [isBusy, setIsBusy] = useState(false);
  const labels = { 'noodtoegang-reason': t('Waarom heb je het plan nu nodig?'), 'noodtoegang-password': t('Je wachtwoord'), 'noodtoegang-code': t('Code uit je authenticator-app') };

  const find = async (event: FormEvent) => {
    event.preventDefault();
    if (name.trim().length < 2) {
      setSearchError(t('Typ minstens twee letters van de naam.'));
      return;
    }
    setSearchError(null);
    try {
      setFound(await api.get<BreakGlassPupils>(apiPath('/api/schools/:schoolId/care/break-glass/pupils', { schoolId: school.id }, { name: name.trim() })));
    } catch (failure) {
      setSearchError(failure instanceof Error ? failure.message : String(failure));
    }
  };

  const open = async (event: FormEvent) => {
    event.preventDefault();
    const isValid = check(
      {
        'noodtoegang-reason': reason.trim().length < REASON_MIN && t('Schrijf in minstens {{min}} tekens waarom je het plan nu nodig hebt.', { min: REASON_MIN }),
        'noodtoegang-password': password === '' && t('Vul je wachtwoord in.'),
        'noodtoegang-code': needsCode && code.trim().length < 6 && t('Vul de code van zes cijfers uit je authenticator-app in.'),
      },
      t('Controleer de gemarkeerde velden.'),
    );
    if (!isValid) return;
    setIsBusy(true);
    const body: BreakGlassBody = { reason: reason.trim(), password, ...(needsCode ? { code: code.trim() } : {}) };
    try {
      await api.post(apiPath('/api/schools/:schoolId/pupils/:pupilId/care/break-glass', { schoolId: school.id, pupilId }), body);
      await navigate(pupilCarePath(school.id, pupilId));
    } catch (failure) {
      fromError(failure, {}, t('Controleer de gemarkeerde velden.'));
      setPassword('');
      setCode('');
      setIsBusy(false);
    }
  };

  return (
    <Page
      title={t('Noodtoegang tot een steunplan')}
      intro={t('Voor een crisis waarin je het plan van een leerling nodig hebt die niet in jouw klas zit, bijvoorbeeld als invaller. Je leest het plan {{minutes}} minuten, zonder iets te kunnen veranderen. Het zorgteam krijgt meteen bericht en het logboek houdt bij wie wat las.', { minutes: BREAK_GLASS_MINUTES })}
    >
      {pupilId === '' ? (
        <section aria-labelledby="noodtoegang-zoek-kop">
          <h2 id="noodtoegang-zoek-kop">{t('Welke leerling?')}</h2>
          <form onSubmit={(event) => void find(event)} noValidate className="card">
            <TextField id="noodtoegang-naam" label={t('Voornaam of achternaam (een deel is genoeg)')} value={name} onChange={setName} error={searchError ?? undefined} maxLength={60} />
            <FormActions>
              <button type="submit" className="button">
                {t('Zoeken')}
              </button>
            </FormActions>
          </form>
          {found === null ? null : found.length === 0 ? (
            <p className="notice" role="status">
              {t('Geen leerling gevonden met deze naam.')}
            </p>
          ) : (
            <ul className="card-list" aria-label={t('Gevonden leerlingen')}>
              {found.map((pupil) => (
                <li key={pupil.id}>
                  <button
                    type="button"
                    className="button button-secondary"
                    onClick={() => {
                      setPupilId(pupil.id);
                      setPupilName(`${pupil.firstName} ${pupil.lastName}`);
                    }}
                  >
                    {pupil.firstName} {pupil.lastName}
                    {pupil.className ? ` (${pupil.className})` : null}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : (
        <section aria-labelledby="noodtoegang-kop">
          <h2 id="noodtoegang-kop">{pupilName ? t('Plan van {{name}} openen', { name: pupilName }) : t('Plan openen')}</h2>
          <form onSubmit={(event) => void open(event)} noValidate className="card">
            <ErrorSummary errors={errors} labels={labels} />
            <TextAreaField id="noodtoegang-reason" label={labels['noodtoegang-reason']} hint={t('Het zorgteam leest dit.')} value={reason} onChange={setReason} error={errors.fields['noodtoegang-reason']} maxLength={500} />
            <TextField id="noodtoegang-password" type="password" label={labels['noodtoegang-password']} hint={t('Je logt opnieuw in: zo weten we dat jij het bent.')} value={password} onChange={setPassword} error={errors.fields['noodtoegang-password']} autoComplete="current-password" />
            {needsCode ? <TextField id="noodtoegang-code" label={labels['noodtoegang-code']} value={code} onChange={setCode} error={errors.fields['noodtoegang-code']} autoComplete="one-time-code" maxLength={64} /> : null}
            <FormActions>
              <button type="submit" className="button" disabled={isBusy}>
                {t('Plan openen')}
              </button>
              <button
                type="button"
                className="button button-secondary"
                onClick={() => {
                  setPupilId('');
                  setPupilName(null);
                }}
              >
                {t('Andere leerling')}
              </button>
            </FormActions>
          </form>
        </section>
      )}
    </Page>
  );
}
