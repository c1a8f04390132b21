import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type FormEvent, type ReactNode, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import { en } from '../../shared/locales/en';
import { ja } from '../../shared/locales/ja';
import { initI18n } from '../../renderer/src/i18n';
import { DataTable, RowActions } from '../../renderer/src/ui/DataTable';
import { ConfirmDialog, Dialog, DialogButtons } from '../../renderer/src/ui/Dialog';
import { MoveButtons } from '../../renderer/src/ui/MoveButtons';

function withI18n(node: ReactNode, language: 'en' | 'ja' = 'en') {
  return render(<I18nextProvider i18n={initI18n(language)}>{node}</I18nextProvider>);
}

/**
 * An ordered list as the funnel, KPI and agenda screens keep one: keyed rows that React re-inserts
 * when they move. `delay` makes the move land later, as a database write does.
 */
function OrderedList(props: { initial: string[]; delay?: number; words?: boolean }) {
  const [items, setItems] = useState(props.initial);
  const move = (item: string, delta: -1 | 1) => {
    const apply = () =>
      setItems((current) => {
        const from = current.indexOf(item);
        const next = current.filter((other) => other !== item);
        next.splice(from + delta, 0, item);
        return next;
      });
    if (props.delay === undefined) apply();
    else setTimeout(apply, props.delay);
  };
  return (
    <>
      <ol aria-label="Stages">
        {items.map((item, index) => (
          <li key={item}>
            <span>{item}</span>
            <MoveButtons
              index={index}
              count={items.length}
              labels={{ up: `Move ${item} up`, down: `Move ${item} down` }}
              text={props.words ? { up: 'Up', down: 'Down' } : undefined}
              onMove={(delta) => move(item, delta)}
            />
          </li>
        ))}
      </ol>
      <input aria-label="Elsewhere" />
    </>
  );
}

const order = () => within(screen.getByRole('list', { name: 'Stages' })).getAllByRole('listitem').map((item) => item.firstChild?.textContent);

