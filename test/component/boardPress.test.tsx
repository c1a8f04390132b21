import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { pressCanvas } from '../../renderer/src/features/board/dom';

afterEach(() => {
  document.body.innerHTML = '';
});

/** The canvas as React Flow draws it, inside a page whose main region is focusable (App.tsx). */
function Canvas() {
  return (
    <main tabIndex={-1} data-testid="main">
      <div className="board-canvas" onMouseDownCapture={pressCanvas}>
        <div className="react-flow">
          <div className="react-flow__renderer">
            <div className="react-flow__pane" data-testid="pane" />
            <div className="react-flow__node" tabIndex={-1} data-testid="note">
              <div className="sticky">
                <p className="sticky-text">A note</p>
                <button type="button" className="sticky-action nodrag">↗</button>
              </div>
            </div>
            <div className="react-flow__node" tabIndex={-1}>
              <textarea className="sticky-editor nodrag" aria-label="Text" />
            </div>
            <div className="react-flow__nodesselection">
              <div className="react-flow__nodesselection-rect" data-testid="frame" />
            </div>
          </div>
          <div className="react-flow__panel">
            <svg data-testid="minimap" />
          </div>
        </div>
      </div>
      <p data-testid="outside">Text outside the canvas</p>
    </main>
  );
}

/** fireEvent returns false when a listener prevented the default. */
const press = (element: Element, button = 0) => !fireEvent.mouseDown(element, { button });

describe('A press on the board canvas (no text selection starts; issue 12)', () => {
  it('on a note: the default is prevented and the note takes the focus, as the default would', () => {
    render(<Canvas />);
    expect(press(screen.getByText('A note'))).toBe(true);
    expect(document.activeElement).toBe(screen.getByTestId('note'));
    // Pressed again while focused: the focus stays.
    expect(press(screen.getByText('A note'))).toBe(true);
    expect(document.activeElement).toBe(screen.getByTestId('note'));
  });

  it('on the pane or the selection’s frame: the default is prevented, the focus leaves an open editor for the main region, a text selection is cleared', () => {
    render(<Canvas />);
    const editor = screen.getByRole('textbox', { name: 'Text' });
    editor.focus();
    const selection = document.getSelection()!;
    selection.selectAllChildren(screen.getByTestId('outside'));
    expect(press(screen.getByTestId('pane'))).toBe(true);
    expect(document.activeElement).toBe(screen.getByTestId('main'));
    expect(selection.rangeCount).toBe(0);
    editor.focus();
    expect(press(screen.getByTestId('frame'))).toBe(true);
    expect(document.activeElement).toBe(screen.getByTestId('main'));
  });

  it('keeps the default for controls in a note, other buttons and presses outside the renderer', () => {
    render(<Canvas />);
    expect(press(screen.getByRole('textbox', { name: 'Text' }))).toBe(false);
    expect(press(screen.getByRole('button', { name: '↗' }))).toBe(false);
    expect(press(screen.getByText('A note'), 2)).toBe(false);
    expect(press(screen.getByTestId('minimap'))).toBe(false);
    expect(document.activeElement).toBe(document.body);
  });
});
