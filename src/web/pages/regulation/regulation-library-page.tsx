import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { AGE_GROUPS, type AgeGroup } from '../../../shared/checkin';
import { ACTIVITY_KINDS, ACTIVITY_PLACES, ACTIVITY_STATES, DIRECTION_OF_KIND } from '../../../shared/regulation';
import { api, ApiError, apiPath } from '../../api/api-client';
import type { SchoolClass } from '../../api/api-types';
import type { ActivityKind, ActivityPlace, ActivityState, ClassRegulation, LibraryActivity } from '../../api/regulation-types';
import { useApiData } from '../../api/use-api-data';
import { useFormErrors } from '../../components/form-errors';
import { ErrorSummary, SelectField, TextField } from '../../components/form-fields';
import { ErrorMessage, LoadState, SuccessMessage } from '../../components/load-state';
import { Page } from '../../components/page';
import { useSession } from '../../session/session-context';
import { ageGroupLabel } from '../checkin/checkin-labels';
import { useSchool } from '../school/school-layout';
import { durationLabel, kindLabel, placeLabel, stateForLabel, wordingOf } from './regulation-labels';
import { windowLessonsPath } from './regulation-paths';

const ANY = '';

/**
 * The regulation activity library for teachers and the care team: filter by state, age group, kind, place and
 * duration; for a chosen class mark favourites and plan daily routine moments (they show on the class's check-in page).
 */
