import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { MoreMenu } from '../../renderer/src/features/board/MoreMenu';
import { Toolbar } from '../../renderer/src/features/board/Toolbar';
import { ToolButton } from '../../renderer/src/features/board/ToolButton';
import { WriterPicker } from '../../renderer/src/features/board/WriterPicker';
import type { Writer } from '../../renderer/src/features/board/writer';
import { initI18n } from '../../renderer/src/i18n';
import { keyTargetOf } from '../../renderer/src/ui/shortcuts/keys';
import { Member } from '../../shared/records/member';

afterEach(() => {
  document.body.innerHTML = '';
});

/** A toolbar as the compact board has it: two tools in the row, four in its "More" menu. */
function Tools(props: { ran: string[] }) {
  const [snap, setSnap] = useState(false);
  const run = (name: string) => () => void props.ran.push(name);
  return (
    <I18nextProvider i18n={initI18n('en')}>
      <Toolbar label="Board tools">
        <ToolButton label="Undo" icon="undo" shortcut="board.undo" onClick={run('undo')} />
        <ToolButton label="New note" icon="note" shortcut="board.newSticky" text onClick={run('new note')} />
        <MoreMenu label="More tools" buttonLabel="More">
          <div className="tool-group">
            <ToolButton label="Copy" icon="copy" shortcut="board.clipboard" keyIndex={0} disabled onClick={run('copy')} />
            <ToolButton label="Duplicate" icon="duplicate" shortcut="board.duplicate" onClick={run('duplicate')} />
          </div>
          <ToolButton label="Snap to grid" icon="grid" shortcut="board.snap" pressed={snap} onClick={() => setSnap(!snap)} />
          <ToolButton label="Export whole board (PNG)" icon="image" onClick={run('png')} />
        </MoreMenu>
      </Toolbar>
      <button type="button">After the toolbar</button>
    </I18nextProvider>
  );
}

const more = () => screen.getByRole('button', { name: 'More' });

describe('The toolbar’s “More” menu', () => {
  it('opens by keyboard on its first enabled item, moves with ↑/↓/Home/End (wrapping), closes on Escape with the focus back on its button', async () => {
    const user = userEvent.setup();
    const ran: string[] = [];
    render(<Tools ran={ran} />);
    expect(more().getAttribute('aria-haspopup')).toBe('menu');
    expect(more().getAttribute('aria-expanded')).toBe('false');
    // Closed, its items are out of the accessibility tree but mounted (their keys live on).
    expect(screen.queryByRole('menu')).toBeNull();
    expect(screen.getByRole('menuitem', { name: /^Duplicate/, hidden: true }).getAttribute('aria-keyshortcuts')).toBe('Control+D Meta+D');

    // The toolbar's arrows reach the menu button; the menu's items are not toolbar stops.
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Undo' }));
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(more());
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Undo' }));
    await user.keyboard('{ArrowLeft}');
    expect(document.activeElement).toBe(more());

    await user.keyboard('{Enter}');
    const menu = screen.getByRole('menu', { name: 'More tools' });
    expect(more().getAttribute('aria-expanded')).toBe('true');
    // Copy is disabled: the first enabled item takes the focus.
    expect(document.activeElement).toBe(within(menu).getByRole('menuitem', { name: 'Duplicate' }));
    await user.keyboard('{ArrowDown}');
    const snap = within(menu).getByRole('menuitemcheckbox', { name: 'Snap to grid' });
    expect(document.activeElement).toBe(snap);
    expect(snap.getAttribute('aria-checked')).toBe('false');
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(within(menu).getByRole('menuitem', { name: 'Export whole board (PNG)' }));
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(within(menu).getByRole('menuitem', { name: 'Duplicate' }));
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(within(menu).getByRole('menuitem', { name: 'Export whole board (PNG)' }));
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(within(menu).getByRole('menuitem', { name: 'Duplicate' }));
    // Left/right inside the menu do not move the toolbar's focus.
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(within(menu).getByRole('menuitem', { name: 'Duplicate' }));

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(more());
    expect(ran).toEqual([]);
  });

  it('↑ on the button opens on the last item; choosing an item closes the menu, gives the focus back and runs the tool', async () => {
    const user = userEvent.setup();
    const ran: string[] = [];
    render(<Tools ran={ran} />);
    more().focus();
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'Export whole board (PNG)' }));
    await user.keyboard('{Enter}');
    expect(ran).toEqual(['png']);
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(more());

    // A toggle shows its state, and a click works like Enter.
    await user.click(more());
    await user.click(screen.getByRole('menuitemcheckbox', { name: 'Snap to grid' }));
    expect(screen.getByRole('menuitemcheckbox', { name: /^Snap to grid/, hidden: true }).getAttribute('aria-checked')).toBe('true');
  });

  it('closes on Tab and on a press outside it', async () => {
    const user = userEvent.setup();
    render(<Tools ran={[]} />);
    await user.click(more());
    expect(screen.getByRole('menu')).toBeTruthy();
    await user.keyboard('{Tab}');
    expect(screen.queryByRole('menu')).toBeNull();

    await user.click(more());
    expect(screen.getByRole('menu')).toBeTruthy();
    fireEvent.pointerDown(screen.getByRole('button', { name: 'After the toolbar' }));
    expect(screen.queryByRole('menu')).toBeNull();
  });
});

