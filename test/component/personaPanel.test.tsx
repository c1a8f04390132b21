import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useSyncExternalStore } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNodes, nodesMap, readNode, updateNodes } from '../../shared/board/doc';
import type { PersonaNodeData } from '../../shared/board/nodes';
import { emptyPersona } from '../../shared/board/personaTemplate';
import { PersonaPanel } from '../../renderer/src/features/personas/PersonaPanel';
import { initI18n } from '../../renderer/src/i18n';

const LOCAL = { local: true };

function Harness(props: { doc: Y.Doc }) {
  const data = useSyncExternalStore(
    (notify) => {
      nodesMap(props.doc).observeDeep(notify);
      return () => nodesMap(props.doc).unobserveDeep(notify);
    },
    () => JSON.stringify(readNode(props.doc, 'p')),
  );
  return <PersonaPanel doc={props.doc} workspaceId="w" personaId="p" data={JSON.parse(data) as PersonaNodeData} origin={LOCAL} />;
}

function setup() {
  const doc = new Y.Doc();
  addNodes(doc, [{ id: 'p', data: emptyPersona({ name: 'Daniel Ward' }) }], null);
  const undo = new Y.UndoManager(nodesMap(doc), { trackedOrigins: new Set([LOCAL]), captureTimeout: 0 });
  const i18n = initI18n('en');
  render(
    <I18nextProvider i18n={i18n}>
      <Harness doc={doc} />
    </I18nextProvider>,
  );
  return { doc, undo };
}

describe('persona panel', () => {
  it('commits a field on blur as one undoable step', async () => {
    const user = userEvent.setup();
    const { doc, undo } = setup();
    const goals = screen.getByLabelText('Goals');
    await user.click(goals);
    await user.type(goals, 'Cut reporting time{Enter}in half');
    expect(readNode(doc, 'p')).toMatchObject({ goals: '' });
    await user.tab();
    expect(readNode(doc, 'p')).toMatchObject({ goals: 'Cut reporting time\nin half' });
    act(() => void undo.undo());
    expect(readNode(doc, 'p')).toMatchObject({ goals: '' });
    expect(screen.getByLabelText('Goals')).toHaveValue('');
  });

  it('commits a single-line field with Enter and reverts with Escape', async () => {
    const user = userEvent.setup();
    const { doc } = setup();
    const title = screen.getByLabelText('Job title');
    await user.click(title);
    await user.type(title, 'IT Manager{Enter}');
    expect(readNode(doc, 'p')).toMatchObject({ title: 'IT Manager' });
    await user.clear(title);
    await user.type(title, 'CIO{Escape}');
    expect(readNode(doc, 'p')).toMatchObject({ title: 'IT Manager' });
    expect(title).toHaveValue('IT Manager');
  });

  it('shows changes made elsewhere (a promoted note, a co-editor) when not editing', async () => {
    const { doc } = setup();
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    updateNodes(remote, [{ id: 'p', patch: { challenges: 'Data in three systems' } }], 'remote');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(doc)));
    expect(await screen.findByDisplayValue('Data in three systems')).toBe(screen.getByLabelText('Challenges / pain points'));
  });

  it('sets the buying role', async () => {
    const user = userEvent.setup();
    const { doc } = setup();
    await user.selectOptions(screen.getByLabelText('Role in the buying decision'), 'Decision maker');
    expect(readNode(doc, 'p')).toMatchObject({ buyingRole: 'decision-maker' });
  });
});
