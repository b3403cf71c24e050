import { type ReactNode, useEffect, useRef, useState } from 'react';

// The care sections' forms: a list of entries (conversations, referrals) with one form below it that adds an entry
// or, once "change" was chosen on one, changes that entry (the save and cancel buttons: SaveActions in form-fields).

/** Which entry the form changes (null: it adds one), the form's key, and the confirmation of the last save. */
export function useEntryEditing<T extends { id: string }>(reload: () => void) {
  const [editing, setEditing] = useState<T | null>(null);
  // A new key after each save gives an empty form for the next entry.
  const [saves, setSaves] = useState(0);
  const [saved, setSaved] = useState<string | null>(null);
  return {
    editing,
    saved,
    formKey: editing?.id ?? `nieuw-${saves}`,
    edit: (entry: T) => {
      setSaved(null);
      setEditing(entry);
    },
    cancel: () => setEditing(null),
    afterSave: (message: string) => {
      setSaved(message);
      setEditing(null);
      setSaves((count) => count + 1);
      reload();
    },
  };
}

/** A form's input ids (the prefix and the field's name, as useFormErrors keys them) and its error summary's labels. */
export function fieldIdsOf<F extends string>(prefix: string, labels: Record<F, string>) {
  const entries = Object.entries(labels) as [F, string][];
  return {
    id: (field: F) => `${prefix}${field}`,
    summaryLabels: Object.fromEntries(entries.map(([field, text]) => [`${prefix}${field}`, text])),
  };
}

/** The form's heading; when the form opens to change an entry, focus moves to it, wherever it stands on the page. */
export function EntryFormHeading({ isEditing, children }: { isEditing: boolean; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (isEditing) heading.current?.focus();
  }, [isEditing]);
  return (
    <h3 ref={heading} tabIndex={-1}>
      {children}
    </h3>
  );
}

