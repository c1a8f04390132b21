import '../rooms/rooms.css';
import './audience.css';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { AudienceState } from '@shared/audience/presentation';
import { AudienceBoard } from './AudienceBoard';

// Loaded when first shown (issue 12): the meeting view brings the KPI dashboard (uPlot) and the
// SLA figures, the join screen the QR encoder; a board page's projector preview needs neither.
const AudienceMeeting = lazy(() => import('./AudienceMeeting').then((m) => ({ default: m.AudienceMeeting })));
const QrCode = lazy(() => import('../rooms/QrCode').then((m) => ({ default: m.QrCode })));

/** The calm screen between things: the app's name, nothing to read. */
function IdleScreen(props: { waiting: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="audience-idle">
      <h1 className="audience-brand">{t('app.name')}</h1>
      <p className="audience-lead">{props.waiting ? t('audience.screen.waiting') : t('audience.screen.idleLead')}</p>
    </div>
  );
}

/** The open room's join screen in large type, as the laptop's join dialog shows it (on the projector palette). */
function JoinView(props: { room: Extract<AudienceState['presentation'], { kind: 'join' }>['room'] }) {
  const { t } = useTranslation();
  const { room } = props;
  return (
    <div className="audience-join join-screen">
      <h1 className="join-title">{t('audience.screen.joinTitle', { board: room.boardName })}</h1>
      <div className="join-body">
        <Suspense fallback={<div className="qr-code" style={{ aspectRatio: '1' }} />}>
          <QrCode value={room.joinUrl} label={t('audience.screen.qrLabel', { url: room.joinUrl })} size={420} />
        </Suspense>
        <div className="join-facts">
          <p className="join-lead">{t('audience.screen.joinLead')}</p>
          <dl>
            <dt>{t('audience.screen.joinAddress')}</dt>
            <dd className="join-url">{room.joinUrl}</dd>
            <dt>{t('audience.screen.joinCode')}</dt>
            <dd className="join-code">{room.code}</dd>
          </dl>
          <p className="join-count" role="status">
            {room.connected > 0 ? t('audience.screen.connected', { count: room.connected }) : t('audience.screen.nobodyYet')}
          </p>
        </div>
      </div>
    </div>
  );
}

/**
 * What the audience sees for a state (null: the laptop has not answered yet). The audience window
 * shows it full screen; the laptop's preview shows the same, scaled down. Nothing here edits.
 */
export function AudienceView(props: { state: AudienceState | null }) {
  const { t } = useTranslation();
  const { state } = props;
  const presentation = state?.presentation ?? null;
  const blank = state?.blank ?? false;
  let content;
  switch (presentation?.kind) {
    case undefined:
      content = <IdleScreen waiting />;
      break;
    case 'board':
      content = (
        <AudienceBoard
          key={`${presentation.workspaceId}/${presentation.boardId}`}
          workspaceId={presentation.workspaceId}
          boardId={presentation.boardId}
          board={presentation.board}
          focus={presentation.focus}
          hidden={presentation.hidden}
        />
      );
      break;
    case 'join':
      content = <JoinView room={presentation.room} />;
      break;
    case 'meeting':
      content = <AudienceMeeting key={`${presentation.workspaceId}/${presentation.meetingId}`} workspaceId={presentation.workspaceId} meetingId={presentation.meetingId} />;
      break;
    case 'idle':
      content = <IdleScreen waiting={false} />;
      break;
  }
  return (
    <div className="audience-view">
      {/* Kept mounted under the pause screen (unpausing is instant) but out of sight and out of the accessibility tree. */}
      <div className="audience-content" hidden={blank} aria-hidden={blank || undefined}>
        <Suspense fallback={null}>{content}</Suspense>
      </div>
      {blank ? (
        <div className="audience-blank" role="status" aria-label={t('audience.screen.pausedLabel')}>
          <span className="visually-hidden">{t('audience.screen.paused')}</span>
        </div>
      ) : null}
    </div>
  );
}
