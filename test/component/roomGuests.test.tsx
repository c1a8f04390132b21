import { act, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { newSticky } from '../../shared/board/doc';
import type { Member } from '../../shared/records/member';
import { guestAuthorId, writeGuest } from '../../shared/rooms/identity';
import { stickyLabel, votersText } from '../../renderer/src/features/board/labels';
import { writerOrder } from '../../renderer/src/features/board/writer';
import { WithGuests } from '../../renderer/src/features/rooms/BoardRoom';
import { initI18n } from '../../renderer/src/i18n';

/**
 * Guests who joined through a room are named on the laptop's board like members: the room writes
 * their name into the board's guest list, and the board's labels read it from there.
 */

const EMMA: Member = { workspaceId: 'w', id: 'm-emma', name: 'Emma Clark', department: 'marketing', title: '', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' };

describe('room guests on the laptop’s board', () => {
  it('names a guest’s note and dots like a member’s, as soon as the guest joins, and never offers a guest as a writer', () => {
    const doc = new Y.Doc();
    const i18n = initI18n('en');
    const seen: (readonly Member[])[] = [];
    render(
      <I18nextProvider i18n={i18n}>
        <WithGuests doc={doc} workspaceId="w" members={[EMMA]}>
          {(people) => {
            seen.push(people);
            const members = new Map(people.map((person) => [person.id, person]));
            const context = { t: i18n.t, language: 'en', members };
            const guest = guestAuthorId('p1');
            const note = newSticky({ x: 0, y: 0, department: 'sales', authorId: guest, text: '導入の手間' });
            return (
              <>
                <p>{stickyLabel(note, context, { myDot: false, voting: false })}</p>
                <p>{votersText([guest, 'm-emma'], context)}</p>
                <p>Writers: {writerOrder(people, 'en').map((person) => person.name).join(', ')}</p>
              </>
            );
          }}
        </WithGuests>
      </I18nextProvider>,
    );
    expect(screen.getByText('Sticky note by a former member (Sales): 導入の手間')).toBeInTheDocument();

    act(() => writeGuest(doc, guestAuthorId('p1'), { name: '佐藤 花子', department: 'sales' }, 'room'));
    expect(screen.getByText('Sticky note by 佐藤 花子 (Sales): 導入の手間')).toBeInTheDocument();
    expect(screen.getByText('Emma Clark, 佐藤 花子')).toBeInTheDocument();
    expect(screen.getByText('Writers: Emma Clark')).toBeInTheDocument();
    expect(seen.at(-1)!.map((person) => person.name)).toEqual(['Emma Clark', '佐藤 花子']);
  });
});
