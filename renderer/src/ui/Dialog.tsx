import * as RadixDialog from '@radix-ui/react-dialog';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** An accessible modal dialog (focus trap, Escape, labelled by its title, described by its body). */
export function Dialog(props: {
  open: boolean;
  onOpenChange(open: boolean): void;
  title: string;
  description?: ReactNode;
  children?: ReactNode;
  role?: 'dialog' | 'alertdialog';
}) {
  const { t } = useTranslation();
  return (
    <RadixDialog.Root open={props.open} onOpenChange={props.onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="dialog-overlay" />
        <RadixDialog.Content
          className="dialog"
          role={props.role ?? 'dialog'}
          {...(props.description ? {} : { 'aria-describedby': undefined })}
        >
          <RadixDialog.Title className="dialog-title">{props.title}</RadixDialog.Title>
          {props.description ? <RadixDialog.Description className="dialog-description">{props.description}</RadixDialog.Description> : null}
          {props.children}
          <RadixDialog.Close className="dialog-x" aria-label={t('common.close')}>
            ×
          </RadixDialog.Close>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
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
}) {
  const { t } = useTranslation();
  return (
    <Dialog open={props.open} onOpenChange={props.onOpenChange} title={props.title} description={props.description} role="alertdialog">
      <div className="dialog-buttons">
        <button type="button" className="button" autoFocus onClick={() => props.onOpenChange(false)}>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className="button danger"
          onClick={() => {
            props.onOpenChange(false);
            props.onConfirm();
          }}
        >
          {props.confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
