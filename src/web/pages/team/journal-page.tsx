import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reflectionPromptOf } from '../../../shared/reflection-prompts';
import { api, apiPath } from '../../api/api-client';
import type { Journal, JournalEntry } from '../../api/team-journal-types';
import { useApiData } from '../../api/use-api-data';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useRefusalWords } from '../../components/form-errors';
import { ErrorMessage, LoadState, SuccessMessage } from '../../components/load-state';
import { Page } from '../../components/page';
import { useFormat } from '../../i18n/format';
import { useSchool } from '../school/school-layout';
import { useModelText } from '../selfscan/selfscan-model';
import { JournalEntryForm } from './journal-forms';

/** What is about to be deleted, asked first: one entry or the whole journal. */
type Deletion = { entry: JournalEntry } | { everything: true } | null;

/**
 * The caller's private reflection journal (Mijn reflectie): entries with an optional prompt, readable by nobody
 * else — not the school, not the board. Its author downloads it (JSON or text) and deletes one entry or everything.
 */
export function JournalPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const text = useModelText();
  const { school } = useSchool();
  const refusal = useRefusalWords();
  const base = apiPath('/api/schools/:schoolId/team/journal', { schoolId: school.id });
  const journal = useApiData<Journal>(base);
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [deletion, setDeletion] = useState<Deletion>(null);
  const [newKey, setNewKey] = useState(0);

  const done = (words: string) => {
    setFailure(null);
    setMessage(words);
    journal.reload();
  };
  const confirmDeletion = async () => {
    if (!deletion) return;
    try {
      if ('entry' in deletion) await api.delete(`${base}/entries/${encodeURIComponent(deletion.entry.id)}`);
      else await api.delete(`${base}/entries`);
      setDeletion(null);
      done('entry' in deletion ? t('Het stukje is verwijderd.') : t('Je hele reflectie is verwijderd.'));
    } catch (error) {
      setDeletion(null);
      setFailure(refusal.failure(error));
    }
  };

  const entries = journal.data?.entries;
  return (
    <Page
      title={t('Mijn reflectie')}
      intro={<p>{t('Een plek om voor jezelf op je werk terug te kijken. Alleen jij kunt lezen wat hier staat: niet je leidinggevende, niet de school, niet het bestuur. Je kunt alles downloaden of wissen wanneer je wilt.')}</p>}
    >
      <SuccessMessage message={message} />
      <ErrorMessage message={failure} />
      <section aria-labelledby="journal-new">
        <h2 id="journal-new">{t('Nieuw stukje')}</h2>
        <JournalEntryForm
          key={`new-${newKey}`}
          url={`${base}/entries`}
          editing={null}
          onSaved={() => {
            setNewKey((value) => value + 1);
            done(t('Opgeslagen in je reflectie.'));
          }}
          onCancel={null}
        />
      </section>
      <section aria-labelledby="journal-entries">
        <h2 id="journal-entries">{t('Mijn stukjes')}</h2>
        {!entries ? (
          <LoadState error={journal.error} isLoading={journal.isLoading} />
        ) : entries.length === 0 ? (
          <p>{t('Je hebt nog niets opgeschreven.')}</p>
        ) : (
          <ul className="care-stack">
            {entries.map((entry) => {
              const prompt = entry.promptId ? reflectionPromptOf(entry.promptId) : undefined;
              return (
                <li key={entry.id}>
                  <article className="card" aria-labelledby={`journal-entry-${entry.id}`}>
                    <h3 id={`journal-entry-${entry.id}`}>{format.dateTime(entry.createdAt)}</h3>
                    {editingId === entry.id ? (
                      <JournalEntryForm
                        url={`${base}/entries`}
                        editing={entry}
                        onSaved={() => {
                          setEditingId(null);
                          done(t('De wijziging is opgeslagen.'));
                        }}
                        onCancel={() => setEditingId(null)}
                      />
                    ) : (
                      <>
                        {prompt ? <p className="hint">{text(prompt.question)}</p> : null}
                        <EntryText body={entry.body} />
                        <p>
                          <button type="button" className="button button-small button-secondary" onClick={() => setEditingId(entry.id)}>
                            {t('Wijzigen')}
                          </button>{' '}
                          <button type="button" className="button button-small button-secondary" onClick={() => setDeletion({ entry })}>
                            {t('Verwijderen')}
                          </button>
                        </p>
                      </>
                    )}
                  </article>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <section aria-labelledby="journal-own">
        <h2 id="journal-own">{t('Downloaden of alles wissen')}</h2>
        <p>{t('Neem je reflectie mee als bestand, bijvoorbeeld als je van school wisselt. Het downloaden wordt vastgelegd in het logboek, zonder wat je schreef.')}</p>
        <p>
          <a className="button button-secondary" href={apiPath(`${base}/export.txt`, {}, { lang: i18n.language === 'en' ? 'en' : 'nl' })} download>
            {t('Downloaden als tekst')}
          </a>{' '}
          <a className="button button-secondary" href={apiPath(`${base}/export.json`, {}, { lang: i18n.language === 'en' ? 'en' : 'nl' })} download>
            {t('Downloaden als JSON')}
          </a>
        </p>
        {entries && entries.length > 0 ? (
          <p>
            <button type="button" className="button button-danger" onClick={() => setDeletion({ everything: true })}>
              {t('Alles verwijderen')}
            </button>
          </p>
        ) : null}
      </section>
      <ConfirmDialog
        isOpen={deletion !== null}
        title={deletion && 'entry' in deletion ? t('Dit stukje verwijderen?') : t('Je hele reflectie verwijderen?')}
        message={
          <p>
            {deletion && 'entry' in deletion
              ? t('Het stukje van {{date}} verdwijnt voorgoed. Dit kan niet ongedaan worden gemaakt.', { date: format.dateTime(deletion.entry.createdAt) })
              : t('Alle {{number}} stukjes verdwijnen voorgoed. Download je reflectie eerst als je haar wilt bewaren.', { number: entries?.length ?? 0 })}
          </p>
        }
        confirmLabel={deletion && 'entry' in deletion ? t('Verwijderen') : t('Alles verwijderen')}
        isDangerous
        onConfirm={confirmDeletion}
        onCancel={() => setDeletion(null)}
      />
    </Page>
  );
}

/** An entry's text as written: paragraphs and line breaks kept. */
function EntryText({ body }: { body: string }) {
  return (
    <>
      {body.split(/\n{2,}/).map((paragraph, index) => {
        const lines = paragraph.split('\n');
        return (
          // Paragraphs never move, so their place is a stable key.
          <p key={index}>
            {lines.map((line, lineIndex) => (
              <span key={lineIndex}>
                {line}
                {lineIndex < lines.length - 1 ? <br /> : null}
              </span>
            ))}
          </p>
        );
      })}
    </>
  );
}