const AT = '2026-12-01T00:00:00.000Z';
const MEMBERS: Member[] = [
  Member.parse({ id: 'm1', workspaceId: 'w', name: 'Ava Mitchell', department: 'sales', title: 'AE', createdAt: AT, updatedAt: AT }),
  Member.parse({ id: 'm2', workspaceId: 'w', name: 'Emma Clark', department: 'marketing', title: 'PMM', createdAt: AT, updatedAt: AT }),
];

function Picker(props: { compact: boolean; changes: Writer[] }) {
  const [writer, setWriter] = useState<Writer>({ kind: 'joint' });
  return (
    <I18nextProvider i18n={initI18n('en')}>
      <WriterPicker
        members={MEMBERS}
        writer={writer}
        compact={props.compact}
        onChange={(next) => {
          props.changes.push(next);
          setWriter(next);
        }}
      />
    </I18nextProvider>
  );
}

describe('The compact writer picker', () => {
  it('is one labelled select with each member’s key and department, Joint last, and sets the writer', async () => {
    const user = userEvent.setup();
    const changes: Writer[] = [];
    render(<Picker compact changes={changes} />);
    const select = screen.getByRole('combobox', { name: 'Who is writing' }) as HTMLSelectElement;
    expect([...select.options].map((option) => option.text)).toEqual(['1 · Ava Mitchell (Sales)', '2 · Emma Clark (Marketing)', '0 · Joint']);
    expect(select.selectedOptions[0]!.text).toBe('0 · Joint');
    expect(select.getAttribute('aria-keyshortcuts')).toBe('1 2 3 4 5 6 7 8 9 0');
    await user.selectOptions(select, '2 · Emma Clark (Marketing)');
    expect(changes).toEqual([{ kind: 'member', id: 'm2' }]);
    expect(select.selectedOptions[0]!.text).toBe('2 · Emma Clark (Marketing)');
    await user.selectOptions(select, '0 · Joint');
    expect(changes.at(-1)).toEqual({ kind: 'joint' });
  });

  it('leaves the board’s single keys working from it (a control, like the radios), while other selects stay typing targets', () => {
    render(<Picker compact changes={[]} />);
    expect(keyTargetOf(screen.getByRole('combobox', { name: 'Who is writing' }))).toBe('control');
    const plain = document.createElement('select');
    document.body.append(plain);
    expect(keyTargetOf(plain)).toBe('typing');
  });

  it('is the radios when not compact', () => {
    render(<Picker compact={false} changes={[]} />);
    const group = screen.getByRole('group', { name: 'Who is writing' });
    expect(within(group).getAllByRole('radio')).toHaveLength(3);
    expect(screen.queryByRole('combobox')).toBeNull();
  });
});
