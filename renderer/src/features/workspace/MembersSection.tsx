import { useLiveQuery } from 'dexie-react-hooks';
import { useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import type { Member } from '@shared/records/member';
import { db } from '../../db/db';
import { errorMessage } from '../../db/errors';
import { addMember, type MemberInput, memberUses, type MemberUses, reinsertMember, removeMember, updateMember } from '../../db/workspaces';
import { DataTable, RowActions } from '../../ui/DataTable';
import { ConfirmDialog } from '../../ui/Dialog';
import { toastAction } from '../../ui/toastActions';
import { useFocusAfterRemoval } from '../../ui/useFocusAfterRemoval';
import { DepartmentBadge } from '../../ui/DepartmentBadge';
import { MemberDialog } from './MemberDialog';

const EMPTY: MemberInput = { name: '', department: 'sales', title: '' };

/** A sentence for each thing a removal changes (or, for signatures given, keeps) elsewhere. */
function usesText(t: TFunction, uses: MemberUses): string[] {
  const former = t('meetings.meeting.unknownMember');
  const sentences: string[] = [];
  if (uses.unsignedSlas > 0) sentences.push(t('members.uses.unsignedSla', { count: uses.unsignedSlas }));
  if (uses.signedSlas > 0) sentences.push(t('members.uses.signedSla', { count: uses.signedSlas }));
  if (uses.openActions > 0) sentences.push(t('members.uses.openActions', { count: uses.openActions, former }));
  if (uses.agendaItems > 0) sentences.push(t('members.uses.agendaItems', { count: uses.agendaItems, former }));
  if (uses.meetingsAttended > 0) sentences.push(t('members.uses.meetingsAttended', { count: uses.meetingsAttended }));
  return sentences;
}

export function MembersSection(props: { workspaceId: string }) {
  const { t, i18n } = useTranslation();
  const members = useLiveQuery(
    async () => {
      const all = await db.members.where('workspaceId').equals(props.workspaceId).toArray();
      const collator = new Intl.Collator(i18n.language);
      return all.sort((a, b) => collator.compare(a.department, b.department) || collator.compare(a.name, b.name));
    },
    [props.workspaceId, i18n.language],
  );
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Member | null>(null);
  const [removing, setRemoving] = useState<{ member: Member; uses: MemberUses | null } | null>(null);
  const asking = useRef(false);

  /**
   * Asks before removing, saying what the removal changes on other pages (an SLA they were to sign,
   * items they own, meetings they attended): read first, so the dialog opens with all it has to say.
   */
  async function askRemove(member: Member) {
    if (asking.current) return;
    asking.current = true;
    try {
      // Unreadable: the question is still asked, without the details.
      const uses = await memberUses(props.workspaceId, member.id).catch(() => null);
      setRemoving({ member, uses });
    } finally {
      asking.current = false;
    }
  }
  const addButton = useRef<HTMLButtonElement>(null);
  // After a removal the row's buttons are gone: the keyboard goes to the next row's Remove (or the
  // last row's, or Add member), not to the page's body.
  const focusAfter = useFocusAfterRemoval(members, (member) => t('members.removeLabel', { name: member.name }), addButton);

  async function remove(member: Member) {
    focusAfter.willRemove(member.id);
    try {
      const removed = await removeMember(props.workspaceId, member.id);
      if (!removed) {
        focusAfter.cancel();
        return;
      }
      toast(t('members.removed', { name: member.name }), {
        duration: 8_000,
        // As every Undo: said when it worked, and why when it did not (the member stays removed).
        action: toastAction(t('common.undo'), () => {
          void reinsertMember(removed)
            .then(() => toast(t('members.restored', { name: member.name })))
            .catch((error: unknown) => toast.error(t('members.restoreFailed', { name: member.name, message: errorMessage(error) })));
        }),
      });
    } catch (error) {
      focusAfter.cancel();
      toast.error(t('common.error', { message: errorMessage(error) }));
    }
  }

  return (
    <section aria-labelledby="members-title" className="card">
      <div className="section-header">
        <h2 id="members-title">
          {t('members.title')} {members ? <span className="count">({t('members.count', { count: members.length })})</span> : null}
        </h2>
        <button ref={addButton} type="button" className="button primary" onClick={() => setAdding(true)}>
          {t('members.add')}
        </button>
      </div>
      <p className="muted">{t('members.intro')}</p>
      {members && members.length === 0 ? <p>{t('members.empty')}</p> : null}
      {members && members.length > 0 ? (
        <DataTable caption={t('members.title')} columns={[t('members.name'), t('members.department'), t('members.titleField')]} actions>
          {members.map((member) => (
            <tr key={member.id}>
              <th scope="row">{member.name}</th>
              <td>
                <DepartmentBadge department={member.department} />
              </td>
              <td>{member.title}</td>
              <RowActions label={t('members.memberActions', { name: member.name })}>
                <button
                  type="button"
                  className="button small"
                  aria-label={t('members.editLabel', { name: member.name })}
                  onClick={() => setEditing(member)}
                >
                  {t('common.edit')}
                </button>
                <button
                  type="button"
                  className="button small danger"
                  aria-label={t('members.removeLabel', { name: member.name })}
                  onClick={() => void askRemove(member)}
                >
                  {t('members.remove')}
                </button>
              </RowActions>
            </tr>
          ))}
        </DataTable>
      ) : null}

      <MemberDialog
        open={adding}
        onOpenChange={setAdding}
        title={t('members.addTitle')}
        initial={EMPTY}
        submitLabel={t('members.add')}
        onSubmit={async (input) => {
          await addMember(props.workspaceId, input);
          toast.success(t('members.added', { name: input.name.trim() }));
        }}
      />
      <MemberDialog
        open={editing !== null}
        onOpenChange={(open) => !open && setEditing(null)}
        title={t('members.editTitle')}
        initial={editing ? { name: editing.name, department: editing.department, title: editing.title } : EMPTY}
        submitLabel={t('common.save')}
        onSubmit={async (input) => {
          if (!editing) return;
          await updateMember(props.workspaceId, editing.id, input);
          toast.success(t('members.updated', { name: input.name.trim() }));
        }}
      />
      <ConfirmDialog
        open={removing !== null}
        onOpenChange={(open) => !open && setRemoving(null)}
        title={t('members.removeTitle', { name: removing?.member.name ?? '' })}
        description={[t('members.removeBody'), ...(removing?.uses ? usesText(t, removing.uses) : [])].join(' ')}
        confirmLabel={t('members.remove')}
        onConfirm={() => removing && void remove(removing.member)}
      />
    </section>
  );
}
