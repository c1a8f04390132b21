import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { previousMonth } from '@shared/meetings/cadence';
import type { AgendaItem, Meeting } from '@shared/meetings/records';
import { currentItem, formatClock, itemElapsedMs, timerView } from '@shared/meetings/timer';
import { useApp } from '../../app/AppContext';
import { useKpiData } from '../kpis/useKpiData';
import { db } from '../../db/db';
import { KpiDashboard } from '../kpis/KpiDashboard';
import { ResponseBreaches } from '../kpis/ResponseBreaches';
import { SlaAttainmentPanel } from '../kpis/SlaAttainmentPanel';
import './audienceMeeting.css';

/** Months of SLA attainment given a column on the projector (the share met still counts 12). */
const SLA_COLUMNS = 3;

/**
 * The meeting and the current item's owner, read live. Dexie's live queries follow writes made in
 * another window of the same origin (the laptop's run page), so the projector moves with it.
 */
function useAudienceMeeting(workspaceId: string, meetingId: string) {
  return useLiveQuery(async () => {
    const [workspace, meeting] = await Promise.all([db.workspaces.get(workspaceId), db.meetings.get([workspaceId, meetingId])]);
    if (!workspace || workspace.deletedAt || !meeting) return { meeting: null, owner: null };
    const ownerId = currentItem(meeting)?.ownerId ?? null;
    const owner = ownerId ? ((await db.members.get([workspaceId, ownerId]))?.name ?? null) : null;
    return { meeting, owner };
  }, [workspaceId, meetingId]);
}

/**
 * The clock of the running item, re-read at each whole second of the item's time (not on a free
 * interval): the projector's clock turns in the same instant as the laptop's, once a second.
 * Paused, the displayed time does not depend on the clock, so nothing ticks.
 */
function useItemClock(meeting: Meeting | null, item: AgendaItem | null): number {
  const [now, setNow] = useState(() => Date.now());
  const runningSince = meeting?.runningSince ?? null;
  const before = item?.elapsedMs ?? 0;
  useEffect(() => {
    if (runningSince === null) return;
    const start = Date.parse(runningSince);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = () => {
      const at = Date.now();
      setNow(at);
      // A stored start that does not parse counts as no time (as in timer.ts): tick each second.
      const into = Number.isFinite(start) ? (before + Math.max(0, at - start)) % 1000 : 0;
      timer = setTimeout(tick, 1000 - into);
    };
    tick();
    return () => clearTimeout(timer);
  }, [runningSince, before]);
  return now;
}

/** A calm full-screen message: the meeting is not there, not started or over. */
function Notice(props: { kicker?: string; title: string; body?: string; busy?: boolean }) {
  const id = useId();
  return (
    <section className="audience-meeting audience-meeting-notice" aria-labelledby={`${id}-title`} aria-busy={props.busy || undefined}>
      {props.kicker ? <p className="audience-meeting-kicker">{props.kicker}</p> : null}
      <h1 id={`${id}-title`}>{props.title}</h1>
      {props.body ? <p className="audience-meeting-body">{props.body}</p> : null}
    </section>
  );
}

/**
 * The current item and its clock: the only part that changes every second, so only it renders
 * every second (the figures below do not).
 */
function Stage(props: { meeting: Meeting; item: AgendaItem; owner: string | null; titleId: string }) {
  const { t } = useTranslation();
  const { meeting, item } = props;
  const now = useItemClock(meeting, item);
  const view = timerView(item.minutes, itemElapsedMs(meeting, item, now));
  const paused = meeting.runningSince === null;
  const clock = view.overrun ? `+${formatClock(view.overrunMs)}` : formatClock(view.remainingMs, true);
  const timerLabel = view.overrun
    ? t('audienceMeeting.timerLabelOver', { title: item.title, time: formatClock(view.overrunMs) })
    : t('audienceMeeting.timerLabel', { title: item.title, time: formatClock(view.remainingMs, true) });
  return (
    <div className={`audience-stage ${view.overrun ? 'audience-overrun' : ''}`}>
      <div className="audience-item">
        <h1 id={props.titleId} className="audience-item-title">
          {item.title}
        </h1>
        {props.owner ? <p className="audience-item-owner">{t('audienceMeeting.owner', { name: props.owner })}</p> : null}
      </div>
      <div className="audience-timer" role="timer" aria-label={timerLabel}>
        <span className="audience-clock" data-testid="audience-clock">
          {clock}
        </span>
        <span className="audience-clock-caption">
          {view.overrun ? (
            <strong className="audience-over">
              <span aria-hidden="true">⚠ </span>
              {t('audienceMeeting.over', { time: formatClock(view.overrunMs) })}
            </strong>
          ) : (
            t('audienceMeeting.remaining')
          )}
        </span>
        <span className="audience-elapsed">{t('audienceMeeting.elapsed', { elapsed: formatClock(view.elapsedMs), planned: formatClock(view.allottedMs) })}</span>
        {paused ? (
          <span className="audience-paused">
            <span aria-hidden="true">❚❚ </span>
            {t('audienceMeeting.paused')}
          </span>
        ) : null}
        <progress className="audience-timer-bar" max={1} value={view.progress} aria-hidden="true" />
      </div>
    </div>
  );
}

