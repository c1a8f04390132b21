import * as Popover from '@radix-ui/react-popover';
import { useEffect, useId, useMemo, useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldControlProps } from './Field';
import { intlFormatter } from './intlCache';
import { addDays, addMonths, daysInMonth, todayIn } from '@shared/meetings/cadence';
import {
  exampleText,
  formatDateText,
  intlLocale,
  isoDate,
  isoMonth,
  isoParts,
  parseDateText,
  utcDay,
  weekStart,
  type DateMode,
} from './dateText';
import './fields.css';

/**
 * A date (YYYY-MM-DD) or month (YYYY-MM) field shown in the app's language — ja `2026/12/07` and
 * `2026年12月`, en `Dec 7, 2026` and `Dec 2026` — whatever the OS locale (Chromium's native
 * `<input type=date|month>` follows the OS, not `lang`).
 *
 * The text box reads ISO, `2026/12/7`, `2026年12月7日` and the displayed forms; whenever the text
 * reads as a value, `onChange` gets it at once, and blur or Enter shows it in the display format.
 * Text that does not read keeps the stored value and, on blur or Enter, says what is wrong and what
 * to type. The
 * button beside it opens a calendar (a day grid, or the 12 months of a year) driven by keyboard.
 * Put it in a `Field` (`{(control) => <DateField {...control} … />}`) or give it an `id` that a
 * label points at.
 */
export type DateFieldProps = Partial<FieldControlProps> & {
  value: string;
  onChange(value: string): void;
  /** Empty is refused (said so; the stored value stays); otherwise clearing gives ''. */
  required?: boolean;
  autoFocus?: boolean;
  readOnly?: boolean;
};

export function DateField(props: DateFieldProps) {
  return <DateInput {...props} mode="date" />;
}

export function MonthField(props: DateFieldProps) {
  return <DateInput {...props} mode="month" />;
}

type Read = { value: string; problem: null } | { value: null; problem: string };

