import { afterEach, describe, expect, it } from 'vitest';
import { AUDIENCE_CHANNEL, type AudienceMessage, isAudiencePath, readAudienceMessage } from '../../shared/audience/presentation';
import { AudienceFollower, openAudienceChannel, Presenter } from '../../renderer/src/features/audience/presentationChannel';

/** Real BroadcastChannels (Node has them): messages are delivered asynchronously, as in a browser. */
const opened: { dispose(): void }[] = [];
afterEach(() => {
  for (const thing of opened.splice(0)) thing.dispose();
});
const nextTurn = () => new Promise((resolve) => setTimeout(resolve, 20));
const until = async (check: () => boolean) => {
  for (let tries = 0; tries < 100 && !check(); tries++) await nextTurn();
  expect(check()).toBe(true);
};

describe('presentation between the laptop and the audience window', () => {
  it('an audience window that opens later gets the current state, then every change', async () => {
    const presenter = new Presenter();
    opened.push(presenter);
    presenter.present({ kind: 'board', board: 'persona', workspaceId: 'w1', boardId: 'b1', focus: null, hidden: false });
    const follower = new AudienceFollower();
    opened.push(follower);
    await until(() => follower.current?.presentation.kind === 'board');
    presenter.setBlank(true);
    await until(() => follower.current?.blank === true);
    expect(follower.current?.presentation).toEqual(presenter.current.presentation);
  });

  it('ignores malformed and stale messages', async () => {
    const presenter = new Presenter();
    opened.push(presenter);
    const follower = new AudienceFollower();
    opened.push(follower);
    await until(() => follower.current !== null);
    const shown = follower.current!;
    // Another page of the origin sending what it likes.
    const hostile = openAudienceChannel(AUDIENCE_CHANNEL);
    const post = (data: unknown) => hostile.send(data as AudienceMessage);
    post({ type: 'state', state: { presentation: { kind: 'board', boardId: 'x' }, blank: true, seq: shown.seq + 5 } });
    post({ type: 'state', state: { presentation: { kind: 'idle' }, blank: true, seq: shown.seq - 1 } });
    post('<script>');
    await nextTurn();
    await nextTurn();
    hostile.close();
    expect(follower.current).toEqual(shown);
    expect(readAudienceMessage({ type: 'state' })).toBeNull();
  });

  it('a laptop window that reloads is followed at once (its states are newer than any before)', async () => {
    const first = new Presenter();
    first.setBlank(true);
    const follower = new AudienceFollower();
    opened.push(follower);
    await until(() => follower.current?.blank === true);
    first.dispose();
    await nextTurn();
    const reloaded = new Presenter();
    opened.push(reloaded);
    reloaded.present({ kind: 'meeting', workspaceId: 'w1', meetingId: 'm1' });
    await until(() => follower.current?.presentation.kind === 'meeting');
    // The reloaded laptop's state replaces the old one whole.
    expect(follower.current?.blank).toBe(false);
  });
});

describe('the join screen and the audience route', () => {
  const join = (joinUrl: string, extra: Record<string, unknown> = {}) => ({
    type: 'state',
    state: { presentation: { kind: 'join', workspaceId: 'w1', boardId: 'b1', room: { joinUrl, code: 'K7Q2', boardName: 'Buyer', connected: 2, ...extra } }, blank: false, seq: 5 },
  });

  it('takes a room’s http(s) join address', () => {
    for (const url of ['http://127.0.0.1:4321/join?t=abc', 'https://laptop.local/join#t=x']) {
      expect({ url, type: readAudienceMessage(join(url))?.type }).toEqual({ url, type: 'state' });
    }
  });

  it.each([
    ['javascript:alert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['file:///etc/passwd'],
    ['http://user:secret@127.0.0.1/join'],
    ['not a url'],
    [`http://127.0.0.1/${'a'.repeat(600)}`],
  ])('refuses a join screen whose address is %s (it would go into the QR code the room scans)', (url) => {
    expect(readAudienceMessage(join(url))).toBeNull();
  });

  it('refuses a join screen with a negative or fractional count, or a code too long to show', () => {
    expect(readAudienceMessage(join('http://127.0.0.1/join', { connected: -1 }))).toBeNull();
    expect(readAudienceMessage(join('http://127.0.0.1/join', { connected: 1.5 }))).toBeNull();
    expect(readAudienceMessage(join('http://127.0.0.1/join', { code: 'x'.repeat(41) }))).toBeNull();
    expect(readAudienceMessage(join('http://127.0.0.1/join', { code: '' }))).toBeNull();
  });

  it('knows the audience route with or without a query, and nothing that merely starts like it', () => {
    expect(isAudiencePath('/audience')).toBe(true);
    expect(isAudiencePath('/audience?preview=1')).toBe(true);
    expect(isAudiencePath('/audiences')).toBe(false);
    expect(isAudiencePath('/w/1/audience')).toBe(false);
    expect(isAudiencePath('/')).toBe(false);
  });
});