export function RegulationLibraryPage() {
  const { t } = useTranslation();
  const { school } = useSchool();
  const { session } = useSession();
  const [search, setSearch] = useSearchParams();
  const roles = session.schools.find((entry) => entry.id === school.id)?.roles ?? [];
  const activities = useApiData<LibraryActivity[]>(apiPath('/api/schools/:schoolId/regulation/activities', { schoolId: school.id }));
  const classes = useApiData<SchoolClass[]>(
    apiPath('/api/schools/:schoolId/classes', { schoolId: school.id }, { schoolYear: school.currentSchoolYear, taughtByMe: roles.includes('care_team') ? undefined : 'true' }),
  );
  const classId = search.get('klas') ?? '';
  const classRegulation = useApiData<ClassRegulation>(classId ? apiPath('/api/schools/:schoolId/classes/:classId/regulation', { schoolId: school.id, classId }) : null);
  const [filters, setFilters] = useState<{ state: string; age: string; kind: string; place: string; maxMinutes: string }>({ state: ANY, age: ANY, kind: ANY, place: ANY, maxMinutes: ANY });
  const [failure, setFailure] = useState<string | null>(null);

  const shown = (activities.data ?? []).filter(
    (activity) =>
      (filters.state === ANY || activity.states.includes(filters.state as ActivityState)) &&
      (filters.age === ANY || activity.ageGroups.includes(filters.age as AgeGroup)) &&
      (filters.kind === ANY || activity.kind === filters.kind) &&
      (filters.place === ANY || activity.places.includes(filters.place as ActivityPlace)) &&
      (filters.maxMinutes === ANY || activity.durationSeconds <= Number(filters.maxMinutes) * 60),
  );
  const favourites = new Set(classRegulation.data?.favourites ?? []);
  const toggleFavourite = async (activity: LibraryActivity) => {
    if (!classId) return;
    setFailure(null);
    try {
      classRegulation.setData(
        await api.put<ClassRegulation>(apiPath('/api/schools/:schoolId/classes/:classId/regulation/favourites/:activityId', { schoolId: school.id, classId, activityId: activity.id }), {
          favourite: !favourites.has(activity.id),
        }),
      );
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : String(error));
    }
  };
  const filter = (key: keyof typeof filters) => (value: string) => setFilters((now) => ({ ...now, [key]: value }));

  return (
    <Page
      title={t('Regulatie')}
      intro={
        <p>
          {t('Korte activiteiten die leerlingen helpen om weer in hun raampje te komen: vanuit het lichaam (ademen, bewegen, zintuigen) of met woorden en gedachten. Oefen ze als de klas rustig is, dan kennen leerlingen ze als het nodig is.')}
        </p>
      }
    >
      <ErrorMessage message={failure} />
      <section aria-labelledby="klas-kop">
        <h2 id="klas-kop">{t('Voor welke klas?')}</h2>
        <SelectField
          id="regulatie-klas"
          label={t('Klas')}
          value={classId}
          onChange={(value) => setSearch(value ? { klas: value } : {})}
          options={[{ value: '', label: t('Geen klas gekozen') }, ...(classes.data ?? []).map((item) => ({ value: item.id, label: item.name }))]}
          hint={t('Kies een klas om favorieten te bewaren en vaste momenten te plannen.')}
        />
        {classId ? (
          <p>
            <Link to={windowLessonsPath(school.id, classId)}>{t('Ken je raampje: vier lessen voor deze klas')}</Link>
          </p>
        ) : null}
        {classId && classRegulation.data ? <RoutinesSection regulation={classRegulation.data} activities={activities.data ?? []} onChanged={classRegulation.setData} /> : null}
        {classId ? <LoadState error={classRegulation.error} isLoading={classRegulation.isLoading} /> : null}
      </section>

      <section aria-labelledby="bibliotheek-kop">
        <h2 id="bibliotheek-kop">{t('Activiteiten')}</h2>
        <div className="regulation-filters">
          <SelectField id="filter-toestand" label={t('Voor wie')} value={filters.state} onChange={filter('state')} options={[{ value: ANY, label: t('Alle') }, ...ACTIVITY_STATES.map((state) => ({ value: state, label: stateForLabel(t, state) }))]} />
          <SelectField id="filter-leeftijd" label={t('Leeftijd')} value={filters.age} onChange={filter('age')} options={[{ value: ANY, label: t('Alle') }, ...AGE_GROUPS.map((age) => ({ value: age, label: ageGroupLabel(t, age) }))]} />
          <SelectField id="filter-soort" label={t('Soort')} value={filters.kind} onChange={filter('kind')} options={[{ value: ANY, label: t('Alle') }, ...ACTIVITY_KINDS.map((kind) => ({ value: kind, label: kindLabel(t, kind) }))]} />
          <SelectField id="filter-plek" label={t('Waar')} value={filters.place} onChange={filter('place')} options={[{ value: ANY, label: t('Overal') }, ...ACTIVITY_PLACES.map((place) => ({ value: place, label: placeLabel(t, place) }))]} />
          <SelectField
            id="filter-duur"
            label={t('Hoogstens')}
            value={filters.maxMinutes}
            onChange={filter('maxMinutes')}
            options={[{ value: ANY, label: t('Elke duur') }, ...['1', '3', '5'].map((minutes) => ({ value: minutes, label: t('{{minutes}} min', { minutes }) }))]}
          />
        </div>
        {activities.data ? (
          <>
            <p role="status">{t('{{shown}} van de {{all}} activiteiten', { shown: shown.length, all: activities.data.length })}</p>
            <ul className="card-list">
              {shown.map((activity) => (
                <li key={activity.id}>
                  <ActivityCard activity={activity} isFavourite={favourites.has(activity.id)} onToggleFavourite={classId ? () => void toggleFavourite(activity) : null} />
                </li>
              ))}
            </ul>
          </>
        ) : (
          <LoadState error={activities.error} isLoading={activities.isLoading} />
        )}
      </section>
    </Page>
  );
}

/** One activity: what it is, for whom, how long, where, and its steps to read aloud. */
export function ActivityCard({ activity, isFavourite, onToggleFavourite }: { activity: LibraryActivity; isFavourite: boolean; onToggleFavourite: (() => void) | null }) {
  const { t, i18n } = useTranslation();
  const name = wordingOf(activity.name, i18n.language);
  return (
    <article className="card card-quiet">
      <h3 className="card-title">
        {name}
        {isFavourite ? <span className="muted"> · {t('favoriet')}</span> : null}
      </h3>
      <p className="muted">
        {kindLabel(t, activity.kind)} ({DIRECTION_OF_KIND[activity.kind] === 'bottom-up' ? t('vanuit het lichaam') : t('met woorden en gedachten')}) · {durationLabel(t, activity.durationSeconds)} ·{' '}
        {activity.states.map((state) => stateForLabel(t, state)).join(', ')}
      </p>
      <p className="muted">
        {activity.ageGroups.map((age) => ageGroupLabel(t, age)).join(' · ')} — {activity.places.map((place) => placeLabel(t, place)).join(', ')}
        {activity.own ? ` · ${t('eigen activiteit van de school')}` : null}
      </p>
      <details>
        <summary>{t('Stappen om voor te lezen')}</summary>
        {activity.materials.length > 0 ? <p>{t('Nodig: {{materials}}', { materials: activity.materials.map((material) => wordingOf(material, i18n.language)).join(', ') })}</p> : null}
        <ol>
          {activity.steps.map((step, index) => (
            <li key={index}>{wordingOf(step, i18n.language)}</li>
          ))}
        </ol>
      </details>
      {onToggleFavourite ? (
        <button type="button" className="button button-secondary" aria-pressed={isFavourite} onClick={onToggleFavourite}>
          {t('Favoriet van de klas')}: {name}
        </button>
      ) : null}
    </article>
  );
}

