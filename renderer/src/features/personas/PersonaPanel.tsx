import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import type * as Y from 'yjs';
import { updateNodes } from '@shared/board/doc';
import { BUYING_ROLES, MULTILINE_PERSONA_FIELDS, PERSONA_TEXT_FIELDS, type PersonaNodeData, type PersonaTextField } from '@shared/board/nodes';
import { errorMessage, StorageFullError } from '../../db/errors';
import { PersonaAvatar } from './PersonaAvatar';
import { PhotoError, resizePhoto, storePhoto } from './photos';
import { DraftField, type Parsed } from '../../ui/DraftField';
import type { NodePanelProps } from '../board/nodeKinds';
import type { PersonaNode } from '../board/types';

type Props = {
  doc: Y.Doc;
  workspaceId: string;
  personaId: string;
  data: PersonaNodeData;
  /** The board's local origin, so panel edits are undone with Ctrl+Z like canvas edits. */
  origin: unknown;
  /** Field to focus when the panel opens (e.g. from the card). */
  autoFocusField?: PersonaTextField;
};

/** The persona kind's details panel on the board (see personaKind.ts). */
export function PersonaNodePanel(props: NodePanelProps<PersonaNode>) {
  return <PersonaPanel doc={props.doc} workspaceId={props.workspaceId} personaId={props.node.id} data={props.node.data} origin={props.origin} />;
}

/** Every persona field, editable; each committed change is one undo step on the board. */
export function PersonaPanel(props: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [photoError, setPhotoError] = useState<string | null>(null);

  const commit = (patch: Partial<PersonaNodeData>) => updateNodes(props.doc, [{ id: props.personaId, patch }], props.origin);

  async function pickPhoto(file: File | undefined) {
    if (!file) return;
    setPhotoError(null);
    try {
      const photo = await resizePhoto(file);
      const id = await storePhoto(props.workspaceId, photo);
      commit({ photoId: id });
    } catch (error) {
      if (error instanceof PhotoError) setPhotoError(t(error.reason === 'too-large' ? 'persona.photoTooLarge' : 'persona.photoNotImage'));
      else if (error instanceof StorageFullError) setPhotoError(t('errors.storageFull'));
      else toast.error(t('common.error', { message: errorMessage(error) }));
    } finally {
      if (fileInput.current) fileInput.current.value = '';
    }
  }

  return (
    <aside className="persona-panel" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('persona.panelTitle')}</h2>
      <div className="field">
        <span className="field-label">{t('persona.photo')}</span>
        <div className="photo-row">
          <PersonaAvatar workspaceId={props.workspaceId} photoId={props.data.photoId} name={props.data.name} size={72} />
          <button type="button" className="button small" onClick={() => fileInput.current?.click()}>
            {t('persona.choosePhoto')}
          </button>
          {props.data.photoId ? (
            <button type="button" className="button small" onClick={() => commit({ photoId: null })}>
              {t('persona.removePhoto')}
            </button>
          ) : null}
          <input
            ref={fileInput}
            type="file"
            accept="image/jpeg,image/png,image/webp"
            hidden
            onChange={(e) => void pickPhoto(e.target.files?.[0])}
          />
        </div>
        <p className="field-hint">{t('persona.photoHint')}</p>
        {photoError ? (
          <p className="field-error" role="alert">
            {photoError}
          </p>
        ) : null}
      </div>
      {PERSONA_TEXT_FIELDS.slice(0, 2).map((field) => (
        <TextField key={field} field={field} value={props.data[field]} autoFocus={props.autoFocusField === field} onCommit={(value) => commit({ [field]: value })} />
      ))}
      <div className="field">
        <BuyingRoleSelect value={props.data.buyingRole} onChange={(buyingRole) => commit({ buyingRole })} />
      </div>
      {PERSONA_TEXT_FIELDS.slice(2).map((field) => (
        <TextField key={field} field={field} value={props.data[field]} autoFocus={props.autoFocusField === field} onCommit={(value) => commit({ [field]: value })} />
      ))}
    </aside>
  );
}

function BuyingRoleSelect(props: { value: PersonaNodeData['buyingRole']; onChange(value: PersonaNodeData['buyingRole']): void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <>
      <label htmlFor={id}>{t('persona.buyingRole')}</label>
      <select
        id={id}
        className="input"
        value={props.value ?? ''}
        onChange={(e) => props.onChange(e.target.value ? (e.target.value as PersonaNodeData['buyingRole']) : null)}
      >
        <option value="">{t('persona.buyingRoleNone')}</option>
        {BUYING_ROLES.map((role) => (
          <option key={role} value={role}>
            {t(`persona.buyingRoles.${role}`)}
          </option>
        ))}
      </select>
    </>
  );
}

/**
 * A field that keeps a draft while focused and commits on blur (or Enter on a single line;
 * Ctrl/Cmd+Enter in a multi-line one). Escape reverts. Changes from elsewhere (a promoted note,
 * a co-editor) show up whenever the field is not being edited.
 */
/** Any text is a valid persona field: it is committed as typed (DraftField keeps the draft, Escape reverts). */
const anyText = (text: string): Parsed<string> => ({ ok: true, value: text });

function TextField(props: { field: PersonaTextField; value: string; autoFocus?: boolean; onCommit(value: string): void }) {
  const { t } = useTranslation();
  return (
    <DraftField
      label={t(`persona.fields.${props.field}`)}
      value={props.value}
      parse={anyText}
      onCommit={props.onCommit}
      multiline={MULTILINE_PERSONA_FIELDS.includes(props.field)}
      maxLength={20_000}
      autoFocus={props.autoFocus}
      // Keep board shortcuts (delete, undo of the canvas, …) away from text editing.
      isolateKeys
    />
  );
}
