// The participant page's note editor (renderer/src/participant/ParticipantApp.tsx NoteForm).
import { fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import { ja } from '../../shared/locales/ja';
import { initI18n } from '../../renderer/src/i18n';
import { NoteForm } from '../../renderer/src/participant/ParticipantApp';

describe('a participant’s note editor', () => {
  it('leaves Escape and Ctrl+Enter to an IME while it composes (Japanese conversion): the note is neither thrown away nor saved half-converted', () => {
    const onSave = vi.fn<(text: string) => void>();
    const onCancel = vi.fn<() => void>();
    render(
      <I18nextProvider i18n={initI18n('ja')}>
        <NoteForm initial="" onSave={onSave} onCancel={onCancel} />
      </I18nextProvider>,
    );
    const text = screen.getByLabelText(ja.rooms.participant.noteText);
    fireEvent.change(text, { target: { value: '予算はだいよんしはんき' } });
    fireEvent.keyDown(text, { key: 'Escape', isComposing: true, keyCode: 229 });
    fireEvent.keyDown(text, { key: 'Enter', ctrlKey: true, isComposing: true, keyCode: 229 });
    expect(onCancel).not.toHaveBeenCalled();
    expect(onSave).not.toHaveBeenCalled();
    expect(text).toHaveValue('予算はだいよんしはんき');

    fireEvent.change(text, { target: { value: '予算は第4四半期' } });
    fireEvent.keyDown(text, { key: 'Enter', ctrlKey: true });
    expect(onSave).toHaveBeenCalledWith('予算は第4四半期');
    fireEvent.keyDown(text, { key: 'Escape' });
    expect(onCancel).toHaveBeenCalledOnce();
  });
});
