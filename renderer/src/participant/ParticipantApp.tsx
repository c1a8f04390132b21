import { useEffect, useEffectEvent, useId, useMemo, useReducer, useRef, useState, useSyncExternalStore, type FormEvent, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { PERSONA_TEXT_FIELDS, type PersonaNodeData, type PersonaZone, type StickyNodeData } from '@shared/board/nodes';
import { notesByZone } from '@shared/rooms/placement';
import { JoinResponse, ROOM_PATHS, RoomSummary, type JoinRequest } from '@shared/rooms/protocol';
import { DEPARTMENTS, type Department } from '@shared/records/member';
import { composing } from '../ui/shortcuts/keys';
import { ariaKeys } from '../ui/shortcuts/labels';
import { useShortcuts } from '../ui/shortcuts/useShortcuts';
import { DRAFT_TEXT_MAX, formKey, newNoteZone, NoteDrafts, type OpenForm } from './drafts';
import { ParticipantSession, type Connection } from './session';
import { memberLabel } from '../ui/memberLabel';

/**
 * The participant page: join (pick your name from the workspace's members, or as a guest), then
 * the board as a phone shows it best — the persona card, and the notes zone by zone, with "add a
 * note", edit and delete of one's own notes, undo/redo of one's own changes, and dot voting.
 */

const Stored = z.object({
  joined: JoinResponse,
  summary: RoomSummary,
  removed: z.boolean().default(false),
  /** The phone's copy of the board (IndexedDB): carried into the board's next room when it joins again. */
  database: z.string().max(200).optional(),
});
type Stored = z.infer<typeof Stored>;

/**
 * Kept under the participant's own token, which the page puts in its address once joined: a reload
 * (or a phone reopening the tab) finds it there, even after the facilitator replaced the join link.
 */
const storageKey = (token: string) => `alignboard-room:${token}`;

/** The latest join of this phone to a room of this board (`boardKey`), by its token. */
const boardKey = (key: string) => `alignboard-room-board:${key}`;

function rememberJoin(value: Stored): void {
  store(value.joined.token, value);
  try {
    localStorage.setItem(boardKey(value.summary.boardKey), value.joined.token);
  } catch {
    // Without storage the phone cannot carry unsent notes into a reopened room; nothing else breaks.
  }
}

/**
 * The phone was in an earlier room of this board (the facilitator closed it and opened a new one):
 * join again as the same participant, so what the phone still holds unsent goes into the new room
 * as theirs (and the notes they were writing there: `earlierRoomId`). Null when there is no such
 * earlier room or the room does not take it.
 */
async function joinAgain(joinToken: string, summary: RoomSummary): Promise<{ stored: Stored; earlierRoomId: string } | null> {
  let earlier: Stored | null = null;
  try {
    const token = localStorage.getItem(boardKey(summary.boardKey));
    earlier = token ? readStored(token) : null;
  } catch {
    earlier = null;
  }
  if (!earlier || earlier.removed || earlier.summary.roomId === summary.roomId) return null;
  const request: JoinRequest = { as: 'again', token: earlier.joined.token };
  const response = await fetch(`${ROOM_PATHS.enter}?t=${encodeURIComponent(joinToken)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
  if (!response.ok) return null;
  const joined = JoinResponse.parse(await response.json());
  return { stored: { joined, summary, removed: false, database: earlier.database ?? databaseName(earlier.joined) }, earlierRoomId: earlier.joined.roomId };
}

const databaseName = (joined: JoinResponse) => `alignboard-room-${joined.token}`;

/** What a refused summary or join says (see PROBLEM_HTTP in server/rooms/roomHost.ts). */
async function refusal(response: Response): Promise<Connection> {
  if (response.status === 410) return 'closed';
  const body = (await response.json().catch(() => null)) as { error?: unknown } | null;
  if (body?.error === 'removed') return 'removed';
  if (body?.error === 'link-replaced') return 'replaced';
  return 'invalid';
}

function readStored(joinToken: string): Stored | null {
  try {
    const raw = localStorage.getItem(storageKey(joinToken));
    const parsed = raw ? Stored.safeParse(JSON.parse(raw)) : null;
    return parsed?.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function store(joinToken: string, value: Stored | null): void {
  try {
    if (value) localStorage.setItem(storageKey(joinToken), JSON.stringify(value));
    else localStorage.removeItem(storageKey(joinToken));
  } catch {
    // Private browsing without storage: the page still works until it is reloaded.
  }
}

type Phase =
  | { kind: 'loading' }
  | { kind: 'problem'; connection: Connection }
  | { kind: 'join'; summary: RoomSummary }
  | { kind: 'board'; summary: RoomSummary; joined: JoinResponse; database?: string | undefined; earlierRoomId?: string };

export function ParticipantApp() {
  const { t } = useTranslation();
  const joinToken = useMemo(() => new URLSearchParams(window.location.search).get('t') ?? '', []);
  const [phase, setPhase] = useState<Phase>(() => (readStored(joinToken)?.removed ? { kind: 'problem', connection: 'removed' } : { kind: 'loading' }));

  useEffect(() => {
    let cancelled = false;
    const stored = readStored(joinToken);
    if (stored?.removed) return;
    void (async () => {
      try {
        const response = await fetch(`${ROOM_PATHS.summary}?t=${encodeURIComponent(joinToken)}`, { cache: 'no-store' });
        if (cancelled) return;
        if (!response.ok) {
          const connection = await refusal(response);
          if (!cancelled) setPhase({ kind: 'problem', connection });
          return;
        }
        const summary = RoomSummary.parse(await response.json());
        if (cancelled) return;
        if (stored) return setPhase({ kind: 'board', summary, joined: stored.joined, database: stored.database });
        const again = await joinAgain(joinToken, summary).catch(() => null);
        if (cancelled) return;
        if (again) {
          rememberJoin(again.stored);
          window.history.replaceState(null, '', `${ROOM_PATHS.join}?t=${encodeURIComponent(again.stored.joined.token)}`);
          return setPhase({ kind: 'board', summary, joined: again.stored.joined, database: again.stored.database, earlierRoomId: again.earlierRoomId });
        }
        setPhase({ kind: 'join', summary });
      } catch {
        // Offline at load (a phone reopening the tab): the board from this phone's copy, if it joined.
        if (!cancelled) setPhase(stored ? { kind: 'board', summary: stored.summary, joined: stored.joined, database: stored.database } : { kind: 'problem', connection: 'offline' });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [joinToken]);

  useEffect(() => {
    document.title = phase.kind === 'board' || phase.kind === 'join' ? `${phase.summary.boardName} · Alignboard` : t('rooms.participant.title');
  }, [phase, t]);

  switch (phase.kind) {
    case 'loading':
      return (
        <main className="participant">
          <p role="status">{t('rooms.participant.loading')}</p>
        </main>
      );
    case 'problem':
      return (
        <main className="participant">
          <h1>{t('rooms.participant.title')}</h1>
          <p className="participant-alert" role="alert">
            {t(`rooms.participant.status.${phase.connection === 'connecting' || phase.connection === 'online' ? 'invalid' : phase.connection}`)}
          </p>
          <KeptDrafts joinToken={joinToken} />
        </main>
      );
    case 'join':
      return (
        <JoinForm
          joinToken={joinToken}
          summary={phase.summary}
          onJoined={(joined) => {
            rememberJoin({ joined, summary: phase.summary, removed: false });
            window.history.replaceState(null, '', `${ROOM_PATHS.join}?t=${encodeURIComponent(joined.token)}`);
            setPhase({ kind: 'board', summary: phase.summary, joined });
          }}
          onProblem={(connection) => setPhase({ kind: 'problem', connection })}
        />
      );
    case 'board':
      return (
        <BoardView
          key={phase.joined.token}
          summary={phase.summary}
          joined={phase.joined}
          database={phase.database ?? databaseName(phase.joined)}
          earlierRoomId={phase.earlierRoomId}
          onFinal={(connection) => {
            if (connection === 'removed') store(phase.joined.token, { joined: phase.joined, summary: phase.summary, removed: true, database: phase.database });
          }}
        />
      );
  }
}

/**
 * The page reloaded after the room stopped taking this participant (closed, removed, link
 * replaced): the board is gone, but what they had typed and not saved is still theirs — shown to
 * copy, as the board's forms showed it before the reload, until they discard it.
 */
function KeptDrafts(props: { joinToken: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [drafts] = useState(() => {
    const stored = readStored(props.joinToken);
    return stored ? NoteDrafts.load(stored.joined.roomId, stored.joined.identity.authorId) : null;
  });
  const [, redraw] = useReducer((count: number) => count + 1, 0);
  const kept = drafts?.entries().filter(([, draft]) => draft.text.trim() !== '') ?? [];
  if (!drafts || kept.length === 0) return null;
  return (
    <section className="participant-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('rooms.participant.keptDrafts')}</h2>
      <p className="muted">{t('rooms.participant.keptDraftsIntro')}</p>
      {kept.map(([key, draft], index) => {
        const zone = newNoteZone(key) ?? draft.zone;
        const zoneName = zone ? t(`persona.zones.${zone}`) : t('rooms.participant.elsewhere');
        return (
          <div key={key} className="field participant-note-form">
            <label htmlFor={`${id}-${index}`}>{t(newNoteZone(key) ? 'rooms.participant.keptNew' : 'rooms.participant.keptEdit', { zone: zoneName })}</label>
            <textarea id={`${id}-${index}`} className="input" rows={3} readOnly value={draft.text} />
            <div className="toolbar">
              <button
                type="button"
                className="button small"
                aria-label={t('rooms.participant.discardDraft', { text: oneLine(draft.text) })}
                onClick={() => {
                  drafts.forget(key);
                  redraw();
                }}
              >
                {t('rooms.participant.discard')}
              </button>
            </div>
          </div>
        );
      })}
    </section>
  );
}

// ---------------------------------------------------------------------------------------------
// Join
// ---------------------------------------------------------------------------------------------

function JoinForm(props: { joinToken: string; summary: RoomSummary; onJoined(joined: JoinResponse): void; onProblem(connection: Connection): void }) {
  const { t, i18n } = useTranslation();
  const [as, setAs] = useState<'member' | 'guest'>(props.summary.members.length > 0 ? 'member' : 'guest');
  const [memberId, setMemberId] = useState('');
  const [name, setName] = useState('');
  const [department, setDepartment] = useState<Department>('sales');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ids = { member: useId(), name: useId(), department: useId(), error: useId(), as: useId() };
  const members = useMemo(() => {
    const collator = new Intl.Collator(i18n.language);
    return [...props.summary.members].sort((a, b) => collator.compare(a.name, b.name));
  }, [props.summary.members, i18n.language]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const request: JoinRequest | null =
      as === 'member' ? (memberId ? { as: 'member', memberId } : null) : name.trim() ? { as: 'guest', name: name.trim(), department } : null;
    if (!request) {
      setError(t(as === 'member' ? 'rooms.participant.memberMissing' : 'rooms.participant.guestNameMissing'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const response = await fetch(`${ROOM_PATHS.enter}?t=${encodeURIComponent(props.joinToken)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(request),
      });
      if (response.status === 410 || response.status === 403) return props.onProblem(await refusal(response));
      if (response.status === 409) return setError(t('rooms.participant.status.full'));
      // In the page's language: the room server's own reasons are English words for its log.
      if (response.status === 429) return setError(t('rooms.participant.joinBusy'));
      if (!response.ok) return setError(t('rooms.participant.joinRefused'));
      props.onJoined(JoinResponse.parse(await response.json()));
    } catch {
      // The browser's own words ('Failed to fetch') say nothing to a participant, in any language.
      setError(t('rooms.participant.joinUnreachable'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="participant">
      <header className="participant-header">
        <h1>{props.summary.boardName}</h1>
        <p className="muted">{t('rooms.participant.roomCode', { code: props.summary.code })}</p>
      </header>
      <form className="participant-card" onSubmit={submit} noValidate aria-describedby={error ? ids.error : undefined}>
        <h2>{t('rooms.participant.joinTitle')}</h2>
        <p className="muted">{t('rooms.participant.joinIntro', { board: props.summary.boardName })}</p>
        <fieldset className="participant-choice">
          <legend className="visually-hidden">{t('rooms.participant.joinTitle')}</legend>
          {members.length > 0 ? (
            <div className="radio">
              <input id={`${ids.as}-member`} type="radio" name={ids.as} checked={as === 'member'} onChange={() => setAs('member')} />
              <label htmlFor={`${ids.as}-member`}>{t('rooms.participant.asMember')}</label>
            </div>
          ) : null}
          <div className="radio">
            <input id={`${ids.as}-guest`} type="radio" name={ids.as} checked={as === 'guest'} onChange={() => setAs('guest')} />
            <label htmlFor={`${ids.as}-guest`}>{t('rooms.participant.asGuest')}</label>
          </div>
        </fieldset>
        {as === 'member' ? (
          <div className="field">
            <label htmlFor={ids.member}>{t('rooms.participant.member')}</label>
            <select id={ids.member} className="input" value={memberId} aria-describedby={error ? ids.error : undefined} onChange={(event) => setMemberId(event.target.value)}>
              <option value="">{t('rooms.participant.memberPlaceholder')}</option>
              {members.map((member) => (
                <option key={member.id} value={member.id}>
                  {memberLabel(t, member)}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <>
            <div className="field">
              <label htmlFor={ids.name}>{t('rooms.participant.guestName')}</label>
              <input id={ids.name} className="input" value={name} maxLength={80} autoComplete="name" aria-describedby={error ? ids.error : undefined} onChange={(event) => setName(event.target.value)} />
            </div>
            <div className="field">
              <label htmlFor={ids.department}>{t('rooms.participant.guestDepartment')}</label>
              <select id={ids.department} className="input" value={department} onChange={(event) => setDepartment(event.target.value as Department)}>
                {DEPARTMENTS.map((value) => (
                  <option key={value} value={value}>
                    {t(`department.${value}`)}
                  </option>
                ))}
              </select>
            </div>
          </>
        )}
        {error ? (
          <p id={ids.error} className="field-error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" className="button primary participant-wide" disabled={busy}>
          {busy ? t('rooms.participant.joining') : t('rooms.participant.join')}
        </button>
      </form>
      <ThemePicker />
    </main>
  );
}

// ---------------------------------------------------------------------------------------------
// Theme
// ---------------------------------------------------------------------------------------------

const THEMES = ['light', 'dark', 'projector'] as const;
type Theme = (typeof THEMES)[number];
const THEME_KEY = 'alignboard-room-theme';

export function initialTheme(): Theme {
  try {
    const saved = localStorage.getItem(THEME_KEY);
    if (saved && (THEMES as readonly string[]).includes(saved)) return saved as Theme;
  } catch {
    // no storage
  }
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

function ThemePicker() {
  const { t } = useTranslation();
  const id = useId();
  const [theme, setTheme] = useState<Theme>(() => (document.documentElement.dataset.theme as Theme | undefined) ?? initialTheme());
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    try {
      localStorage.setItem(THEME_KEY, theme);
    } catch {
      // no storage
    }
  }, [theme]);
  return (
    <div className="field participant-theme">
      <label htmlFor={id}>{t('rooms.participant.theme')}</label>
      <select id={id} className="input" value={theme} onChange={(event) => setTheme(event.target.value as Theme)}>
        {THEMES.map((value) => (
          <option key={value} value={value}>
            {t(`rooms.participant.themes.${value}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// The board
// ---------------------------------------------------------------------------------------------

function useAnnouncer(): [string, (message: string) => void] {
  const [message, setMessage] = useState('');
  // The same message twice in a row still has to be read out.
  return [message, (next) => setMessage((previous) => (previous === next ? `${next}\u00a0` : next))];
}

function BoardView(props: { summary: RoomSummary; joined: JoinResponse; database: string; earlierRoomId?: string | undefined; onFinal(connection: Connection): void }) {
  const { t } = useTranslation();
  const session = useMemo(() => new ParticipantSession(props.joined, window.location.origin, props.database), [props.joined, props.database]);
  useEffect(() => session.start(), [session]);
  const state = useSyncExternalStore(session.state.subscribe, session.state.get);
  const [announcement, announce] = useAnnouncer();
  /**
   * What is typed in each note form (by note id, or `new:<zone>` for a new note), and which form is
   * open: opening another form, the edited note being deleted from the board meanwhile, or a reload
   * of the page (kept in localStorage for this room and participant: drafts.ts) does not lose it;
   * joined again into the board's next room, the earlier room's drafts come along.
   */
  const [drafts] = useState(() => NoteDrafts.load(props.joined.roomId, props.joined.identity.authorId, props.earlierRoomId));
  const [editing, setEditing] = useState<OpenForm | null>(() => drafts.open);
  const [, redraw] = useReducer((count: number) => count + 1, 0);
  const openForm = (form: OpenForm) => {
    drafts.setOpen(form);
    setEditing(form);
  };
  /**
   * Where the keyboard goes once a form closes (its Save or Cancel button goes with it): the first
   * of these buttons that is there — the note's Edit, the zone's "Add a note" — rather than the
   * page's body, from where Tab (or a screen reader's swipe) starts over at the top of the page.
   */
  const focusAfterClose = useRef<readonly string[]>([]);
  useEffect(() => {
    const wanted = focusAfterClose.current;
    if (wanted.length === 0) return;
    focusAfterClose.current = [];
    const button = wanted
      .map((key) => document.querySelector<HTMLButtonElement>(`[data-focus-return="${CSS.escape(key)}"]`))
      .find((candidate) => candidate && !candidate.disabled);
    button?.focus();
  });
  /** Saved or cancelled: the draft is forgotten (here and in storage). */
  const closeForm = (key: string, focusNext: readonly string[] = []) => {
    drafts.forget(key);
    focusAfterClose.current = focusNext;
    setEditing(drafts.open);
    redraw();
  };
  const onFinal = useEffectEvent((connection: Connection) => props.onFinal(connection));

  useEffect(() => {
    if (!['connecting', 'online', 'offline', 'full'].includes(state.connection)) onFinal(state.connection);
  }, [state.connection]);

  const writable = session.canWrite();
  const identity = props.joined.identity;
  const members = useMemo(() => new Map(props.summary.members.map((member) => [member.id, member])), [props.summary.members]);

  const authorLine = (note: StickyNodeData) => {
    const department = t(`board.department.${note.department}`);
    if (note.authorId === identity.authorId) return t('rooms.participant.author', { name: t('rooms.participant.byYou'), department });
    const name = note.authorId ? (members.get(note.authorId)?.name ?? state.guests.get(note.authorId)?.name) : undefined;
    return name ? t('rooms.participant.author', { name, department }) : department;
  };

  /** Why a note was not saved: the typed text stays in its form. */
  const notSaved = () => t(session.state.get().locked ? 'rooms.participant.notSavedLocked' : 'rooms.participant.notSavedClosed');
  /** Why a note was not added (null: it was). */
  const notAdded = (result: ReturnType<ParticipantSession['addNote']>): string | null => {
    if (result === 'empty') return t('rooms.participant.emptyNote');
    if (result === 'limit') return t('rooms.participant.tooManyNotes', { count: props.joined.maxNotes });
    if (result === 'no-zone') return t('rooms.participant.notSavedNoZone');
    if (result === 'read-only') return notSaved();
    return null;
  };

  const history = (which: 'undo' | 'redo') => {
    const result = which === 'undo' ? session.undo() : session.redo();
    if (result === 'done') announce(t(which === 'undo' ? 'rooms.participant.undone' : 'rooms.participant.redone'));
    else if (result === 'superseded') announce(t('rooms.participant.superseded'));
    else if (result === 'empty') announce(t('rooms.participant.nothingToUndo'));
  };
  useShortcuts('participant', { 'participant.undo': () => history('undo'), 'participant.redo': () => history('redo') });

  const persona = [...state.nodes.values()].find((node): node is PersonaNodeData => node.type === 'persona');
  const zones = session.zones();
  const groups = notesByZone(state.nodes, zones);
  const orphans = orphanDrafts(drafts, editing, new Set(zones), (id) => state.nodes.get(id)?.type === 'sticky');
  // A draft whose zone went is shown where the board's notes outside every zone are.
  if (orphans.some((orphan) => orphan.place === null) && !groups.some((group) => group.zone === null)) groups.push({ zone: null, notes: [] });
  const vote = state.vote;
  const myDots = session.myDots();
  const dotsLeft = vote.dotsPerPerson - [...myDots].filter((id) => state.nodes.get(id)?.type === 'sticky').length;
  const final = !['connecting', 'online', 'offline', 'full'].includes(state.connection);

  const statusText = final
    ? // Notes written offline stay on the phone: they go into the board's next room when it joins again.
      state.connection === 'closed' && state.unsent
      ? t('rooms.participant.status.closedUnsent')
      : t(`rooms.participant.status.${state.connection as 'closed' | 'removed' | 'replaced' | 'refused' | 'invalid'}`)
    : state.connection === 'offline'
      ? t('rooms.participant.status.offline')
      : state.connection === 'full'
        ? t('rooms.participant.status.full')
        : state.connection === 'connecting'
          ? t('rooms.participant.status.connecting')
          : t('rooms.participant.status.online');

  return (
    <main className="participant">
      <header className="participant-header">
        <h1>{props.summary.boardName}</h1>
        <p className="muted">
          {t('rooms.participant.roomCode', { code: props.summary.code })} ·{' '}
          {t('rooms.participant.you', { name: identity.name, department: t(`department.${identity.department}`) })}
        </p>
      </header>

      <div className="participant-status" role="status">
        <p className={`participant-connection is-${state.connection}`}>{statusText}</p>
        {state.locked && !final ? <p className="participant-locked">{t('rooms.participant.status.locked')}</p> : null}
        {state.unsent && state.connection === 'online' && !state.locked ? <p className="muted">{t('rooms.participant.status.unsent')}</p> : null}
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>

      {state.ready ? (
        <>
          <div className="toolbar participant-history" role="toolbar" aria-label={t('rooms.participant.history')}>
            <button type="button" className="button" onClick={() => history('undo')} disabled={!writable || !state.history.canUndo} aria-keyshortcuts={ariaKeys('participant.undo')}>
              {t('rooms.participant.undo')}
            </button>
            <button type="button" className="button" onClick={() => history('redo')} disabled={!writable || !state.history.canRedo} aria-keyshortcuts={ariaKeys('participant.redo')}>
              {t('rooms.participant.redo')}
            </button>
          </div>

          {vote.active ? (
            <p className="participant-vote" role="note">
              {t(vote.anonymous ? 'rooms.participant.vote.statusAnonymous' : 'rooms.participant.vote.status', { count: vote.dotsPerPerson, left: Math.max(0, dotsLeft) })}
            </p>
          ) : null}

          {persona ? <PersonaCard persona={persona} /> : null}

          <section aria-labelledby="participant-zones">
            <h2 id="participant-zones">{t('rooms.participant.zonesHeading')}</h2>
            {groups.map((group) => {
              const zoneName = group.zone ? t(`persona.zones.${group.zone}`) : t('rooms.participant.elsewhere');
              const headingId = `zone-${group.zone ?? 'elsewhere'}`;
              return (
                <section key={group.zone ?? 'elsewhere'} className="participant-zone" aria-labelledby={headingId}>
                  <h3 id={headingId}>
                    {zoneName} <span className="count">({group.notes.length})</span>
                  </h3>
                  {group.notes.length === 0 ? <p className="muted">{t('rooms.participant.noNotes')}</p> : null}
                  <ul className="participant-notes">
                    {group.notes.map(({ id, note }) =>
                      editing?.id === id ? (
                        <li key={id}>
                          <NoteForm
                            initial={drafts.text(id) ?? note.text}
                            onDraft={(text) => drafts.type(id, group.zone, text)}
                            onCancel={() => closeForm(id, [`edit:${id}`, `add:${group.zone}`])}
                            onSave={(text) => {
                              if (!session.setText(id, text)) return notSaved();
                              announce(t('rooms.participant.saved'));
                              closeForm(id, [`edit:${id}`, `add:${group.zone}`]);
                              return null;
                            }}
                          />
                        </li>
                      ) : (
                        <NoteItem
                          key={id}
                          id={id}
                          note={note}
                          author={authorLine(note)}
                          mine={session.isMine(id)}
                          writable={writable}
                          voting={vote.active}
                          myDot={myDots.has(id)}
                          onEdit={() => openForm({ id, zone: group.zone })}
                          onDelete={() => {
                            if (!session.deleteNote(id)) return;
                            // The note goes, and its Delete button with it.
                            focusAfterClose.current = [`add:${group.zone}`];
                            announce(t('rooms.participant.deleted'));
                            redraw();
                          }}
                          onDot={() => {
                            void session.toggleDot(id).then((result) => {
                              if (result === 'limit') announce(t('rooms.participant.vote.limit', { count: vote.dotsPerPerson }));
                              else if (result === 'closed' || result === 'not-a-note') announce(t('rooms.participant.vote.closed'));
                              else if (result === 'offline') announce(t('rooms.participant.vote.offline'));
                            });
                          }}
                        />
                      ),
                    )}
                  </ul>
                  {orphans
                    .filter((orphan) => orphan.place === group.zone)
                    .map((orphan) => (
                      // A draft whose note was deleted from the board (by the facilitator), or whose
                      // zone went: what was typed stays, and Save adds it as a new note of this zone
                      // when there is one; Cancel forgets it.
                      <NoteForm
                        key={`orphan:${orphan.key}`}
                        autoFocus={orphan.open}
                        initial={drafts.text(orphan.key) ?? ''}
                        notice={
                          orphan.zoneGone
                            ? t('rooms.participant.draftZoneGone', { zone: t(`persona.zones.${orphan.zoneGone}`) })
                            : t(group.zone ? 'rooms.participant.editedNoteGone' : 'rooms.participant.editedNoteGoneElsewhere')
                        }
                        onDraft={(text) => drafts.type(orphan.key, orphan.zone, text)}
                        onCancel={() => closeForm(orphan.key, [`add:${group.zone}`])}
                        onSave={(text) => {
                          if (orphan.zoneGone) return t('rooms.participant.notSavedNoZone');
                          if (!group.zone) return t('rooms.participant.editedNoteGoneElsewhere');
                          const problem = notAdded(session.addNote(group.zone, text));
                          if (problem) return problem;
                          announce(t('rooms.participant.added', { zone: zoneName }));
                          closeForm(orphan.key, [`add:${group.zone}`]);
                          return null;
                        }}
                      />
                    ))}
                  {group.zone ? (
                    editing?.id === null && editing.zone === group.zone ? (
                      <NoteForm
                        key={`new:${group.zone}`}
                        initial={drafts.text(`new:${group.zone}`) ?? ''}
                        onDraft={(text) => drafts.type(`new:${group.zone}`, group.zone, text)}
                        onCancel={() => closeForm(`new:${group.zone}`, [`add:${group.zone}`])}
                        onSave={(text) => {
                          // Not added (locked, closed, at the limit, the zone gone): the form stays
                          // open with the text and says why, instead of closing and losing it.
                          const problem = notAdded(session.addNote(group.zone!, text));
                          if (problem) return problem;
                          announce(t('rooms.participant.added', { zone: zoneName }));
                          closeForm(`new:${group.zone}`, [`add:${group.zone}`]);
                          return null;
                        }}
                      />
                    ) : (
                      <button type="button" className="button participant-wide" data-focus-return={`add:${group.zone}`} disabled={!writable} onClick={() => openForm({ id: null, zone: group.zone! })}>
                        {t('rooms.participant.addNote', { zone: zoneName })}
                      </button>
                    )
                  ) : null}
                </section>
              );
            })}
          </section>
        </>
      ) : null}
      <ThemePicker />
    </main>
  );
}

type OrphanDraft = {
  key: string;
  /** The zone the form was opened in. */
  zone: PersonaZone | null;
  /** The group it shows in: that zone if the board still has it, else with the notes outside every zone. */
  place: PersonaZone | null;
  /** A new note's zone that is no longer on the board (null: an edited note that was deleted). */
  zoneGone: PersonaZone | null;
  open: boolean;
};

/**
 * The drafts that have no place of their own any more — an edited note deleted from the board, a
 * new note's zone removed — and would otherwise be out of sight (after a reload too): each is shown
 * as a form with its text, never dropped without a word.
 */
function orphanDrafts(drafts: NoteDrafts, open: OpenForm | null, zones: ReadonlySet<PersonaZone>, isNote: (id: string) => boolean): OrphanDraft[] {
  const openKey = open ? formKey(open) : null;
  const candidates = new Map(drafts.entries().map(([key, draft]) => [key, draft.zone]));
  if (open && openKey) candidates.set(openKey, open.zone);
  const orphans: OrphanDraft[] = [];
  for (const [key, zone] of candidates) {
    const newZone = newNoteZone(key);
    if (newZone ? zones.has(newZone) : isNote(key)) continue;
    orphans.push({ key, zone, place: !newZone && zone && zones.has(zone) ? zone : null, zoneGone: newZone, open: key === openKey });
  }
  return orphans;
}

function PersonaCard(props: { persona: PersonaNodeData }) {
  const { t } = useTranslation();
  const fields = PERSONA_TEXT_FIELDS.filter((field) => field !== 'name' && props.persona[field].trim() !== '');
  return (
    <section className="participant-card participant-persona" aria-labelledby="participant-persona">
      <h2 id="participant-persona">
        <span className="muted participant-kicker">{t('rooms.participant.persona')}</span> {props.persona.name || t('rooms.participant.personaUnnamed')}
      </h2>
      {fields.length > 0 ? (
        <dl>
          {fields.map((field) => (
            <div key={field} className="participant-field">
              <dt>{t(`persona.fields.${field}`)}</dt>
              <dd>{props.persona[field]}</dd>
            </div>
          ))}
        </dl>
      ) : null}
    </section>
  );
}

function oneLine(text: string, max = 40): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max)}…` : line;
}

function NoteItem(props: {
  id: string;
  note: StickyNodeData;
  author: string;
  mine: boolean;
  writable: boolean;
  voting: boolean;
  myDot: boolean;
  onEdit(): void;
  onDelete(): void;
  onDot(): void;
}) {
  const { t } = useTranslation();
  const { note } = props;
  const short = oneLine(note.text);
  return (
    <li className={`participant-note dept-note-${note.department}${props.myDot ? ' has-my-dot' : ''}`}>
      <p className="participant-note-text">{note.text}</p>
      <p className="participant-note-meta">
        <span>{props.author}</span>
        {note.votes > 0 ? <span>{` · ${t('rooms.participant.votes', { count: note.votes })}`}</span> : null}
      </p>
      <div className="participant-note-actions">
        {props.voting ? (
          <button type="button" className="button small" aria-pressed={props.myDot} disabled={!props.writable} onClick={props.onDot} aria-label={t(props.myDot ? 'rooms.participant.vote.remove' : 'rooms.participant.vote.place', { text: short })}>
            {props.myDot ? `● ${t('rooms.participant.vote.yourDot')}` : '○'}
          </button>
        ) : null}
        {props.mine ? (
          <>
            <button type="button" className="button small" data-focus-return={`edit:${props.id}`} disabled={!props.writable} onClick={props.onEdit} aria-label={t('rooms.participant.editNote', { text: short })}>
              {t('rooms.participant.edit')}
            </button>
            <button type="button" className="button small danger" disabled={!props.writable} onClick={props.onDelete} aria-label={t('rooms.participant.deleteNote', { text: short })}>
              {t('rooms.participant.delete')}
            </button>
          </>
        ) : null}
      </div>
    </li>
  );
}

/**
 * `onSave` answers why the note was not saved (the form then stays open with the text and says so),
 * or nothing when it was.
 */
export function NoteForm(props: { initial: string; notice?: string; autoFocus?: boolean; onSave(text: string): string | null | void; onCancel(): void; onDraft?(text: string): void }) {
  const { t } = useTranslation();
  const id = useId();
  const errorId = useId();
  const noticeId = useId();
  const [text, setText] = useState(props.initial);
  const [error, setError] = useState<string | null>(null);
  const save = () => setError(props.onSave(text) ?? null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save();
  };
  const onKeyDown = (event: ReactKeyboardEvent) => {
    // Escape and Enter while an IME composes are the IME's (cancel or confirm a conversion), not
    // "throw the note away".
    if (composing(event.nativeEvent)) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      props.onCancel();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      save();
    }
  };
  return (
    <form className="participant-note-form" onSubmit={submit}>
      <label htmlFor={id}>{t('rooms.participant.noteText')}</label>
      <textarea
        id={id}
        className="input"
        rows={3}
        maxLength={DRAFT_TEXT_MAX}
        value={text}
        autoFocus={props.autoFocus ?? true}
        aria-describedby={error ? errorId : props.notice ? noticeId : undefined}
        aria-invalid={error ? true : undefined}
        onKeyDown={onKeyDown}
        onChange={(event) => {
          setText(event.target.value);
          props.onDraft?.(event.target.value);
        }}
      />
      {props.notice && !error ? (
        <p id={noticeId} className="field-error" role="alert">
          {props.notice}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="toolbar">
        <button type="submit" className="button primary" disabled={!text.trim()}>
          {t('rooms.participant.save')}
        </button>
        <button type="button" className="button" onClick={props.onCancel}>
          {t('rooms.participant.cancel')}
        </button>
      </div>
    </form>
  );
}