describe('MoveButtons (ui)', () => {
  it('names each button after its item, and disables Up on the first and Down on the last', () => {
    render(<OrderedList initial={['A', 'B', 'C']} />);
    expect(screen.getByRole('button', { name: 'Move A up' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Move A down' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Move C down' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Move C up' })).toBeEnabled();
    // The arrows are decoration: the name comes from the label alone.
    expect(screen.getByRole('button', { name: 'Move B up' })).toHaveTextContent('↑');
  });

  it('reorders by keyboard and keeps focus on the moved item’s button, then on its partner at the end', async () => {
    const user = userEvent.setup();
    render(<OrderedList initial={['A', 'B', 'C', 'D']} />);
    screen.getByRole('button', { name: 'Move B down' }).focus();

    await user.keyboard('{Enter}');
    expect(order()).toEqual(['A', 'C', 'B', 'D']);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Move B down' })).toHaveFocus());

    // Enter again moves the same item again: B reaches the end, where Down is disabled.
    await user.keyboard('{Enter}');
    expect(order()).toEqual(['A', 'C', 'D', 'B']);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Move B up' })).toHaveFocus());
    expect(screen.getByRole('button', { name: 'Move B down' })).toBeDisabled();

    await user.keyboard('{Enter}{Enter}{Enter}');
    expect(order()).toEqual(['B', 'A', 'C', 'D']);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Move B down' })).toHaveFocus());
  });

  it('puts focus back when a slow move lands, but not if the user has gone elsewhere meanwhile', async () => {
    const user = userEvent.setup();
    render(<OrderedList initial={['A', 'B', 'C']} delay={30} words />);
    const down = screen.getByRole('button', { name: 'Move A down' });
    expect(down).toHaveTextContent('Down');
    down.focus();
    await user.keyboard('{Enter}');
    expect(order()).toEqual(['A', 'B', 'C']);
    // A browser drops focus when React re-inserts the focused row (jsdom does not): do it here.
    down.blur();
    expect(document.body).toHaveFocus();
    await waitFor(() => expect(order()).toEqual(['B', 'A', 'C']));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Move A down' })).toHaveFocus());

    await user.keyboard('{Enter}');
    const elsewhere = screen.getByRole('textbox', { name: 'Elsewhere' });
    elsewhere.focus();
    await waitFor(() => expect(order()).toEqual(['B', 'C', 'A']));
    expect(elsewhere).toHaveFocus();
  });
});

describe('DataTable and RowActions (ui)', () => {
  it('names the table by its caption, marks numeric columns, and gives the actions column a hidden header', () => {
    withI18n(
      <DataTable caption="Backups" columns={['Workspace', { label: 'Size', numeric: true }]} actions>
        <tr>
          <th scope="row">Acme</th>
          <td className="num">3 MB</td>
          <RowActions label="Actions for Acme">
            <button type="button">Restore Acme</button>
          </RowActions>
        </tr>
      </DataTable>,
    );
    const table = screen.getByRole('table', { name: 'Backups' });
    const headers = within(table).getAllByRole('columnheader');
    expect(headers.map((header) => header.textContent)).toEqual(['Workspace', 'Size', en.common.actions]);
    expect(headers[1]).toHaveClass('num');
    expect(within(headers[2]!).getByText(en.common.actions)).toHaveClass('visually-hidden');
    const group = within(table).getByRole('group', { name: 'Actions for Acme' });
    expect(within(group).getByRole('button', { name: 'Restore Acme' })).toBeInTheDocument();
    expect(group.closest('td')).toHaveClass('actions-cell');
    expect(within(table).getByRole('rowheader', { name: 'Acme' })).toBeInTheDocument();
  });

  it('takes a heading as its name, a visible actions header, and header cells of the caller’s own', () => {
    withI18n(
      <>
        <h2 id="kpi-title">KPIs</h2>
        <DataTable labelledBy="kpi-title" headerCells={<th scope="col">Name</th>} actions={{ label: 'Actions', className: 'actions-cell' }}>
          <tr>
            <th scope="row">MQL</th>
            <RowActions alignEnd={false}>
              <button type="button">Edit MQL</button>
            </RowActions>
          </tr>
        </DataTable>
      </>,
      'ja',
    );
    const table = screen.getByRole('table', { name: 'KPIs' });
    expect(within(table).getAllByRole('columnheader').map((header) => header.textContent)).toEqual(['Name', 'Actions']);
    expect(within(table).getByRole('columnheader', { name: 'Actions' })).toHaveClass('actions-cell');
    // Without a label the buttons are not wrapped in an unnamed group.
    expect(within(table).queryByRole('group')).toBeNull();
    expect(within(table).getByRole('button', { name: 'Edit MQL' }).closest('td')).not.toHaveClass('actions-cell');
  });
});

function FormDialog(props: { onSubmit(name: string): void; onCancel(): void; disabled?: boolean }) {
  const [name, setName] = useState('Q3 review');
  return (
    <Dialog open onOpenChange={(open) => !open && props.onCancel()} title="Rename">
      <form
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          props.onSubmit(name);
        }}
      >
        <input aria-label="Name" value={name} onChange={(event) => setName(event.target.value)} />
        <DialogButtons onCancel={props.onCancel} confirmLabel="Save" disabled={props.disabled} />
      </form>
    </Dialog>
  );
}

describe('DialogButtons (ui)', () => {
  it('in a form: the action is the default button (Enter submits), Cancel does not submit', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn<(name: string) => void>();
    const onCancel = vi.fn<() => void>();
    withI18n(<FormDialog onSubmit={onSubmit} onCancel={onCancel} />);
    const dialog = screen.getByRole('dialog', { name: 'Rename' });
    const buttons = within(dialog.querySelector('.dialog-buttons') as HTMLElement).getAllByRole('button');
    // Cancel first, then the action.
    expect(buttons.map((button) => button.textContent)).toEqual([en.common.cancel, 'Save']);
    expect(buttons[1]).toHaveClass('primary');

    await user.click(within(dialog).getByRole('textbox', { name: 'Name' }));
    await user.keyboard('{End} (moved){Enter}');
    expect(onSubmit).toHaveBeenCalledWith('Q3 review (moved)');

    await user.click(within(dialog).getByRole('button', { name: en.common.cancel }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });

  it('the Escape that cancels an IME conversion (Japanese) does not close the dialog; the next Escape does', () => {
    const onSubmit = vi.fn<(name: string) => void>();
    const onCancel = vi.fn<() => void>();
    withI18n(<FormDialog onSubmit={onSubmit} onCancel={onCancel} />, 'ja');
    const input = within(screen.getByRole('dialog', { name: 'Rename' })).getByRole('textbox', { name: 'Name' });
    input.focus();
    fireEvent.keyDown(input, { key: 'Escape', isComposing: true, keyCode: 229 });
    expect(onCancel).not.toHaveBeenCalled();
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(onCancel).toHaveBeenCalledOnce();
  });

  it('a disabled action does not submit; Cancel is worded in the UI language', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn<(name: string) => void>();
    withI18n(<FormDialog onSubmit={onSubmit} onCancel={() => {}} disabled />, 'ja');
    const save = screen.getByRole('button', { name: 'Save' });
    expect(save).toBeDisabled();
    await user.click(screen.getByRole('textbox', { name: 'Name' }));
    await user.keyboard('{Enter}');
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: ja.common.cancel })).toBeEnabled();
  });

  it('with onConfirm the action is a plain button that does not submit the surrounding form', async () => {
    const user = userEvent.setup();
    const onConfirm = vi.fn<() => void>();
    const onSubmit = vi.fn<() => void>();
    withI18n(
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        <DialogButtons onCancel={() => {}} confirmLabel="Import 3 rows" onConfirm={onConfirm} />
      </form>,
    );
    const action = screen.getByRole('button', { name: 'Import 3 rows' });
    expect(action).toHaveAttribute('type', 'button');
    await user.click(action);
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('ConfirmDialog: Cancel has the initial focus (the safe choice); the danger action confirms and closes', async () => {
    const user = userEvent.setup();
    const onConfirm = vi.fn<() => void>();
    function Harness() {
      const [open, setOpen] = useState(true);
      return <ConfirmDialog open={open} onOpenChange={setOpen} title="Delete Acme?" description="It cannot be undone." confirmLabel="Delete" onConfirm={onConfirm} />;
    }
    withI18n(<Harness />);
    const dialog = screen.getByRole('alertdialog', { name: 'Delete Acme?' });
    await waitFor(() => expect(within(dialog).getByRole('button', { name: en.common.cancel })).toHaveFocus());
    // Enter on the focused Cancel must not delete.
    await user.keyboard('{Enter}');
    expect(onConfirm).not.toHaveBeenCalled();
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
  });

  it('ConfirmDialog: the danger action confirms once and closes the dialog', async () => {
    const user = userEvent.setup();
    const onConfirm = vi.fn<() => void>();
    function Harness() {
      const [open, setOpen] = useState(true);
      return <ConfirmDialog open={open} onOpenChange={setOpen} title="Delete Acme?" description="Its boards go too." confirmLabel="Delete" onConfirm={onConfirm} />;
    }
    withI18n(<Harness />);
    const remove = screen.getByRole('button', { name: 'Delete' });
    expect(remove).toHaveClass('danger');
    await user.click(remove);
    expect(onConfirm).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
  });
});