function DateInput(props: DateFieldProps & { mode: DateMode }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { mode } = props;
  const ownId = useId();
  const errorId = `${ownId}-problem`;
  const [draft, setDraft] = useState<string | null>(null);
  // A text that does not read yet is not an error while it is being typed: its problem is said on
  // blur or Enter, and from then on follows the typing until the text reads (no alert per keystroke).
  const [reported, setReported] = useState(false);
  const [open, setOpen] = useState(false);
  const [focused, setFocused] = useState(false);
  const contentRef = useRef<HTMLDivElement>(null);

  const read = (text: string): Read => {
    const parsed = parseDateText(text, mode);
    const example = exampleText(mode, language);
    switch (parsed.kind) {
      case 'ok':
        return { value: parsed.value, problem: null };
      case 'empty':
        return props.required
          ? { value: null, problem: t(mode === 'date' ? 'dateField.requiredDate' : 'dateField.requiredMonth', { example }) }
          : { value: '', problem: null };
      case 'noSuchMonth':
        return { value: null, problem: t('dateField.noSuchMonth', { month: parsed.month, example }) };
      case 'noSuchDay':
        return { value: null, problem: t('dateField.noSuchDay', { month: monthLabel(isoMonth(parsed.year, parsed.month), language), day: parsed.day, example }) };
      case 'unreadable':
        return { value: null, problem: t(mode === 'date' ? 'dateField.unreadableDate' : 'dateField.unreadableMonth', { text: text.trim(), example }) };
    }
  };

  // A value changed from outside (a form reset, undo, a co-editor) replaces a draft that is not being
  // edited and does not read as that value.
  const [seenValue, setSeenValue] = useState(props.value);
  if (seenValue !== props.value) {
    setSeenValue(props.value);
    if (draft !== null && !focused && read(draft).value !== props.value) {
      setDraft(null);
      setReported(false);
    }
  }
  // What is wrong with the text being typed (none without a draft): in the current language and
  // with the current `required`, whatever they were when it was typed.
  const problem = draft === null ? null : read(draft).problem;
  const said = reported ? problem : null;
  const shown = draft ?? formatDateText(props.value, mode, language);

  const onTextChange = (event: ChangeEvent<HTMLInputElement>) => {
    const text = event.target.value;
    setDraft(text);
    const result = read(text);
    if (result.problem === null) setReported(false);
    if (result.value !== null && result.value !== props.value) props.onChange(result.value);
  };
  /** Blur or Enter: a text that reads is shown in the display format; one that does not stays, with its message. */
  const settle = () => {
    if (draft !== null && problem === null) setDraft(null);
    if (problem !== null) setReported(true);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      // A text that does not read must not submit the form with the old value.
      if (problem !== null) event.preventDefault();
      settle();
    } else if (event.key === 'ArrowDown' && event.altKey && !props.readOnly) {
      event.preventDefault();
      setOpen(true);
    }
  };
  const pick = (value: string) => {
    setDraft(null);
    setReported(false);
    setOpen(false);
    if (value !== props.value) props.onChange(value);
  };

  const describedBy = [props['aria-describedby'], said ? errorId : null].filter(Boolean).join(' ') || undefined;
  const chooseLabel = mode === 'date' ? t('dateField.chooseDate') : t('dateField.chooseMonth');
  return (
    <div className="date-field">
      <Popover.Root open={open} onOpenChange={setOpen} modal>
        <Popover.Anchor asChild>
          <div className="field-row">
            <input
              id={props.id}
              className="input"
              type="text"
              autoComplete="off"
              spellCheck={false}
              value={shown}
              required={props.required}
              readOnly={props.readOnly}
              autoFocus={props.autoFocus}
              aria-invalid={Boolean(props['aria-invalid']) || said !== null}
              aria-describedby={describedBy}
              onChange={onTextChange}
              onFocus={() => setFocused(true)}
              onBlur={() => {
                setFocused(false);
                settle();
              }}
              onKeyDown={onKeyDown}
            />
            <Popover.Trigger className="button icon date-field-button" aria-label={chooseLabel} title={chooseLabel} disabled={props.readOnly}>
              <CalendarIcon />
            </Popover.Trigger>
          </div>
        </Popover.Anchor>
        <Popover.Portal>
          <Popover.Content
            ref={contentRef}
            className="date-popover"
            aria-label={chooseLabel}
            align="start"
            sideOffset={4}
            collisionPadding={8}
            onOpenAutoFocus={(event) => {
              event.preventDefault();
              contentRef.current?.querySelector<HTMLElement>('[data-active="true"]')?.focus();
            }}
          >
            {mode === 'date' ? (
              <DayGrid value={props.value} language={language} clearable={!props.required} onPick={pick} />
            ) : (
              <MonthGrid value={props.value} language={language} clearable={!props.required} onPick={pick} />
            )}
          </Popover.Content>
        </Popover.Portal>
      </Popover.Root>
      {said ? (
        <p id={errorId} className="field-error" role="alert">
          {said}
        </p>
      ) : null}
    </div>
  );
}

function CalendarIcon() {
  return (
    <svg viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth="2">
      <rect x="3" y="5" width="18" height="16" rx="2" />
      <path d="M3 10h18M8 3v4M16 3v4" />
    </svg>
  );
}

function monthLabel(month: string, language: string, style: 'long' | 'short' = 'long'): string {
  const format = intlFormatter(`monthLabel|${language}|${style}`, () => new Intl.DateTimeFormat(intlLocale(language), { year: 'numeric', month: style, timeZone: 'UTC' }));
  return format.format(utcDay(`${month}-01`));
}

/** A calendar grid's header: the month (or year) shown, with buttons to the one before and after. */
function GridHeader(props: { captionId: string; caption: string; previous: string; next: string; onStep(step: -1 | 1): void }) {
  return (
    <div className="date-popover-header">
      <button type="button" className="button icon small" aria-label={props.previous} title={props.previous} onClick={() => props.onStep(-1)}>
        <span aria-hidden="true">‹</span>
      </button>
      <div id={props.captionId} className="date-popover-caption" aria-live="polite">
        {props.caption}
      </div>
      <button type="button" className="button icon small" aria-label={props.next} title={props.next} onClick={() => props.onStep(1)}>
        <span aria-hidden="true">›</span>
      </button>
    </div>
  );
}

/**
 * The grid's active cell (the one Tab reaches). `moveFocus` makes another one active and focuses it
 * once rendered (a key moved it); `setActive` only shows it (the month buttons keep their focus).
 */
