import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_DOTS_PER_PERSON, type VoteState } from '@shared/board/doc';
import { Dialog, DialogButtons } from '../../ui/Dialog';

/** The running round: its rules, the voter's dots left, and the facilitator's reveal and cancel. */
export function VoteBar(props: {
  vote: VoteState;
  voterName: string | null;
  dotsLeft: number;
  /** Compact chrome: one short row, the hint in the status's tooltip (and still read out). */
  compact?: boolean;
  onReveal(): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const { vote } = props;
  return (
    <section className={`vote-bar${props.compact ? ' is-compact' : ''}`} aria-labelledby={titleId}>
      <p className="vote-status" title={props.compact ? t('board.vote.hint') : undefined}>
        <strong id={titleId}>{t(vote.anonymous ? 'board.vote.statusAnonymous' : 'board.vote.status', { count: vote.dotsPerPerson })}</strong>{' '}
        <span>
          {props.voterName
            ? t('board.vote.voterLeft', { name: props.voterName, left: props.dotsLeft, count: vote.dotsPerPerson })
            : t('board.vote.pickVoter')}
        </span>{' '}
        <span className={props.compact ? 'visually-hidden' : 'muted'}>{t('board.vote.hint')}</span>
      </p>
      <div className="vote-actions">
        <button type="button" className="button primary" onClick={props.onReveal}>
          {t('board.vote.reveal')}
        </button>
        <button type="button" className="button" onClick={props.onCancel}>
          {t('board.vote.cancel')}
        </button>
      </div>
    </section>
  );
}

/**
 * The facilitator's "start a vote": N dots each, optionally anonymous. Once started, the focus
 * goes where voting happens (`focusVoting`): the button that opened the dialog is gone by then.
 */
export function StartVoteDialog(props: {
  open: boolean;
  onOpenChange(open: boolean): void;
  /** Some notes show the totals of earlier rounds: the dialog then offers to start from zero. */
  earlierResults?: boolean;
  onStart(dots: number, anonymous: boolean, fresh: boolean): void;
  focusVoting(): boolean;
}) {
  const { t } = useTranslation();
  const started = useRef(false);
  const dotsId = useId();
  const hintId = useId();
  const anonymousId = useId();
  const freshId = useId();
  const [dots, setDots] = useState('3');
  const [anonymous, setAnonymous] = useState(false);
  // Earlier rounds' totals stay (and add up) unless the facilitator says otherwise, each time anew:
  // the dialog stays mounted, and a clearing choice must not carry over to the next round.
  const [fresh, setFresh] = useState(false);
  const openChange = (open: boolean) => {
    if (!open) setFresh(false);
    props.onOpenChange(open);
  };
  const value = Number(dots);
  const valid = Number.isInteger(value) && value >= 1 && value <= MAX_DOTS_PER_PERSON;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!valid) return;
    started.current = true;
    openChange(false);
    props.onStart(value, anonymous, fresh && !!props.earlierResults);
  };
  const focusOnClose = () => {
    const moved = started.current && props.focusVoting();
    started.current = false;
    return moved;
  };

  return (
    <Dialog open={props.open} onOpenChange={openChange} title={t('board.vote.startTitle')} description={t('board.vote.startBody')} focusOnClose={focusOnClose}>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={dotsId}>{t('board.vote.dots')}</label>
          <input
            id={dotsId}
            className="input narrow-input"
            type="number"
            inputMode="numeric"
            min={1}
            max={MAX_DOTS_PER_PERSON}
            value={dots}
            autoFocus
            aria-invalid={!valid}
            aria-describedby={hintId}
            onChange={(event) => setDots(event.target.value)}
          />
          <p id={hintId} className={valid ? 'field-hint' : 'field-error'}>
            {t('board.vote.dotsHint', { max: MAX_DOTS_PER_PERSON })}
          </p>
        </div>
        <div className="radio">
          <input id={anonymousId} type="checkbox" checked={anonymous} onChange={(event) => setAnonymous(event.target.checked)} />
          <label htmlFor={anonymousId}>{t('board.vote.anonymous')}</label>
        </div>
        {props.earlierResults ? (
          <div className="radio">
            <input id={freshId} type="checkbox" checked={fresh} onChange={(event) => setFresh(event.target.checked)} />
            <label htmlFor={freshId}>{t('board.vote.fresh')}</label>
          </div>
        ) : null}
        <DialogButtons onCancel={() => openChange(false)} confirmLabel={t('board.vote.startSubmit')} disabled={!valid} />
      </form>
    </Dialog>
  );
}
