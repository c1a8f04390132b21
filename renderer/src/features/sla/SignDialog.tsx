import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import SignaturePad from 'signature_pad';
import type { Member } from '@shared/records/member';
import { FutureSignatureDateError, pendingSigners, type SignatureInput, type SlaVersion } from '@shared/sla/versions';
import { errorMessage } from '../../db/errors';
import { DateField } from '../../ui/DateField';
import { formatDateText } from '../../ui/dateText';
import { Dialog, DialogButtons } from '../../ui/Dialog';

const PAD_WIDTH = 440;
const PAD_HEIGHT = 150;

/** The machine's local date (YYYY-MM-DD): the dialog's default date and the latest it accepts. */
function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The typed name drawn as a signature image (the keyboard alternative to drawing). */
export function typedSignaturePng(name: string): string {
  const canvas = document.createElement('canvas');
  canvas.width = PAD_WIDTH;
  canvas.height = PAD_HEIGHT;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('Canvas is not available');
  context.fillStyle = '#111';
  context.textBaseline = 'middle';
  let size = 44;
  const font = (px: number) => `italic ${px}px 'Noto Sans JP', 'Inter', serif`;
  context.font = font(size);
  while (size > 14 && context.measureText(name).width > PAD_WIDTH - 24) context.font = font((size -= 2));
  context.fillText(name, 12, PAD_HEIGHT / 2);
  return canvas.toDataURL('image/png');
}

/**
 * Signing: the signer (one who has not signed yet), the name as signed, title and date, and a
 * signature drawn on a signature pad — or, for keyboard and assistive-technology users, the typed
 * name rendered as the signature image.
 */
