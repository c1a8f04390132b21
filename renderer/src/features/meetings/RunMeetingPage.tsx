import { MeetingAudienceButton, useMeetingOnProjector } from '../audience/MeetingAudience';
import { useCallback, useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import { Link, useLocation } from 'wouter';
import type { Theme } from '@shared/settings';
import { actionsForMeeting } from '@shared/meetings/actions';
import { previousMonth, todayIn } from '@shared/meetings/cadence';
import type { Meeting } from '@shared/meetings/records';
import {
  agendaTotals,
  currentItem,
  formatClock,
  goToItem,
  itemElapsedMs,
  msUntilOverrun,
  nextItem,
  nextItemId,
  previousItem,
  startMeeting,
  timerView,
  toggleTimer,
} from '@shared/meetings/timer';
import { useApp } from '../../app/AppContext';
import { ConfirmDialog, Dialog } from '../../ui/Dialog';
import { ariaKeys, keyHint, ShortcutLegend } from '../../ui/shortcuts/labels';
import { useShortcuts } from '../../ui/shortcuts/useShortcuts';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { Breadcrumb, Loading, NotFound } from '../../ui/WorkspaceGate';
import { kpiSnapshot } from '../kpis/snapshot';
import { ActionsTable, AddActionForm, OverdueBasis } from './ActionItems';
import { AddDecisionForm, DecisionList } from './Decisions';
import { memberName, saveError } from './format';
import { KpiReviewSlot } from './KpiReviewSlot';
import { LeadQualitySlot } from './LeadQualitySlot';
import { finishMeeting, updateMeeting } from './meetingStore';
import { minutesExportRequest } from './minutesExport';
import { NotesField } from './NotesField';
import { PersonaSlot } from './PersonaSlot';
import { findMeeting, useWorkspaceMeetings } from './useMeetingData';
import './meetings.css';

const SOUND_KEY = 'alignboard.meetingSound';

/**
 * The clock for a running timer: re-read every `ms` while `active`. Paused, the displayed times do
 * not depend on the clock, so the last reading is kept (a stable snapshot for React).
 */
function useTicker(active: boolean, ms = 250): number {
  const [opened] = useState(() => Date.now());
  const reading = useRef(opened);
  const subscribe = useCallback(
    (notify: () => void) => {
      if (!active) return () => {};
      const tick = () => {
        reading.current = Date.now();
        notify();
      };
      tick();
      const timer = setInterval(tick, ms);
      return () => clearInterval(timer);
    },
    [active, ms],
  );
  return useSyncExternalStore(subscribe, () => reading.current);
}

/** A short beep through WebAudio (no audio file); the context is made on the click that enables sound. */
function useBeep(enabled: boolean) {
  const context = useRef<AudioContext | null>(null);
  useEffect(() => {
    if (!enabled || context.current || typeof AudioContext === 'undefined') return;
    try {
      context.current = new AudioContext();
    } catch {
      context.current = null;
    }
  }, [enabled]);
  useEffect(() => () => void context.current?.close().catch(() => {}), []);
  return useCallback(() => {
    const audio = context.current;
    if (!enabled || !audio) return;
    void audio.resume().catch(() => {});
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = 880;
    gain.gain.setValueAtTime(0.2, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.6);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start();
    oscillator.stop(audio.currentTime + 0.6);
  }, [enabled]);
}

function RunLegend() {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="run-legend" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('meetings.run.shortcuts.title')}</h2>
      <ShortcutLegend scopes={['run']} />
    </section>
  );
}

