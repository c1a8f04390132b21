// The participant page's join form (renderer/src/participant/ParticipantApp.tsx JoinForm): what a
// join the room answers with "too many requests" (429) or a refusal (400) says, in ja and en.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { en } from '../../shared/locales/en';
import { ja } from '../../shared/locales/ja';
import { ROOM_PATHS, type RoomSummary } from '../../shared/rooms/protocol';
import { initParticipantI18n } from '../../renderer/src/participant/i18n';
import { ParticipantApp } from '../../renderer/src/participant/ParticipantApp';

const JOIN_TOKEN = 'AAAAAAAAAAAAAAAAAAAAAA';
const SUMMARY: RoomSummary = { roomId: 'room-1', boardKey: 'board-key-1', boardName: 'Buyer persona', code: '482913', members: [], locked: false };

/**
 * The room server's answers as server/rooms/roomHost.ts writes them: its rate limit answers any
 * request with an HTML page (429), a join it does not take with JSON whose words are English, for
 * its log. The page must say neither of those to the participant.
 */
const TOO_MANY = () =>
  new Response('<!doctype html><html lang="en"><head><title>Alignboard room</title></head><body><main><h1>Alignboard room</h1><p>Too many requests. Wait a moment and try again.</p></main></body></html>', {
    status: 429,
    statusText: 'Too Many Requests',
    headers: { 'content-type': 'text/html; charset=utf-8' },
  });
const REFUSED = () =>
  new Response(JSON.stringify({ error: 'bad-request', message: 'the join request is not valid' }), {
    status: 400,
    statusText: 'Bad Request',
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });

/** The room as the page reaches it: the summary, then `join` for every press of Join. */
function room(join: () => Response) {
  const requests: string[] = [];
  vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), window.location.href);
    requests.push(`${init?.method ?? 'GET'} ${url.pathname}`);
    if (url.pathname === ROOM_PATHS.summary) return Promise.resolve(Response.json(SUMMARY));
    if (url.pathname === ROOM_PATHS.enter) return Promise.resolve(join());
    return Promise.resolve(new Response('There is nothing at this address.', { status: 404 }));
  });
  return requests;
}

beforeEach(() => window.history.replaceState(null, '', `${ROOM_PATHS.join}?t=${JOIN_TOKEN}`));
afterEach(() => vi.unstubAllGlobals());

async function joinAsGuest(language: 'ja' | 'en') {
  const user = userEvent.setup();
  const words = (language === 'ja' ? ja : en).rooms.participant;
  render(
    <I18nextProvider i18n={initParticipantI18n(language)}>
      <ParticipantApp />
    </I18nextProvider>,
  );
  await user.type(await screen.findByLabelText(words.guestName), language === 'ja' ? '佐藤 花子' : 'Sam Guest');
  await user.click(screen.getByRole('button', { name: words.join }));
  return { user, words };
}

describe('the join page when the room does not take the join', () => {
  for (const language of ['ja', 'en'] as const) {
    it(`says in ${language} that the room is busy (429), not the server’s words, and Join tries again`, async () => {
      const requests = room(TOO_MANY);
      const { user, words } = await joinAsGuest(language);
      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent(words.joinBusy);
      expect(alert).not.toHaveTextContent(/Too Many Requests|Too many requests/);
      expect(screen.getByLabelText(words.guestName)).toHaveAccessibleDescription(words.joinBusy);
      // Still the join form, Join pressable again (by keyboard), and it asks the room again.
      const join = screen.getByRole('button', { name: words.join });
      expect(join).toBeEnabled();
      join.focus();
      await user.keyboard('{Enter}');
      await vi.waitFor(() => expect(requests.filter((request) => request === `POST ${ROOM_PATHS.enter}`)).toHaveLength(2));
      expect(await screen.findByRole('alert')).toHaveTextContent(words.joinBusy);
    });

    it(`says in ${language} that the room refused the join (400), not the server’s English reason`, async () => {
      room(REFUSED);
      const { words } = await joinAsGuest(language);
      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent(words.joinRefused);
      expect(alert).not.toHaveTextContent(/join request is not valid|bad-request/);
      expect(screen.getByRole('button', { name: words.join })).toBeEnabled();
    });
  }
});