function useActiveCell(initial: () => string) {
  const [active, setActive] = useState(initial);
  const gridRef = useRef<HTMLTableElement>(null);
  const focusPendingRef = useRef(false);
  useEffect(() => {
    if (!focusPendingRef.current) return;
    focusPendingRef.current = false;
    gridRef.current?.querySelector<HTMLElement>('[data-active="true"]')?.focus();
  });
  const moveFocus = (next: string) => {
    focusPendingRef.current = true;
    setActive(next);
  };
  return { active, setActive, moveFocus, gridRef };
}

type GridProps = { value: string; language: string; clearable: boolean; onPick(value: string): void };

/** The calendar's keys, folded under the grid (the popover stays small). Key names stay as on the keyboard. */
function KeyHelp(props: { mode: DateMode }) {
  const { t } = useTranslation();
  const date = props.mode === 'date';
  const rows: [string[], string][] = [
    [['←', '→', '↑', '↓'], date ? t('dateField.keyDays') : t('dateField.keyMonths')],
    [['Page Up', 'Page Down'], date ? t('dateField.keyPageMonth') : t('dateField.keyPageYear')],
    [['Home', 'End'], date ? t('dateField.keyWeekEnds') : t('dateField.keyRowEnds')],
    [['Enter'], t('dateField.keyPick')],
    [['Esc'], t('dateField.keyClose')],
  ];
  return (
    <details className="date-popover-help">
      <summary>{t('dateField.keys')}</summary>
      <ul>
        {rows.map(([keys, what]) => (
          <li key={what}>
            {keys.map((key) => (
              <kbd key={key}>{key}</kbd>
            ))}{' '}
            {what}
          </li>
        ))}
      </ul>
    </details>
  );
}

