import * as RadixDialog from '@radix-ui/react-dialog';
import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { composing } from './shortcuts/keys';

/**
 * Recently focused elements, newest first. A dialog opened from a menu item must give focus back
 * to the menu's trigger (the item is gone by then), so closing walks back to one still on the page.
 */
const focusHistory: HTMLElement[] = [];
if (typeof document !== 'undefined') {
  document.addEventListener(
    'focusin',
    (event) => {
      const target = event.target as HTMLElement;
      if (target === document.body || target.closest('[role="dialog"],[role="alertdialog"]')) return;
      focusHistory.splice(0, focusHistory.length, target, ...focusHistory.filter((el) => el !== target).slice(0, 6));
    },
    true,
  );
}

function restoreFocus(event: Event, candidates: HTMLElement[]) {
  const target = candidates.find((element) => element.isConnected && !element.closest('[aria-hidden="true"]') && !(element as HTMLButtonElement).disabled);
  if (!target) return;
  event.preventDefault();
  target.focus();
}

/**
 * A modal's way back: the elements focused before it opened, newest first, and what its
 * `onCloseAutoFocus` does with them (the newest still on the page takes the focus). Radix alone
 * returns to the element focused as it opened, which is the page's body when the opener had just
 * been disabled (the room's button while the room opens) or removed.
 */
export function useReturnFocus(open: boolean): (event: Event) => void {
  const returnTo = useRef<HTMLElement[]>([]);
  useLayoutEffect(() => {
    if (open) returnTo.current = [...focusHistory];
  }, [open]);
  return (event) => restoreFocus(event, returnTo.current);
}

/** Whether Escape reverts a draft in the focused field (DateField marks its input `data-draft` while one is typed). */
function revertsDraft(event: KeyboardEvent): boolean {
  return event.target instanceof HTMLElement && event.target.dataset.draft === 'true';
}

/** An accessible modal dialog (focus trap, Escape, labelled by its title, described by its body). */
export function Dialog(props: {
  open: boolean;
  onOpenChange(open: boolean): void;
  title: string;
  description?: ReactNode;
  children?: ReactNode;
  role?: 'dialog' | 'alertdialog';
  /**
   * Where the focus goes when the dialog closes, when not back to where it was (the button that
   * opened it may be gone with what the dialog did): returns whether it placed the focus.
   */
  focusOnClose?: () => boolean;
}) {
  const { t } = useTranslation();
  const returnFocus = useReturnFocus(props.open);
  return (
    <RadixDialog.Root open={props.open} onOpenChange={props.onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="dialog-overlay" />
        <RadixDialog.Content
          className="dialog"
          role={props.role ?? 'dialog'}
          onCloseAutoFocus={(event) => {
            if (props.focusOnClose?.()) event.preventDefault();
            else returnFocus(event);
          }}
          // The Escape that cancels an IME conversion (Japanese) is the IME's, not "close the dialog";
          // the one in a date field being typed in reverts what is typed (DateField), and a next one closes.
          onEscapeKeyDown={(event) => (composing(event) || revertsDraft(event)) && event.preventDefault()}
          {...(props.description ? {} : { 'aria-describedby': undefined })}
        >
          <RadixDialog.Title className="dialog-title">{props.title}</RadixDialog.Title>
          {props.description ? <RadixDialog.Description className="dialog-description">{props.description}</RadixDialog.Description> : null}
          {props.children}
          {props.role === 'alertdialog' ? null : (
            <RadixDialog.Close className="dialog-x" aria-label={t('common.close')}>
              ×
            </RadixDialog.Close>
          )}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

/**
 * The row of buttons that ends a dialog: Cancel, then the action. Inside a form the action submits
 * it; with `onConfirm` it is a plain button. `cancelFirstFocus` gives Cancel the initial focus (the
 * safe choice of a destructive dialog).
 */
export function DialogButtons(props: {
  onCancel(): void;
  confirmLabel: ReactNode;
  onConfirm?: () => void;
  disabled?: boolean;
  tone?: 'primary' | 'danger';
  cancelFirstFocus?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className="dialog-buttons">
      <button type="button" className="button" autoFocus={props.cancelFirstFocus} onClick={props.onCancel}>
        {t('common.cancel')}
      </button>
      <button
        type={props.onConfirm ? 'button' : 'submit'}
        className={`button ${props.tone ?? 'primary'}`}
        disabled={props.disabled}
        onClick={props.onConfirm}
      >
        {props.confirmLabel}
      </button>
    </div>
  );
}

/** Confirmation for destructive actions; the safe button gets the initial focus. */
export function ConfirmDialog(props: {
  open: boolean;
  onOpenChange(open: boolean): void;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  onConfirm(): void;
  /** As Dialog's: where the focus goes when the question closes, when not back to where it was. */
  focusOnClose?: () => boolean;
}) {
  return (
    <Dialog
      open={props.open}
      onOpenChange={props.onOpenChange}
      title={props.title}
      description={props.description}
      role="alertdialog"
      {...(props.focusOnClose ? { focusOnClose: props.focusOnClose } : {})}
    >
      <DialogButtons
        cancelFirstFocus
        tone="danger"
        onCancel={() => props.onOpenChange(false)}
        confirmLabel={props.confirmLabel}
        onConfirm={() => {
          props.onOpenChange(false);
          props.onConfirm();
        }}
      />
    </Dialog>
  );
}
