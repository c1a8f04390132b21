import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import { checkSla, hasErrors } from '@shared/sla/checks';
import { lastSigned, returnToDraft, setSigners, submitForReview } from '@shared/sla/versions';
import { useApp } from '../../app/AppContext';
import { ConfirmDialog } from '../../ui/Dialog';
import { formatDateTime } from '../../i18n';
import { DiffView } from './DiffView';
import { formatDate } from './format';
import { Findings, funnelOfDocument } from './Findings';
import type { StepProps } from './steps';
import { SignDialog } from './SignDialog';
import { commitmentsOf, signVersion, updateVersion } from './slaStore';

/**
 * The Review & sign step: who signs (chosen while a draft), submitting for review, each signer's
 * signature (the signature dialog) and where each stands; a signed revision shows its seal.
 */
export function ReviewStep(props: StepProps) {
  const { t } = useTranslation();
  const { language } = useApp();
  const id = useId();
  const [signing, setSigning] = useState(false);
  // Returning to draft clears the signatures given so far: asked first when there are any.
  const [confirmReturn, setConfirmReturn] = useState(false);
  const { version, versions, members, workspaceId, run } = props;
  // Submitting, returning to draft and the last signature take away the button that was pressed:
  // the keyboard goes on from the step's next action (Sign…, Submit for review) or, once signed,
  // the seal — not from the page's body. Only for a change this window asked for; after the
  // dialogs' own focus return (a timeout of theirs), so that it is the last word.
  const refocus = useRef(false);
  const actions = useRef<HTMLDivElement>(null);
  const frozen = useRef<HTMLDivElement>(null);
  const shownState = useRef(version.state);
  useEffect(() => {
    if (shownState.current === version.state) return;
    shownState.current = version.state;
    if (!refocus.current) return;
    refocus.current = false;
    const timer = setTimeout(() => (actions.current?.querySelector<HTMLButtonElement>('button:not(:disabled)') ?? frozen.current)?.focus(), 0);
    return () => clearTimeout(timer);
  }, [version.state]);
  const runAndRefocus = (action: () => Promise<unknown>) => {
    refocus.current = true;
    // A refused change moves nothing: a later change from another window must not move the focus.
    void run(() =>
      action().catch((error: unknown) => {
        refocus.current = false;
        throw error;
      }),
    );
  };
  // Returned to draft meanwhile (another window): the question is moot, and must not come back by
  // itself when the version is submitted again.
  if (confirmReturn && version.state !== 'in-review') setConfirmReturn(false);
  const editable = version.state === 'draft';
  const signed = lastSigned([...versions]);
  const memberName = (memberId: string) => members.find((member) => member.id === memberId)?.name ?? t('sla.signers.unknownMember');
  return (
    <>
      <p className="muted">{t(`slaSteps.review.${version.state === 'in-review' ? 'inReview' : version.state}`)}</p>
      {version.state === 'signed' ? (
        <div className="sla-frozen" role="note" tabIndex={-1} ref={frozen}>
          {version.signedAt ? <p>{t('sla.signedAt', { date: formatDateTime(version.signedAt, language) })}</p> : null}
          <p>
            {t('sla.hash')}: <code className="sla-hash" data-testid="sla-hash">{version.hash}</code>
          </p>
        </div>
      ) : null}

      <section className="card" aria-labelledby={`${id}-signers`}>
        <h2 id={`${id}-signers`}>{t('sla.signers.title')}</h2>
        <p className="muted">{t('sla.signers.hint')}</p>
        {members.length === 0 ? <p>{t('sla.signers.noMembers')}</p> : null}
        {editable && members.length > 0 ? (
          <fieldset className="sla-signers">
            <legend className="visually-hidden">{t('sla.signers.title')}</legend>
            {members.map((member) => (
              <label key={member.id}>
                <input
                  type="checkbox"
                  checked={version.signers.includes(member.id)}
                  onChange={(event) =>
                    void run(() =>
                      updateVersion(workspaceId, version.id, (current, now) =>
                        setSigners(current, event.target.checked ? [...current.signers, member.id] : current.signers.filter((signer) => signer !== member.id), now),
                      ),
                    )
                  }
                />{' '}
                {member.name} ({t(`sla.departments.${member.department}`)}
                {member.title ? ` · ${member.title}` : ''})
              </label>
            ))}
          </fieldset>
        ) : (
          <ul className="sla-signer-status">
            {version.signers.map((signerId) => {
              const signature = version.signatures.find((candidate) => candidate.memberId === signerId);
              return (
                <li key={signerId}>
                  {signature
                    ? t('sla.signers.signedBy', { name: signature.name, date: formatDate(signature.date, language) ?? '' })
                    : t('sla.signers.waiting', { name: memberName(signerId) })}
                </li>
              );
            })}
          </ul>
        )}
        <div className="toolbar sla-actions" ref={actions}>
          {editable ? (
            <button
              type="button"
              className="button primary"
              onClick={() => {
                if (hasErrors(checkSla({ funnel: funnelOfDocument(version.document), commitments: commitmentsOf(version.document) }))) {
                  toast.error(t('sla.errors.hasErrors'));
                  return;
                }
                runAndRefocus(() => updateVersion(workspaceId, version.id, submitForReview));
              }}
            >
              {t('sla.actions.submit')}
            </button>
          ) : null}
          {version.state === 'in-review' ? (
            <>
              <button type="button" className="button primary" onClick={() => setSigning(true)}>
                {t('sla.actions.sign')}
              </button>
              <button
                type="button"
                className="button"
                onClick={() => (version.signatures.length > 0 ? setConfirmReturn(true) : runAndRefocus(() => updateVersion(workspaceId, version.id, returnToDraft)))}
              >
                {t('sla.actions.returnToDraft')}
              </button>
            </>
          ) : null}
        </div>
      </section>

      {editable ? <Findings version={version} /> : null}
      {/* What the signers are asked to agree to, beyond what they signed last time. */}
      {signed && signed.id !== version.id ? <DiffView signed={signed.document} signedRevision={signed.revision} draft={version.document} /> : null}

      <ConfirmDialog
        open={confirmReturn}
        onOpenChange={setConfirmReturn}
        title={t('sla.actions.returnConfirmTitle')}
        description={t('sla.actions.returnConfirmBody', {
          count: version.signatures.length,
          names: new Intl.ListFormat(language, { type: 'conjunction' }).format(version.signatures.map((signature) => signature.name)),
        })}
        confirmLabel={t('sla.actions.returnToDraft')}
        onConfirm={() => runAndRefocus(() => updateVersion(workspaceId, version.id, returnToDraft))}
      />

      {version.state === 'in-review' ? (
        <SignDialog
          open={signing}
          onOpenChange={setSigning}
          version={version}
          members={[...members]}
          onSign={async (signature) => {
            refocus.current = true;
            const next = await signVersion(workspaceId, version.id, signature).catch((error: unknown) => {
              refocus.current = false;
              throw error;
            });
            // Not the last signature: the version stays in review, the dialog gives the focus back to Sign….
            if (next.state !== 'signed') refocus.current = false;
            toast(next.state === 'signed' ? t('sla.sign.allSigned') : t('sla.sign.done', { name: signature.name }));
          }}
        />
      ) : null}
    </>
  );
}