/**
 * The meeting in run mode as the room sees it on the projector (issue 10): the current agenda
 * item, its owner, its timer (with the overrun in words, not only in colour), where the agenda
 * stands, and the figures the item is about. Read-only: the laptop's run page keeps every control
 * and moves the meeting on; this view follows the stored meeting.
 */
export function AudienceMeeting({ workspaceId, meetingId }: { workspaceId: string; meetingId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const data = useAudienceMeeting(workspaceId, meetingId);
  const meeting = data?.meeting ?? null;
  const item = meeting ? currentItem(meeting) : null;

  if (data === undefined) return <Notice title={t('audienceMeeting.loading')} busy />;
  if (!meeting) return <Notice title={t('audienceMeeting.notFound')} body={t('audienceMeeting.notFoundBody')} />;
  if (meeting.state === 'planned') return <Notice kicker={meeting.title} title={t('audienceMeeting.notStarted')} body={t('audienceMeeting.notStartedBody')} />;
  if (meeting.state === 'ended') return <Notice kicker={meeting.title} title={t('audienceMeeting.ended')} body={t('audienceMeeting.endedBody')} />;
  if (!item) return <Notice kicker={meeting.title} title={t('audienceMeeting.noItems')} />;

  const index = meeting.agenda.findIndex((candidate) => candidate.id === item.id);
  const period = meeting.kpiPeriod ?? previousMonth(meeting.date);

  let figures: ReactNode = null;
  if (item.kind === 'kpiReview') figures = <KpiDashboard workspaceId={workspaceId} period={period} variant="meeting" />;
  else if (item.kind === 'slaAttainment') figures = <SlaAttainmentPanel workspaceId={workspaceId} period={period} columns={SLA_COLUMNS} />;
  else if (item.kind === 'leadQuality') figures = <LeadQualityFigures workspaceId={workspaceId} period={period} />;

  return (
    <section className={`audience-meeting ${figures ? 'audience-with-figures' : ''}`} aria-labelledby={`${id}-title`}>
      <header className="audience-meeting-header">
        <p className="audience-meeting-kicker">{meeting.title}</p>
        <p className="audience-meeting-step">{t('audienceMeeting.itemOf', { number: index + 1, count: meeting.agenda.length })}</p>
      </header>
      {/* The agenda as thin segments: done, current, to come (the text above says the same). */}
      <ol className="audience-agenda" aria-hidden="true">
        {meeting.agenda.map((candidate, position) => (
          <li key={candidate.id} className={position < index ? 'done' : position === index ? 'current' : undefined} />
        ))}
      </ol>
      <Stage meeting={meeting} item={item} owner={data.owner} titleId={`${id}-title`} />
      {figures ? <div className="audience-figures">{figures}</div> : null}
    </section>
  );
}

/** The lead-quality item: the SLA's response windows met in the month, lead by lead (LeadQualitySlot's data). */
function LeadQualityFigures(props: { workspaceId: string; period: string }) {
  const { t } = useTranslation();
  const { language } = useApp();
  const data = useKpiData(props.workspaceId, language);
  if (data === undefined) return <p aria-busy="true">{t('kpi.loading')}</p>;
  if (!data.sla) return <p>{t('kpi.sla.none')}</p>;
  return <ResponseBreaches data={data} period={props.period} headingLevel={2} />;
}
