import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { isOpen, isOverdue } from '@shared/meetings/actions';
import { todayIn } from '@shared/meetings/cadence';
import { useApp } from '../../app/AppContext';
import { formatDay } from './format';
import { useWorkspaceMeetings } from './useMeetingData';
import './meetings.css';

/** Workspace page section: the regular meeting's next date, the last meeting, open action items. */
export function MeetingsSection(props: { workspaceId: string }) {
  const { t } = useTranslation();
  const { language } = useApp();
  const data = useWorkspaceMeetings(props.workspaceId);
  const today = todayIn();
  const open = data?.actions.filter(isOpen) ?? [];
  const overdue = open.filter((action) => isOverdue(action, today));
  const last = data ? [...data.meetings].reverse().find((meeting) => meeting.state !== 'planned') : undefined;
  // Planning a meeting moves the series on to the one after: the next meeting is the planned one.
  const nextDate = (seriesId: string, fallback: string) =>
    data?.meetings
      .filter((meeting) => meeting.seriesId === seriesId && meeting.state === 'planned' && meeting.date >= today)
      .map((meeting) => meeting.date)
      .sort()[0] ?? fallback;
  const lastDate = last ? formatDay(last.date, language) : '';
  return (
    <section aria-labelledby="meetings-summary-title" className="card">
      <div className="section-header">
        <h2 id="meetings-summary-title">{t('meetings.title')}</h2>
        <Link href={`/w/${props.workspaceId}/meetings`} className="button primary">
          {t('meetings.open')}
        </Link>
      </div>
      <p className="muted">{t('meetings.sectionIntro')}</p>
      {data ? (
        <ul className="plain-list" data-testid="meetings-summary">
          {data.series.length === 0 ? <li>{t('meetings.noSeries')}</li> : null}
          {data.series.map((series) => (
            <li key={series.id}>
              <strong>{series.name}</strong> — {t('meetings.nextMeeting', { date: formatDay(nextDate(series.id, series.nextDate), language), cadence: t(`meetings.cadences.${series.cadence}`) })}
            </li>
          ))}
          {last ? (
            <li>
              <Link href={`/w/${props.workspaceId}/meetings/${last.id}`}>{/* A default title already carries the date: say it once. */}
                {last.title.includes(lastDate) ? t('workspaceUx.meetings.lastMeeting', { title: last.title }) : t('meetings.lastMeeting', { title: last.title, date: lastDate })}</Link>
            </li>
          ) : null}
          <li>
            {t('meetings.openActionsCount', { count: open.length })}
            {overdue.length > 0 ? (
              <>
                {' · '}
                <span className="meeting-overdue">
                  <span aria-hidden="true">⚠ </span>
                  {t('meetings.overdueCount', { count: overdue.length })}
                </span>
              </>
            ) : null}
          </li>
        </ul>
      ) : null}
    </section>
  );
}