export function SignDialog(props: {
  open: boolean;
  onOpenChange(open: boolean): void;
  version: SlaVersion;
  members: readonly Member[];
  onSign(signature: SignatureInput): Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const pending = pendingSigners(props.version);
  const [memberId, setMemberId] = useState(pending[0] ?? '');
  const member = props.members.find((candidate) => candidate.id === memberId);
  const [name, setName] = useState(member?.name ?? '');
  const [title, setTitle] = useState(member?.title ?? '');
  const [date, setDate] = useState(today);
  // What is wrong with the date as typed (null when it reads): `date` is then still the last one that did.
  const [dateProblem, setDateProblem] = useState<string | null>(null);
  const [mode, setMode] = useState<'draw' | 'type'>('draw');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const canvas = useRef<HTMLCanvasElement | null>(null);
  const pad = useRef<SignaturePad | null>(null);

  useEffect(() => {
    if (!props.open) return;
    const first = pendingSigners(props.version)[0] ?? '';
    const m = props.members.find((candidate) => candidate.id === first);
    setMemberId(first);
    setName(m?.name ?? '');
    setTitle(m?.title ?? '');
    setDate(today());
    setError(null);
    // Reset when the dialog opens (or the version changes under it), not on every keystroke.
    // oxlint-disable-next-line react/exhaustive-deps
  }, [props.open, props.version.id, props.version.signatures.length]);

  // Stable: a new callback on every render would make React re-attach it, and a new pad clears the drawing.
  const attachPad = useCallback((element: HTMLCanvasElement | null) => {
    canvas.current = element;
    pad.current?.off();
    pad.current = element ? new SignaturePad(element, { penColor: '#111', minWidth: 0.8, maxWidth: 2.4 }) : null;
  }, []);

  /** "Draw your signature first" is answered by choosing to type the name instead: it goes. */
  function switchMode(next: 'draw' | 'type') {
    setMode(next);
    setError((current) => (current === t('sla.sign.emptyPad') ? null : current));
  }

  function pick(next: string) {
    setMemberId(next);
    const m = props.members.find((candidate) => candidate.id === next);
    setName(m?.name ?? '');
    setTitle(m?.title ?? '');
  }

  function futureDate(value: string, latest: string) {
    return t('sla.sign.futureDate', { date: formatDateText(value, 'date', i18n.language), today: formatDateText(latest, 'date', i18n.language) });
  }

  async function submit() {
    if (!member) return;
    if (!name.trim()) return setError(t('common.required', { field: t('sla.sign.name') }));
    // Never signed with another date than the one shown: the typed one must read first.
    if (dateProblem !== null) {
      document.getElementById(`${id}-date`)?.focus();
      return setError(t('sla.sign.dateProblem'));
    }
    const latest = today();
    if (date > latest) return setError(futureDate(date, latest));
    let data: string;
    if (mode === 'draw') {
      if (!pad.current || pad.current.isEmpty()) return setError(t('sla.sign.emptyPad'));
      data = pad.current.toDataURL('image/png');
    } else {
      data = typedSignaturePng(name.trim());
    }
    setBusy(true);
    try {
      await props.onSign({ memberId: member.id, name: name.trim(), title: title.trim(), department: member.department, date, image: { format: 'png', data } });
      props.onOpenChange(false);
    } catch (caught) {
      if (caught instanceof FutureSignatureDateError) setError(futureDate(caught.date, today()));
      else setError(t('sla.errors.failed', { message: errorMessage(caught) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open={props.open} onOpenChange={props.onOpenChange} title={t('sla.sign.title')} description={t('sla.sign.intro', { revision: props.version.revision })}>
      <form
        className="sla-sign"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-signer`}>{t('sla.sign.signer')}</label>
          <select id={`${id}-signer`} className="input" value={memberId} onChange={(event) => pick(event.target.value)}>
            {pending.map((pendingId) => (
              <option key={pendingId} value={pendingId}>
                {props.members.find((candidate) => candidate.id === pendingId)?.name ?? t('sla.signers.unknownMember')}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('sla.sign.name')}</label>
          <input id={`${id}-name`} className="input" value={name} onChange={(event) => setName(event.target.value)} maxLength={200} required autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor={`${id}-title`}>{t('sla.sign.jobTitle')}</label>
          <input id={`${id}-title`} className="input" value={title} onChange={(event) => setTitle(event.target.value)} maxLength={200} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor={`${id}-date`}>{t('sla.sign.date')}</label>
          <DateField id={`${id}-date`} value={date} onChange={(value) => setDate(value || today())} onProblemChange={setDateProblem} required />
        </div>
        <fieldset className="field sla-sign-mode">
          <legend>{t('sla.sign.mode')}</legend>
          <label>
            <input type="radio" name={`${id}-mode`} checked={mode === 'draw'} onChange={() => switchMode('draw')} /> {t('sla.sign.draw')}
          </label>
          <label>
            <input type="radio" name={`${id}-mode`} checked={mode === 'type'} onChange={() => switchMode('type')} /> {t('sla.sign.type')}
          </label>
        </fieldset>
        {mode === 'draw' ? (
          <div className="sla-pad">
            <canvas
              ref={attachPad}
              width={PAD_WIDTH}
              height={PAD_HEIGHT}
              style={{ width: PAD_WIDTH, height: PAD_HEIGHT }}
              role="img"
              aria-label={t('sla.sign.pad')}
              data-testid="signature-pad"
            />
            <button type="button" className="button small" onClick={() => pad.current?.clear()}>
              {t('sla.sign.clear')}
            </button>
          </div>
        ) : (
          <p className="sla-typed-signature" aria-label={t('sla.sign.typedPreview')}>
            {name}
          </p>
        )}
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
        {/* A signer removed from the members cannot sign: said, rather than a Sign button disabled for no visible reason. */}
        {memberId !== '' && !member ? (
          <p className="notice warning" role="status">
            {t('sla.sign.notAMember')}
          </p>
        ) : null}
        <DialogButtons onCancel={() => props.onOpenChange(false)} confirmLabel={t('sla.sign.submit')} disabled={busy || !member} />
      </form>
    </Dialog>
  );
}