/** The days of one month, weeks from Monday (ja) or Sunday (en); arrows, Page Up/Down, Home/End. */
function DayGrid(props: GridProps) {
  const { t } = useTranslation();
  const { language } = props;
  const captionId = useId();
  const today = todayIn();
  const { active, setActive, moveFocus, gridRef } = useActiveCell(() => (isoParts(props.value, 'date') ? props.value : today));
  const locale = intlLocale(language);
  const formats = useMemo(
    () => ({
      full: new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' }),
      weekdayShort: new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }),
      weekdayLong: new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }),
    }),
    [locale],
  );
  const first = weekStart(language);
  const [year, month] = active.split('-').map(Number) as [number, number];
  const lead = (utcDay(isoDate(year, month, 1)).getUTCDay() - first + 7) % 7;
  const cells: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let day = 1; day <= daysInMonth(year, month); day++) cells.push(isoDate(year, month, day));
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, index) => cells.slice(index * 7, index * 7 + 7));
  // 2026-01-04 is a Sunday: the header's weekdays from it.
  const weekdays = Array.from({ length: 7 }, (_, index) => utcDay(addDays('2026-01-04', (first + index) % 7)));

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    const column = (utcDay(active).getUTCDay() - first + 7) % 7;
    const next = (() => {
      switch (event.key) {
        case 'ArrowLeft':
          return addDays(active, -1);
        case 'ArrowRight':
          return addDays(active, 1);
        case 'ArrowUp':
          return addDays(active, -7);
        case 'ArrowDown':
          return addDays(active, 7);
        case 'PageUp':
          return addMonths(active, event.shiftKey ? -12 : -1);
        case 'PageDown':
          return addMonths(active, event.shiftKey ? 12 : 1);
        case 'Home':
          return addDays(active, -column);
        case 'End':
          return addDays(active, 6 - column);
        default:
          return null;
      }
    })();
    if (next === null) return;
    event.preventDefault();
    moveFocus(next);
  };

  return (
    <>
      <GridHeader captionId={captionId} caption={monthLabel(active.slice(0, 7), language)} previous={t('dateField.previousMonth')} next={t('dateField.nextMonth')} onStep={(step) => setActive(addMonths(active, step))} />
      <table ref={gridRef} role="grid" className="date-grid" aria-labelledby={captionId} onKeyDown={onKeyDown}>
        <thead>
          <tr>
            {weekdays.map((day) => (
              <th key={day.getUTCDay()} scope="col" abbr={formats.weekdayLong.format(day)}>
                {formats.weekdayShort.format(day)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week.find(Boolean) ?? ''}>
              {week.map((day, index) =>
                day === null ? (
                  <td key={`empty-${index}`} role="gridcell" />
                ) : (
                  <td key={day} role="gridcell" aria-selected={day === props.value}>
                    <button
                      type="button"
                      className="date-cell"
                      tabIndex={day === active ? 0 : -1}
                      data-active={day === active}
                      aria-current={day === today ? 'date' : undefined}
                      aria-label={formats.full.format(utcDay(day))}
                      onClick={() => props.onPick(day)}
                    >
                      {Number(day.slice(8))}
                    </button>
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <PopoverFooter mode="date" now={today} clearable={props.clearable} onPick={props.onPick} />
    </>
  );
}

/** The twelve months of a year (3 a row); arrows, Page Up/Down by year, Home/End along a row. */
function MonthGrid(props: GridProps) {
  const { t } = useTranslation();
  const { language } = props;
  const captionId = useId();
  const thisMonth = todayIn().slice(0, 7);
  // The active month as its first day, so day arithmetic (addMonths) applies.
  const { active, setActive, moveFocus, gridRef } = useActiveCell(() => `${isoParts(props.value, 'month') ? props.value : thisMonth}-01`);
  const year = Number(active.slice(0, 4));
  const short = useMemo(() => new Intl.DateTimeFormat(intlLocale(language), { month: 'short', timeZone: 'UTC' }), [language]);
  const yearLabel = intlFormatter(`yearLabel|${language}`, () => new Intl.DateTimeFormat(intlLocale(language), { year: 'numeric', timeZone: 'UTC' })).format(utcDay(`${active.slice(0, 4)}-01-01`));
  const rows = [0, 1, 2, 3].map((row) => [1, 2, 3].map((column) => isoMonth(year, row * 3 + column)));

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    const column = (Number(active.slice(5, 7)) - 1) % 3;
    const step = (() => {
      switch (event.key) {
        case 'ArrowLeft':
          return -1;
        case 'ArrowRight':
          return 1;
        case 'ArrowUp':
          return -3;
        case 'ArrowDown':
          return 3;
        case 'PageUp':
          return -12;
        case 'PageDown':
          return 12;
        case 'Home':
          return -column;
        case 'End':
          return 2 - column;
        default:
          return null;
      }
    })();
    if (step === null) return;
    event.preventDefault();
    moveFocus(addMonths(active, step));
  };

  return (
    <>
      <GridHeader captionId={captionId} caption={yearLabel} previous={t('dateField.previousYear')} next={t('dateField.nextYear')} onStep={(step) => setActive(addMonths(active, step * 12))} />
      <table ref={gridRef} role="grid" className="date-grid date-month-grid" aria-labelledby={captionId} onKeyDown={onKeyDown}>
        <tbody>
          {rows.map((row) => (
            <tr key={row[0]}>
              {row.map((month) => (
                <td key={month} role="gridcell" aria-selected={month === props.value}>
                  <button
                    type="button"
                    className="date-cell"
                    tabIndex={month === active.slice(0, 7) ? 0 : -1}
                    data-active={month === active.slice(0, 7)}
                    aria-current={month === thisMonth ? 'date' : undefined}
                    aria-label={monthLabel(month, language)}
                    onClick={() => props.onPick(month)}
                  >
                    {short.format(utcDay(`${month}-01`))}
                  </button>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <PopoverFooter mode="month" now={thisMonth} clearable={props.clearable} onPick={props.onPick} />
    </>
  );
}

/** Under either grid: today (this month), Clear where empty is allowed, and the key help. */
function PopoverFooter(props: { mode: DateMode; now: string; clearable: boolean; onPick(value: string): void }) {
  const { t } = useTranslation();
  return (
    <>
      <div className="date-popover-footer">
        <button type="button" className="button small" onClick={() => props.onPick(props.now)}>
          {props.mode === 'date' ? t('dateField.today') : t('dateField.thisMonth')}
        </button>
        {props.clearable ? (
          <button type="button" className="button small" onClick={() => props.onPick('')}>
            {t('dateField.clear')}
          </button>
        ) : null}
      </div>
      <KeyHelp mode={props.mode} />
    </>
  );
}
