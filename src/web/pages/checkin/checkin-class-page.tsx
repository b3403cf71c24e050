import { CHECKIN_STATES_TOP_DOWN } from '../../../shared/checkin';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { apiPath } from '../../api/api-client';
import type { SchoolClass } from '../../api/api-types';
import type { ClassOverview, OverviewPupil } from '../../api/checkin-types';
import { useApiData } from '../../api/use-api-data';
import { LoadState } from '../../components/load-state';
import { Page } from '../../components/page';
import { useFormat } from '../../i18n/format';
import { useSchool } from '../school/school-layout';
import { ClassCheckinActions } from './checkin-class-actions';
import { ClassKioskList } from './checkin-class-kiosks';
import { ClassSymbolsSection } from './checkin-class-symbols';
import { AgeGroupForm } from './checkin-age-group-form';
import { HandledSection, splitHandled } from './checkin-handled';
import { signalLabel, StateBadge, stateLabel } from './checkin-labels';
import { checkinHomePath, checkinPupilPath } from './checkin-paths';
import { classGroupPath } from '../group/group-paths';
import { ClassRoutinesSection } from '../regulation/regulation-sections';

/** One class's check-in: today's overview for its teachers and the care team, and the class device, codes and cards. */
export function CheckinClassPage() {
  const { t } = useTranslation();
  const { school, can } = useSchool();
  const { classId = '' } = useParams();
  const canRead = can('school.checkin.class.read');
  const canManage = can('school.checkin.manage');
  const classes = useApiData<SchoolClass[]>(apiPath('/api/schools/:schoolId/classes', { schoolId: school.id }, { schoolYear: school.currentSchoolYear }));
  const overview = useApiData<ClassOverview>(
    canRead ? apiPath('/api/schools/:schoolId/classes/:classId/checkin/today', { schoolId: school.id, classId }) : null,
  );
  const className = overview.data?.className ?? classes.data?.find((item) => item.id === classId)?.name;
  const title = className ? t('Check-in {{name}}', { name: className }) : t('Check-in');
  const failure = overview.error ?? (canRead ? null : classes.error);

  if (failure) {
    return (
      <Page title={t('Check-in')}>
        {failure.code === 'not_found' ? (
          <p className="notice notice-error" role="alert">
            {t('Deze klas bestaat niet of is niet een van jouw klassen.')}
          </p>
        ) : (
          <LoadState error={failure} isLoading={false} />
        )}
        <p>
          <Link to={checkinHomePath(school.id)}>{t('Terug naar de klassen')}</Link>
        </p>
      </Page>
    );
  }
  if (!className || (canRead && !overview.data)) {
    return <LoadState error={null} isLoading />;
  }
  return (
    <Page title={title}>
      <p>
        <Link to={checkinHomePath(school.id)}>{t('Andere klas kiezen')}</Link>
        {can('school.group') ? (
          <>
            {' · '}
            <Link to={classGroupPath(school.id, classId)}>{t('Groep')}</Link>
          </>
        ) : null}
      </p>
      {canManage ? <ClassCheckinActions schoolId={school.id} classId={classId} className={className} /> : null}
      {canManage ? <ClassKioskList schoolId={school.id} classId={classId} className={className} /> : null}
      {overview.data ? <TodayOverview overview={overview.data} schoolId={school.id} onReload={overview.reload} isLoading={overview.isLoading} /> : null}
      {can('school.regulation') ? <ClassRoutinesSection classId={classId} /> : null}
      {canManage ? <AgeGroupForm schoolId={school.id} classId={classId} current={overview.data?.ageGroup ?? null} onSaved={overview.reload} /> : null}
      {canManage ? <ClassSymbolsSection schoolId={school.id} classId={classId} className={className} /> : null}
    </Page>
  );
}

