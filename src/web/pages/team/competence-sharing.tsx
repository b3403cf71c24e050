import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api-client';
import type { CompetenceOverview, CompetenceShare, ShareBody } from '../../api/team-competence-types';
import { useRefusalWords } from '../../components/form-errors';
import { FormActions, SelectField } from '../../components/form-fields';
import { ErrorMessage } from '../../components/load-state';
import { useFormat } from '../../i18n/format';

/**
 * With whom the caller shares their self-assessments: a named colleague (coach, buddy) or the school's leadership for
 * the appraisal cycle. Revoking works at once, so it needs no confirmation: sharing again is one click.
 */
export function CompetenceSharing({ schoolId, overview, onChanged }: { schoolId: string; overview: CompetenceOverview; onChanged: (message: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const refusal = useRefusalWords();
  const [choice, setChoice] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const url = `/api/schools/${encodeURIComponent(schoolId)}/team/competence/shares`;
  const nameOf = (share: CompetenceShare) => (share.grantee ? share.grantee.name : t('de schoolleiding'));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    if (choice === '') {
      setFailure(t('Kies eerst met wie je je profiel deelt.'));
      return;
    }
    try {
      const body: ShareBody = choice === 'leadership' ? { audience: 'leadership' } : { audience: 'colleague', userId: choice };
      const share = await api.post<CompetenceShare>(url, body);
      setChoice('');
      onChanged(t('Je profiel is gedeeld met {{name}}.', { name: nameOf(share) }));
    } catch (error) {
      setFailure(refusal.failure(error));
    }
  };
  const revoke = async (share: CompetenceShare) => {
    setFailure(null);
    try {
      await api.delete(`${url}/${encodeURIComponent(share.id)}`);
      onChanged(t('{{name}} kan je profiel niet meer inzien.', { name: nameOf(share) }));
    } catch (error) {
      setFailure(refusal.failure(error));
    }
  };

  return (
    <section aria-labelledby="competentie-delen">
      <h2 id="competentie-delen">{t('Delen')}</h2>
      <p>{t('Je profiel is van jou. Deel het met een collega die met je meekijkt, zoals je coach of buddy, of met de schoolleiding voor de gesprekkencyclus. Zij kunnen het alleen lezen. Intrekken kan altijd en werkt meteen.')}</p>
      <ErrorMessage message={failure} />
      {overview.shares.length === 0 ? (
        <p className="muted">{t('Je deelt je profiel nu met niemand.')}</p>
      ) : (
        <ul className="competence-shares">
          {overview.shares.map((share) => (
            <li key={share.id}>
              {t('Gedeeld met {{name}} sinds {{date}}', { name: nameOf(share), date: format.date(share.createdAt) })}{' '}
              <button type="button" className="button button-small button-secondary" onClick={() => void revoke(share)}>
                {t('Intrekken: {{name}}', { name: nameOf(share) })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={(event) => void submit(event)} noValidate>
        <SelectField
          id="competentie-delen-met"
          label={t('Delen met')}
          value={choice}
          onChange={setChoice}
          options={[
            { value: '', label: t('Kies…') },
            { value: 'leadership', label: t('De schoolleiding (gesprekkencyclus)') },
            ...overview.colleagues.map((colleague) => ({ value: colleague.id, label: colleague.name })),
          ]}
        />
        <FormActions>
          <button type="submit" className="button">
            {t('Profiel delen')}
          </button>
        </FormActions>
      </form>
    </section>
  );
}
