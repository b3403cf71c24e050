import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INTERVISION_KINDS, INTERVISION_LIMITS, type IntervisionKind, TSO_CORE_CONCEPTS, type TsoCoreConcept } from '../../../shared/intervision';
import { schoolDateOf } from '../../../shared/school-time';
import { api } from '../../api/api-client';
import type { IntervisionLog, IntervisionSession, SessionBody } from '../../api/team-intervision-types';
import { useFormErrors } from '../../components/form-errors';
import { CheckboxGroup, ErrorSummary, SaveActions, SelectField, TextAreaField, TextField } from '../../components/form-fields';
import { coreConceptLabel, intervisionKindLabel } from './intervision-labels';

const PREFIX = 'intervisie-';

/**
 * Recording a session, or — given one — changing it. Theme and note must not name a pupil unless the care team runs
 * the session; the hint says so before anyone types, and the server's refusal marks the field that holds the name.
 */
export function IntervisionSessionForm({
  schoolId,
  log,
  session,
  currentUserId,
  onSaved,
  onCancel,
}: {
  schoolId: string;
  log: IntervisionLog;
  session: IntervisionSession | null;
  currentUserId: string;
  onSaved: (message: string) => void;
  onCancel: (() => void) | null;
}) {
  const { t } = useTranslation();
  const { errors, check, fromError } = useFormErrors(PREFIX);
  const [heldOn, setHeldOn] = useState(session?.heldOn ?? schoolDateOf(new Date()));
  const [kind, setKind] = useState<IntervisionKind>(session?.kind ?? 'intervision');
  const [coreConcept, setCoreConcept] = useState<TsoCoreConcept>(session?.coreConcept ?? 'regulation');
  const [theme, setTheme] = useState(session?.theme ?? '');
  const [note, setNote] = useState(session?.note ?? '');
  const [participantIds, setParticipantIds] = useState<string[]>(session?.participants.map((person) => person.id) ?? [currentUserId]);
  const [isCareTeamRun, setIsCareTeamRun] = useState(session?.isCareTeamRun ?? false);
  const [isBusy, setIsBusy] = useState(false);
  const labels = {
    [`${PREFIX}heldOn`]: t('Datum'),
    [`${PREFIX}theme`]: t('Thema'),
    [`${PREFIX}note`]: t('Korte notitie'),
    [`${PREFIX}participantIds`]: t('Deelnemers'),
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const isValid = check(
      {
        [`${PREFIX}heldOn`]: /^\d{4}-\d{2}-\d{2}$/.test(heldOn) ? null : t('Vul de datum van de bijeenkomst in.'),
        [`${PREFIX}theme`]: theme.trim() === '' ? t('Vul het thema in.') : null,
        [`${PREFIX}participantIds`]: participantIds.length === 0 ? t('Kies minstens één deelnemer.') : null,
      },
      t('Nog niet alles is goed ingevuld.'),
    );
    if (!isValid) return;
    setIsBusy(true);
    try {
      const body: SessionBody = { heldOn, kind, coreConcept, theme, note, participantIds, isCareTeamRun };
      const base = `/api/schools/${encodeURIComponent(schoolId)}/team/intervision/sessions`;
      if (session) await api.put<IntervisionSession>(`${base}/${encodeURIComponent(session.id)}`, body);
      else await api.post<IntervisionSession>(base, body);
      onSaved(session ? t('De bijeenkomst is bijgewerkt.') : t('De bijeenkomst is vastgelegd.'));
    } catch (error) {
      fromError(error, { heldOn: t('Een bijeenkomst leg je vast als ze geweest is.'), participantIds: t('Kies collega’s van deze school.') }, t('Controleer dit veld.'));
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="card" aria-labelledby={`${PREFIX}titel`}>
      <h2 id={`${PREFIX}titel`}>{session ? t('Bijeenkomst wijzigen') : t('Bijeenkomst vastleggen')}</h2>
      <ErrorSummary errors={errors} labels={labels} />
      <TextField id={`${PREFIX}heldOn`} type="date" label={t('Datum')} value={heldOn} onChange={setHeldOn} error={errors.fields[`${PREFIX}heldOn`]} required />
      <SelectField
        id={`${PREFIX}kind`}
        label={t('Soort bijeenkomst')}
        value={kind}
        onChange={(value) => setKind(value as IntervisionKind)}
        options={INTERVISION_KINDS.map((value) => ({ value, label: intervisionKindLabel(t, value) }))}
      />
      <SelectField
        id={`${PREFIX}coreConcept`}
        label={t('TSO-kernbegrip dat aan bod kwam')}
        value={coreConcept}
        onChange={(value) => setCoreConcept(value as TsoCoreConcept)}
        options={TSO_CORE_CONCEPTS.map((value) => ({ value, label: coreConceptLabel(t, value) }))}
      />
      <p className="hint" id={`${PREFIX}namen-uitleg`}>
        {t('Schrijf geen namen van leerlingen in het thema of de notitie. Zo blijft het log veilig te lezen voor alle deelnemers. Alleen als het zorgteam de bijeenkomst leidt, mag een naam erin: dan hoort het bij de zorg.')}
      </p>
      <TextField id={`${PREFIX}theme`} label={t('Thema')} value={theme} onChange={setTheme} error={errors.fields[`${PREFIX}theme`]} maxLength={INTERVISION_LIMITS.theme} required />
      <TextAreaField id={`${PREFIX}note`} label={t('Korte notitie (mag leeg blijven)')} value={note} onChange={setNote} error={errors.fields[`${PREFIX}note`]} maxLength={INTERVISION_LIMITS.note} rows={3} />
      <CheckboxGroup
        id={`${PREFIX}participantIds`}
        legend={t('Deelnemers')}
        options={log.colleagues.map((colleague) => ({ value: colleague.id, label: colleague.name }))}
        selected={participantIds}
        onChange={setParticipantIds}
        error={errors.fields[`${PREFIX}participantIds`]}
      />
      {log.canMarkCareTeamRun ? (
        <div className="checkbox">
          <input id={`${PREFIX}zorgteam`} type="checkbox" checked={isCareTeamRun} onChange={(event) => setIsCareTeamRun(event.target.checked)} aria-describedby={`${PREFIX}zorgteam-hint`} />
          <label htmlFor={`${PREFIX}zorgteam`}>{t('Het zorgteam leidt deze bijeenkomst')}</label>
          <p className="hint" id={`${PREFIX}zorgteam-hint`}>
            {t('Dan mag je een leerling bij naam noemen. Alleen wie er was, leest het.')}
          </p>
        </div>
      ) : null}
      <SaveActions saveLabel={session ? t('Wijziging opslaan') : t('Bijeenkomst opslaan')} isBusy={isBusy} onCancel={onCancel} />
    </form>
  );
}