function TodayOverview({ overview, schoolId, onReload, isLoading }: { overview: ClassOverview; schoolId: string; onReload: () => void; isLoading: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const notYet = overview.pupils.filter((pupil) => pupil.today === null);
  // A signal that was talked about leaves the lists that ask for attention and shows under "talked about today".
  const split = overview.pupils.map((pupil) => ({ pupil, ...splitHandled(pupil.signals) }));
  const talkers = split.filter((entry) => entry.open.some((signal) => signal.kind === 'asked_to_talk')).map((entry) => entry.pupil);
  const withSignals = split.filter((entry) => entry.open.length > 0);
  const withHandled = split.filter((entry) => entry.handled.length > 0);
  const pupilLink = (pupil: OverviewPupil) => checkinPupilPath(schoolId, pupil.pupilId, overview.classId);

  return (
    <>
      <section aria-labelledby="vandaag-kop" className="checkin-today">
        <h2 id="vandaag-kop">{t('Vandaag, {{date}}', { date: format.date(overview.date) })}</h2>
        <dl className="checkin-counts">
          <div>
            <dt>{t('Ingecheckt')}</dt>
            <dd>{format.number(overview.counts.checkedIn)}</dd>
          </div>
          <div>
            <dt>{t('Nog niet')}</dt>
            <dd>{format.number(overview.counts.notYet)}</dd>
          </div>
          <div className={overview.counts.wantsTalk > 0 ? 'checkin-count-talk' : undefined}>
            <dt>{t('Wil praten')}</dt>
            <dd>{format.number(overview.counts.wantsTalk)}</dd>
          </div>
        </dl>
        <p>
          <button type="button" className="button button-secondary button-small" onClick={onReload} disabled={isLoading}>
            {t('Vernieuwen')}
          </button>
        </p>
      </section>

      {talkers.length > 0 ? (
        <section aria-labelledby="praten-kop" className="card checkin-talk">
          <h2 id="praten-kop">
            <TalkIcon /> {t('Wil graag met je praten')}
          </h2>
          <ul>
            {talkers.map((pupil) => (
              <li key={pupil.pupilId}>
                <Link to={pupilLink(pupil)}>{pupil.displayName}</Link> <StateBadge state={pupil.today?.state ?? null} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {withSignals.length > 0 ? (
        <section aria-labelledby="signalen-kop" className="card">
          <h2 id="signalen-kop">{t('Signalen')}</h2>
          <ul className="checkin-signal-list">
            {withSignals.map(({ pupil, open }) => (
              <li key={pupil.pupilId}>
                <Link to={pupilLink(pupil)} className="checkin-signal-name">
                  {pupil.displayName}
                </Link>
                <ul>
                  {open.map((signal) => (
                    <li key={signal.kind}>
                      <strong>{signalLabel(t, signal.kind)}:</strong> {signal.explanation}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <p className="notice">{withHandled.length > 0 ? t('Geen signalen meer die op een gesprek wachten.') : t('Vandaag geen signalen in deze klas.')}</p>
      )}

      <HandledSection
        headingId="besproken-kop"
        entries={withHandled.map(({ pupil, handled }) => ({ pupilId: pupil.pupilId, displayName: pupil.displayName, link: pupilLink(pupil), signals: handled }))}
      />

      <section aria-labelledby="klas-kop">
        <h2 id="klas-kop">{t('De klas vandaag')}</h2>
        <ul className="checkin-grid">
          {overview.pupils.map((pupil) => (
            <li key={pupil.pupilId} className={`checkin-tile checkin-tile--${pupil.today ? pupil.today.state.replace('_', '-') : 'not-yet'}`}>
              <Link to={pupilLink(pupil)} className="checkin-tile-name">
                {pupil.displayName}
              </Link>
              <StateBadge state={pupil.today?.state ?? null} />
              {pupil.today?.wantsTalk ? (
                <span className="checkin-tile-talk">
                  <TalkIcon /> {pupil.signals.some((signal) => signal.kind === 'asked_to_talk' && signal.handled) ? t('Wilde praten, besproken') : t('Wil praten')}
                </span>
              ) : null}
              {pupil.today?.word ? <span className="checkin-tile-word">“{pupil.today.word}”</span> : null}
              {pupil.today ? <span className="muted checkin-tile-time">{t('om {{time}}', { time: timeOf(pupil.today.at) })}</span> : null}
              {pupil.signals.length > 0 ? (
                <span className="checkin-tile-signals">
                  {pupil.signals.map((signal) => (signal.handled ? t('{{signal}} (besproken)', { signal: signalLabel(t, signal.kind) }) : signalLabel(t, signal.kind))).join(' · ')}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      {notYet.length > 0 ? (
        <section aria-labelledby="nog-niet-kop">
          <h2 id="nog-niet-kop">{t('Nog niet ingecheckt')}</h2>
          <p>{notYet.map((pupil) => pupil.displayName).join(', ')}</p>
        </section>
      ) : null}

      <section aria-labelledby="legenda-kop" className="card card-quiet">
        <h2 id="legenda-kop">{t('Wat de leerlingen zien')}</h2>
        <p className="muted">{t('Zo heten de keuzes voor de leerlingen van deze klas. Jij ziet overal dezelfde woorden, met kleur en teken erbij.')}</p>
        <dl className="checkin-legend">
          {CHECKIN_STATES_TOP_DOWN.map((state) => {
            const choice = overview.choices.find((item) => item.state === state);
            return (
              <div key={state}>
                <dt>
                  <StateBadge state={state} />
                </dt>
                <dd>
                  {choice ? t('Leerlingen zien: “{{label}}” – {{hint}}', { label: choice.label, hint: choice.hint }) : stateLabel(t, state)}
                </dd>
              </div>
            );
          })}
        </dl>
      </section>
    </>
  );
}

/** The time of an instant on this device's clock, "08:12". */
function timeOf(instant: string): string {
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? '' : `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/** A speech bubble: "wants to talk" (always next to the words). */
export function TalkIcon() {
  return (
    <svg className="talk-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path d="M4 5h16v10H10l-4 4v-4H4z" />
    </svg>
  );
}