// The class's daily routine moments: a time, a short label and an activity with the whole class.
function RoutinesSection({ regulation, activities, onChanged }: { regulation: ClassRegulation; activities: readonly LibraryActivity[]; onChanged: (next: ClassRegulation) => void }) {
  const { t, i18n } = useTranslation();
  const { school } = useSchool();
  const [timeOfDay, setTimeOfDay] = useState('10:30');
  const [label, setLabel] = useState('');
  const [activityId, setActivityId] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const errors = useFormErrors('moment-');
  const base = apiPath('/api/schools/:schoolId/classes/:classId/regulation', { schoolId: school.id, classId: regulation.classId });
  const choices = [...activities].sort((left, right) => Number(regulation.favourites.includes(right.id)) - Number(regulation.favourites.includes(left.id)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const isValid = errors.check(
      {
        'moment-tijd': /^([01]\d|2[0-3]):[0-5]\d$/.test(timeOfDay) ? null : t('Vul een tijd in, zoals 10:30.'),
        'moment-naam': label.trim() ? null : t('Geef het moment een korte naam, zoals "na de pauze".'),
        'moment-activiteit': activityId ? null : t('Kies een activiteit.'),
      },
      t('Het moment is nog niet gepland.'),
    );
    if (!isValid) return;
    try {
      onChanged(await api.post<ClassRegulation>(`${base}/routines`, { timeOfDay, label: label.trim(), activityId }));
      setSaved(t('Het vaste moment is gepland.'));
      setLabel('');
    } catch (error) {
      errors.fromError(error);
    }
  };
  const remove = async (routineId: string) => {
    try {
      await api.delete(`${base}/routines/${routineId}`);
      onChanged({ ...regulation, routines: regulation.routines.filter((routine) => routine.id !== routineId) });
      setSaved(t('Het vaste moment is verwijderd.'));
    } catch (error) {
      errors.fromError(error);
    }
  };

  return (
    <div>
      <h3>{t('Vaste momenten van {{name}}', { name: regulation.className })}</h3>
      <SuccessMessage message={saved} />
      {regulation.routines.length === 0 ? (
        <p className="notice">{t('Nog geen vaste momenten. Een vast moment, bijvoorbeeld na de pauze, geeft rust en voorspelbaarheid.')}</p>
      ) : (
        <ul>
          {regulation.routines.map((routine) => (
            <li key={routine.id}>
              {routine.timeOfDay} · {routine.label} · {routine.activityName ? wordingOf(routine.activityName, i18n.language) : t('(activiteit niet meer beschikbaar)')}{' '}
              <button type="button" className="button-link" onClick={() => void remove(routine.id)}>
                {t('Verwijderen')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={(event) => void submit(event)} noValidate>
        <ErrorSummary errors={errors.errors} labels={{ 'moment-tijd': t('Tijd'), 'moment-naam': t('Naam van het moment'), 'moment-activiteit': t('Activiteit') }} />
        <TextField id="moment-tijd" label={t('Tijd')} value={timeOfDay} onChange={setTimeOfDay} type="time" error={errors.errors.fields['moment-tijd']} />
        <TextField id="moment-naam" label={t('Naam van het moment')} value={label} onChange={setLabel} maxLength={60} error={errors.errors.fields['moment-naam']} />
        <SelectField
          id="moment-activiteit"
          label={t('Activiteit')}
          value={activityId}
          onChange={setActivityId}
          error={errors.errors.fields['moment-activiteit']}
          options={[{ value: '', label: t('Kies een activiteit') }, ...choices.map((activity) => ({ value: activity.id, label: `${wordingOf(activity.name, i18n.language)}${regulation.favourites.includes(activity.id) ? ` (${t('favoriet')})` : ''}` }))]}
        />
        <div className="form-actions">
          <button type="submit" className="button">
            {t('Moment plannen')}
          </button>
        </div>
      </form>
    </div>
  );
}
