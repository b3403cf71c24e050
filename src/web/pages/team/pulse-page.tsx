import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, apiPath } from '../../api/api-client';
import type { PulseOverview, PulsePeriod } from '../../api/team-pulse-types';
import { useApiData } from '../../api/use-api-data';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useRefusalWords } from '../../components/form-errors';
import { ErrorMessage, LoadState, SuccessMessage } from '../../components/load-state';
import { Page } from '../../components/page';
import { useFormat } from '../../i18n/format';
import { useSchool } from '../school/school-layout';
import { PulseAnswerForm, PulseHelpForm, PulsePlanForm } from './pulse-forms';
import { PulseTrend } from './pulse-trend';

/** What is about to happen to a pulse, asked first. */
type PulseAction = { kind: 'close'; pulse: PulsePeriod } | { kind: 'remove'; pulse: PulsePeriod } | null;

/**
 * The staff wellbeing pulse (Welzijn van het team): the open pulse to answer once, anonymously; the trend over closed
 * pulses under the k rule; where to find help. Leadership and the administrator (school.team.manage) also plan and
 * close pulses and write the school's own help texts.
 */
export function PulsePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { school, can } = useSchool();
  const refusal = useRefusalWords();
  const base = apiPath('/api/schools/:schoolId/team/pulse', { schoolId: school.id });
  const overview = useApiData<PulseOverview>(base);
  const canManage = can('school.team.manage');
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [action, setAction] = useState<PulseAction>(null);
  const [planKey, setPlanKey] = useState(0);

  const done = (text: string) => {
    setFailure(null);
    setMessage(text);
    overview.reload();
  };
  const confirmAction = async () => {
    if (!action) return;
    const url = `${base}/pulses/${encodeURIComponent(action.pulse.id)}`;
    try {
      if (action.kind === 'close') await api.post(`${url}/close`);
      else await api.delete(url);
      setAction(null);
      done(action.kind === 'close' ? t('De peiling is afgesloten. De uitkomsten staan hieronder, als genoeg collega’s meededen.') : t('De geplande peiling is verwijderd.'));
    } catch (error) {
      setAction(null);
      setFailure(refusal.failure(error));
    }
  };

  const data = overview.data;
  return (
    <Page title={t('Welzijn van het team')} intro={<p>{t('Een korte, anonieme peiling naar hoe het met je gaat: energie, spanning, steun van collega’s, zin in je werk en ruimte om bij te komen. Samen zie je hoe het team ervoor staat, nooit hoe één persoon antwoordde.')}</p>}>
      <SuccessMessage message={message} />
      <ErrorMessage message={failure} />
      {!data ? (
        <LoadState error={overview.error} isLoading={overview.isLoading} />
      ) : (
        <>
          <section aria-labelledby="pulse-now">
            <h2 id="pulse-now">{t('De peiling van nu')}</h2>
            {data.open === null ? (
              <p>
                {data.planned[0]
                  ? t('Er loopt nu geen peiling. De volgende opent op {{date}}.', { date: format.date(data.planned[0].opensOn) })
                  : t('Er loopt nu geen peiling.')}
              </p>
            ) : data.open.hasAnswered ? (
              <p className="notice">{t('Je hebt deze peiling ingevuld, dank je wel. De uitkomsten volgen als de peiling is afgesloten (uiterlijk {{date}}).', { date: format.date(data.open.closesOn) })}</p>
            ) : (
              <>
                <p>{t('Deze peiling staat open tot en met {{date}}. Je vult haar één keer in en mag vragen overslaan.', { date: format.date(data.open.closesOn) })}</p>
                <PulseAnswerForm url={`${base}/pulses/${encodeURIComponent(data.open.id)}/answers`} instrument={data.instrument} onAnswered={() => done(t('Dank je wel. Je antwoorden zijn meegeteld.'))} />
              </>
            )}
            {data.open !== null ? <p className="hint">{t('Zolang de peiling loopt, toont niemand uitkomsten: een cijfer dat na elk antwoord verandert, zou laten zien wat iemand antwoordde.')}</p> : null}
          </section>

          <section aria-labelledby="pulse-trend">
            <h2 id="pulse-trend">{t('Hoe gaat het met het team?')}</h2>
            <PulseTrend closed={data.closed} instrument={data.instrument} minGroupSize={data.minGroupSize} />
          </section>

          <section aria-labelledby="pulse-help">
            <h2 id="pulse-help">{t('Waar vind je hulp?')}</h2>
            <p>{t('Gaat het niet goed met je? Je hoeft het niet alleen te dragen. Praten helpt, het liefst vroeg.')}</p>
            <h3>{t('Binnen de school')}</h3>
            <Lines text={data.help.contacts ?? t('Loop binnen bij je leidinggevende, je buddy of een collega die je vertrouwt. Je hoeft niet eerst te weten wat er precies aan de hand is.')} />
            <h3>{t('De bedrijfsarts')}</h3>
            <Lines text={data.help.companyDoctor ?? t('Merk je dat je werk je gezondheid raakt, bijvoorbeeld doordat je slecht slaapt of nooit meer uitrust? Je mag zelf een afspraak maken met de bedrijfsarts, ook als je niet ziek bent. Wat je daar vertelt, blijft tussen jou en de arts.')} />
            <h3>{t('De vertrouwenspersoon')}</h3>
            <Lines text={data.help.confidant ?? t('Voor iets wat je liever niet met je leidinggevende bespreekt, kun je terecht bij de vertrouwenspersoon. Die luistert, denkt met je mee en doet niets zonder jouw toestemming.')} />
          </section>

          {canManage ? (
            <section aria-labelledby="pulse-manage">
              <h2 id="pulse-manage">{t('Peilingen beheren')}</h2>
              {data.open ? (
                <p>
                  {t('Open peiling: {{from}} tot en met {{to}}.', { from: format.date(data.open.opensOn), to: format.date(data.open.closesOn) })}{' '}
                  <button type="button" className="button button-small button-secondary" onClick={() => data.open && setAction({ kind: 'close', pulse: data.open })}>
                    {t('Nu afsluiten')}
                  </button>
                </p>
              ) : null}
              {data.planned.length > 0 ? (
                <>
                  <h3>{t('Gepland')}</h3>
                  <ul>
                    {data.planned.map((pulse) => (
                      <li key={pulse.id}>
                        {t('{{from}} tot en met {{to}}', { from: format.date(pulse.opensOn), to: format.date(pulse.closesOn) })}{' '}
                        <button
                          type="button"
                          className="button-link"
                          onClick={() => setAction({ kind: 'remove', pulse })}
                          aria-label={t('Peiling van {{date}} verwijderen', { date: format.date(pulse.opensOn) })}
                        >
                          {t('Verwijderen')}
                        </button>
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
              <PulsePlanForm
                key={`plan-${planKey}-${data.suggestion.opensOn}`}
                url={`${base}/pulses`}
                suggestion={data.suggestion}
                onSaved={(pulse) => {
                  setPlanKey((value) => value + 1);
                  done(t('De peiling van {{from}} tot en met {{to}} is gepland.', { from: format.date(pulse.opensOn), to: format.date(pulse.closesOn) }));
                }}
              />
              <PulseHelpForm url={`${base}/help`} help={data.help} onSaved={() => done(t('De teksten over hulp zijn opgeslagen.'))} />
            </section>
          ) : null}
        </>
      )}
      <ConfirmDialog
        isOpen={action !== null}
        title={action?.kind === 'close' ? t('Peiling nu afsluiten?') : t('Geplande peiling verwijderen?')}
        message={
          <p>
            {action?.kind === 'close'
              ? t('Daarna kan niemand de peiling meer invullen. De uitkomsten worden zichtbaar als minstens {{k}} collega’s meededen.', { k: data?.minGroupSize ?? 3 })
              : t('De peiling verdwijnt uit de planning.')}
          </p>
        }
        confirmLabel={action?.kind === 'close' ? t('Afsluiten') : t('Verwijderen')}
        isDangerous={action?.kind === 'remove'}
        onConfirm={confirmAction}
        onCancel={() => setAction(null)}
      />
    </Page>
  );
}

/** A help text as written: every line on a line of its own (the texts are plain text, no markup). */
function Lines({ text }: { text: string }) {
  const lines = text.split('\n');
  return (
    <p>
      {lines.map((line, index) => (
        // Lines never move, so their place is a stable key.
        <span key={index}>
          {line}
          {index < lines.length - 1 ? <br /> : null}
        </span>
      ))}
    </p>
  );
}
