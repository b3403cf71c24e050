import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { JOURNAL_LIMITS, REFLECTION_PROMPTS, reflectionPromptOf, type ReflectionPromptTheme } from '../../../shared/reflection-prompts';
import { api } from '../../api/api-client';
import type { JournalEntry, JournalEntryBody } from '../../api/team-journal-types';
import { useFormErrors } from '../../components/form-errors';
import { ErrorSummary, SaveActions, SelectField, TextAreaField } from '../../components/form-fields';
import { useModelText } from '../selfscan/selfscan-model';

/** Writing a new entry, or changing one (`editing`): an optional prompt and the text. */
export function JournalEntryForm({ url, editing, onSaved, onCancel }: { url: string; editing: JournalEntry | null; onSaved: (entry: JournalEntry) => void; onCancel: (() => void) | null }) {
  const { t } = useTranslation();
  const text = useModelText();
  const prefix = editing ? `journal-edit-${editing.id}-` : 'journal-new-';
  const { errors, clear, check, fromError } = useFormErrors(prefix);
  const [promptId, setPromptId] = useState(editing?.promptId ?? '');
  const [body, setBody] = useState(editing?.body ?? '');
  const [isBusy, setIsBusy] = useState(false);
  const themeName: Record<ReflectionPromptTheme, string> = {
    calm: t('Rustig voor de klas'),
    levels: t('Niveaus van reflectie'),
    success: t('Leren van wat goed ging'),
  };
  const labels = { [`${prefix}promptId`]: t('Vraag om mee te beginnen'), [`${prefix}body`]: t('Wat wil je opschrijven?') };
  const prompt = promptId ? reflectionPromptOf(promptId) : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!check({ [`${prefix}body`]: body.trim() === '' && t('Schrijf eerst iets op.') }, t('Niet alle velden zijn goed ingevuld.'))) return;
    clear();
    setIsBusy(true);
    try {
      const payload: JournalEntryBody = { promptId: promptId || null, body };
      const saved = editing ? await api.put<JournalEntry>(`${url}/${encodeURIComponent(editing.id)}`, payload) : await api.post<JournalEntry>(url, payload);
      onSaved(saved);
    } catch (error) {
      fromError(error, { body: t('Schrijf iets op van hooguit {{max}} tekens.', { max: JOURNAL_LIMITS.body }) });
    } finally {
      setIsBusy(false);
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="card">
      <ErrorSummary errors={errors} labels={labels} />
      <SelectField
        id={`${prefix}promptId`}
        label={labels[`${prefix}promptId`]!}
        hint={t('Mag leeg blijven. De vragen gaan over wat jij nodig hebt, over de niveaus waarop je naar je werk kunt kijken, en over wat goed ging.')}
        value={promptId}
        onChange={setPromptId}
        options={[{ value: '', label: t('Zonder vraag') }, ...REFLECTION_PROMPTS.map((entry) => ({ value: entry.id, label: `${themeName[entry.theme]}: ${text(entry.question)}` }))]}
      />
      {prompt ? <p className="notice">{text(prompt.question)}</p> : null}
      <TextAreaField id={`${prefix}body`} label={labels[`${prefix}body`]!} value={body} onChange={setBody} error={errors.fields[`${prefix}body`]} rows={8} maxLength={JOURNAL_LIMITS.body} />
      <SaveActions saveLabel={editing ? t('Wijziging opslaan') : t('Opslaan in mijn reflectie')} isBusy={isBusy} onCancel={onCancel} />
    </form>
  );
}