/** `#/w/:id/meetings/:meetingId/run`: the live meeting, projector-friendly and keyboard-driven. */
export function RunMeetingPage(props: { workspaceId: string; meetingId: string }) {
  const { t } = useTranslation();
  const { host, settings, updateSettings, language } = useApp();
  const [, navigate] = useLocation();
  // The theme to go back to when the projector theme is switched off here.
  const themeBefore = useRef<Theme>(settings.theme === 'projector' ? 'light' : settings.theme);
  const data = useWorkspaceMeetings(props.workspaceId);
  useMeetingOnProjector(props.workspaceId, props.meetingId);
  const meeting = data ? findMeeting(data, props.meetingId) : null;
  const id = useId();
  const [sound, setSound] = useState(() => {
    try {
      return localStorage.getItem(SOUND_KEY) === 'on';
    } catch {
      return false;
    }
  });
  const [confirmEnd, setConfirmEnd] = useState(false);
  const [endedOpen, setEndedOpen] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const notesRef = useRef<HTMLTextAreaElement>(null);
  const decisionRef = useRef<HTMLInputElement>(null);
  const actionRef = useRef<HTMLInputElement>(null);
  const beep = useBeep(sound);
  const running = meeting?.runningSince != null;
  const now = useTicker(running);
  useDocumentTitle(meeting ? t('meetings.run.pageTitle', { title: meeting.title }) : t('app.loading'));

  const change = useCallback(
    (update: (meeting: Meeting, now: number) => Meeting) =>
      updateMeeting(props.workspaceId, props.meetingId, update).catch((error: unknown) => {
        toast.error(saveError(t, error));
      }),
    [props.workspaceId, props.meetingId, t],
  );

  // Entering run mode starts the meeting (state running, startedAt); the timer waits for Start.
  const state = meeting?.state;
  useEffect(() => {
    if (state === 'planned') void change((m, at) => startMeeting(m, at));
  }, [state, change]);

  // At the allotted time: announce it (and beep when sound is on). Scheduled from the stored
  // meeting, so it is right after a reload too.
  const item = meeting ? currentItem(meeting) : null;
  useEffect(() => {
    if (!meeting || !item) return;
    const wait = msUntilOverrun(meeting, Date.now());
    if (wait === null) return;
    const timer = setTimeout(() => {
      setAnnouncement(t('meetings.run.timeUp', { title: item.title }));
      beep();
    }, wait + 50);
    return () => clearTimeout(timer);
    // The schedule depends on the run, the item and its allotment only.
    // oxlint-disable-next-line react/exhaustive-deps
  }, [meeting?.runningSince, meeting?.currentItemId, item?.minutes, item?.elapsedMs, beep, t]);

  // Run mode's keys (the shortcut table's 'run' scope). An ended meeting is read here, not run:
  // no keys move or time it.
  useShortcuts(
    'run',
    {
      'run.next': () => void change(nextItem),
      'run.previous': () => void change(previousItem),
      'run.nextOutside': () => void change(nextItem),
      'run.timer': () => void change(toggleTimer),
      'run.notes': () => notesRef.current?.focus(),
      'run.decision': () => decisionRef.current?.focus(),
      'run.action': () => actionRef.current?.focus(),
    },
    state !== 'ended',
  );

  if (data === undefined) return <Loading />;
  if (!data.workspace) return <NotFound />;
  if (!meeting) return <NotFound title={t('meetings.meeting.notFound')} back={{ href: `/w/${props.workspaceId}/meetings`, label: t('meetings.open') }} />;
  const meetingUrl = `/w/${props.workspaceId}/meetings/${meeting.id}`;
  const index = item ? meeting.agenda.findIndex((candidate) => candidate.id === item.id) : -1;
  const view = item ? timerView(item.minutes, itemElapsedMs(meeting, item, now)) : null;
  const totals = agendaTotals(meeting, now);
  const period = meeting.kpiPeriod ?? previousMonth(meeting.date);
  const today = todayIn();
  const entries = actionsForMeeting(meeting, data.actions, data.meetings);
  const isLast = nextItemId(meeting) === null;

  // Every action item of the meeting; on the "actions review" item it moves up under the timer.
  const actionsCard = (
    <section className="card" aria-labelledby={`${id}-actions`}>
      <h2 id={`${id}-actions`}>{t('meetings.actions.title')}</h2>
      <OverdueBasis entries={entries} meetingDate={meeting.date} today={today} />
      <ActionsTable caption={t('meetings.actions.title')} entries={entries} members={data.members} meetings={data.meetings} meetingId={meeting.id} today={today} />
    </section>
  );

  async function end() {
    let snapshot = null;
    try {
      snapshot = await kpiSnapshot(props.workspaceId, period, undefined, language);
    } catch (error) {
      console.warn('KPI snapshot failed; the minutes will say there is none', error);
    }
    try {
      await finishMeeting(props.workspaceId, props.meetingId, snapshot);
      toast.success(t('meetings.run.ended'));
      setEndedOpen(true);
    } catch (error) {
      toast.error(saveError(t, error));
    }
  }
  async function exportMinutes() {
    try {
      await host.exportPdf(minutesExportRequest(props.workspaceId, meeting!));
    } catch (error) {
      toast.error(saveError(t, error));
    }
  }

  return (
    <section className="page run-page" aria-labelledby={`${id}-title`}>
      <Breadcrumb
        workspace={data.workspace}
        trail={[
          { href: `/w/${props.workspaceId}/meetings`, label: t('meetings.title') },
          { href: meetingUrl, label: meeting.title },
        ]}
      />
      <div className="run-header">
        <p className="run-meeting-title">{meeting.title}</p>
        <p className="run-progress">
          {item ? t('meetings.run.itemOf', { number: index + 1, count: meeting.agenda.length }) : null} ·{' '}
          {t('meetings.run.elapsedTotal', { used: formatClock(totals.elapsedMs), planned: formatClock(totals.plannedMs) })}
        </p>
      </div>
      <p className="visually-hidden" aria-live="assertive" aria-atomic="true">
        {announcement}
      </p>

      {meeting.state === 'ended' ? (
        <div className="card">
          <h1 id={`${id}-title`}>{t('meetings.run.endedTitle')}</h1>
          <div className="toolbar">
            <button type="button" className="button primary" onClick={() => void exportMinutes()}>
              {t('meetings.meeting.exportMinutes')}
            </button>
            <Link href={meetingUrl} className="button">
              {t('meetings.run.backToMeeting')}
            </Link>
          </div>
        </div>
      ) : null}

      <div className="run-layout">
        <div className="run-main">
          {item && view ? (
            <>
              <div className={`run-stage ${view.overrun ? 'run-overrun' : ''}`}>
                {meeting.state !== 'ended' ? (
                  <h1 id={`${id}-title`} className="run-item-title">
                    {item.title}
                  </h1>
                ) : (
                  <h2 className="run-item-title">{item.title}</h2>
                )}
                <p className="run-item-meta">
                  {t('meetings.run.owner', { name: memberName(t, data.members, item.ownerId) })} · {t('meetings.run.allotted', { minutes: item.minutes })}
                </p>
                <div className="run-timer" role="timer" aria-label={t('meetings.run.timerLabel', { title: item.title, time: formatClock(view.overrun ? view.overrunMs : view.remainingMs, !view.overrun) })}>
                  <span className="run-clock" data-testid="run-clock">
                    {view.overrun ? `+${formatClock(view.overrunMs)}` : formatClock(view.remainingMs, true)}
                  </span>
                  <span className="run-clock-caption">
                    {view.overrun ? (
                      <strong className="run-over">
                        <span aria-hidden="true">⚠ </span>
                        {t('meetings.run.over', { time: formatClock(view.overrunMs) })}
                      </strong>
                    ) : (
                      t('meetings.run.remaining')
                    )}{' '}
                    · {running ? t('meetings.run.running') : t('meetings.run.paused')}
                  </span>
                  <progress className="run-progress-bar" max={1} value={view.progress} aria-hidden="true" />
                </div>
              </div>
              {meeting.state !== 'ended' ? (
                <div className="toolbar run-controls">
                  <button type="button" className="button primary" aria-keyshortcuts={ariaKeys('run.timer')} onClick={() => void change(toggleTimer)}>
                    {running ? t('meetings.run.pause') : t('meetings.run.start')}
                  </button>
                  <button type="button" className="button" aria-keyshortcuts={ariaKeys('run.previous')} disabled={index <= 0} onClick={() => void change(previousItem)}>
                    {t('meetings.run.previous')}
                  </button>
                  <button type="button" className="button" aria-keyshortcuts={`${ariaKeys('run.next')} ${ariaKeys('run.nextOutside')}`} disabled={isLast} onClick={() => void change(nextItem)}>
                    {t('meetings.run.next')} <kbd>{keyHint('run.next')}</kbd>
                  </button>
                  <button type="button" className="button danger" onClick={() => setConfirmEnd(true)}>
                    {t('meetings.run.end')}
                  </button>
                  <label className="meeting-check run-sound">
                    <input
                      type="checkbox"
                      checked={sound}
                      onChange={(event) => {
                        setSound(event.target.checked);
                        try {
                          localStorage.setItem(SOUND_KEY, event.target.checked ? 'on' : 'off');
                        } catch {
                          // Not remembered; it still applies now.
                        }
                      }}
                    />{' '}
                    {t('meetings.run.sound')}
                  </label>
                  <label className="meeting-check run-sound">
                    <input
                      type="checkbox"
                      checked={settings.theme === 'projector'}
                      onChange={(event) => {
                        if (event.target.checked) themeBefore.current = settings.theme;
                        void updateSettings({ theme: event.target.checked ? 'projector' : themeBefore.current });
                      }}
                    />{' '}
                    {t('meetings.run.projector')}
                  </label>
                  <MeetingAudienceButton workspaceId={props.workspaceId} meetingId={props.meetingId} />
                </div>
              ) : null}
              {isLast && meeting.state !== 'ended' ? <p className="muted">{t('meetings.run.lastItem')}</p> : null}

              {item.kind === 'kpiReview' || item.kind === 'slaAttainment' ? <KpiReviewSlot workspaceId={props.workspaceId} period={period} kind={item.kind} /> : null}
              {item.kind === 'leadQuality' ? <LeadQualitySlot workspaceId={props.workspaceId} period={period} /> : null}
              {item.kind === 'personaUpdates' ? <PersonaSlot workspaceId={props.workspaceId} /> : null}
              {item.kind === 'actionsReview' ? actionsCard : null}

              {/* Not keyed by item: the field follows the current item and keeps the keyboard focus. */}
              <NotesField
                ref={notesRef}
                workspaceId={props.workspaceId}
                meetingId={meeting.id}
                item={item}
                label={t('meetings.agenda.notesFor', { title: item.title })}
                rows={6}
                className="run-notes"
              />
              <section className="run-capture" aria-labelledby={`${id}-capture`}>
                <h2 id={`${id}-capture`}>{t('meetings.run.capture')}</h2>
                <AddDecisionForm ref={decisionRef} workspaceId={props.workspaceId} meetingId={meeting.id} agendaItemId={item.id} compact />
                <DecisionList workspaceId={props.workspaceId} meeting={meeting} decisions={meeting.decisions.filter((decision) => decision.agendaItemId === item.id)} hideEmpty editable />
                <AddActionForm ref={actionRef} workspaceId={props.workspaceId} meetingId={meeting.id} agendaItemId={item.id} members={data.members} compact />
              </section>
            </>
          ) : meeting.state !== 'ended' ? (
            <>
              <h1 id={`${id}-title`}>{meeting.title}</h1>
              <p>{t('meetings.run.noItems')}</p>
              <Link href={meetingUrl}>{t('meetings.run.backToMeeting')}</Link>
            </>
          ) : null}
          {item?.kind === 'actionsReview' ? null : actionsCard}
        </div>
        <aside className="run-side">
          <nav aria-label={t('meetings.run.agendaNav')}>
            <h2>{t('meetings.run.agendaNav')}</h2>
            <ol className="run-agenda">
              {meeting.agenda.map((candidate) => {
                const spent = itemElapsedMs(meeting, candidate, now);
                const over = spent > candidate.minutes * 60_000;
                const current = candidate.id === meeting.currentItemId;
                return (
                  <li key={candidate.id}>
                    <button
                      type="button"
                      className={`run-agenda-item ${current ? 'current' : ''}`}
                      aria-current={current ? 'step' : undefined}
                      onClick={() => void change((m, at) => goToItem(m, candidate.id, at))}
                    >
                      <span className="run-agenda-title">{candidate.title}</span>
                      <span className="run-agenda-time">
                        {formatClock(spent)} / {t('meetings.agenda.minutesShort', { minutes: candidate.minutes })}
                        {over ? (
                          <>
                            {' '}
                            <span aria-hidden="true">⚠</span> {t('meetings.run.overShort')}
                          </>
                        ) : null}
                      </span>
                    </button>
                  </li>
                );
              })}
            </ol>
          </nav>
          <RunLegend />
        </aside>
      </div>

      <ConfirmDialog
        open={confirmEnd}
        onOpenChange={setConfirmEnd}
        title={t('meetings.run.endTitle')}
        description={t('meetings.run.endBody')}
        confirmLabel={t('meetings.run.endConfirm')}
        onConfirm={() => void end()}
      />
      <Dialog
        open={endedOpen}
        onOpenChange={(open) => {
          setEndedOpen(open);
          if (!open) navigate(meetingUrl);
        }}
        title={t('meetings.run.endedTitle')}
        description={t('meetings.run.endedBody')}
      >
        <div className="dialog-buttons">
          <button
            type="button"
            className="button"
            onClick={() => {
              setEndedOpen(false);
              navigate(meetingUrl);
            }}
          >
            {t('meetings.run.notNow')}
          </button>
          <button
            type="button"
            className="button primary"
            autoFocus
            onClick={() => {
              void exportMinutes();
              setEndedOpen(false);
              navigate(meetingUrl);
            }}
          >
            {t('meetings.meeting.exportMinutes')}
          </button>
        </div>
      </Dialog>
    </section>
  );
}
