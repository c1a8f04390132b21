import * as Popover from '@radix-ui/react-popover';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { intlFormatter } from './intlCache';
import { addDays, addMonths, daysInMonth, todayIn } from '@shared/meetings/cadence';
import { intlLocale, isoDate, isoMonth, isoParts, monthLabel, utcDay, weekStart, type DateMode } from './dateText';

/**
 * The calendar of a DateField (DateField.tsx), its own chunk (issue 12): the popover (Radix, with
 * its positioning and focus code) and the grids are only needed once a calendar button is used, so
 * a page with a date field does not load them to show itself. DateField loads this module when
 * the field or its button is pointed at or focused, and renders it from then on.
 *
 * The field's own button is the trigger (DateField gives it the popover's state and ids), and the
 * popover is placed against the field's row (`anchorRef`). Focus returns to the button on close,
 * as Radix does for its own trigger.
 */
export function DatePopover(props: {
  open: boolean;
  onOpenChange(open: boolean): void;
  /** The field's row (text box and button) the popover is placed against. */
  anchorRef: RefObject<HTMLDivElement | null>;
  /** The calendar button: focused again when the popover closes. */
  triggerRef: RefObject<HTMLButtonElement | null>;
  /** The id the button's aria-controls names. */
  contentId: string;
  label: string;
  mode: DateMode;
  value: string;
  language: string;
  clearable: boolean;
  onPick(value: string): void;
}) {
  const contentRef = useRef<HTMLDivElement>(null);
  // Radix does not move focus back after a right click outside (its context menu would lose it).
  const rightClickOutside = useRef(false);
  return (
    <Popover.Root open={props.open} onOpenChange={props.onOpenChange} modal>
      <Popover.Anchor virtualRef={props.anchorRef as RefObject<HTMLDivElement>} />
      <Popover.Portal>
        <Popover.Content
          ref={contentRef}
          id={props.contentId}
          className="date-popover"
          aria-label={props.label}
          align="start"
          sideOffset={4}
          collisionPadding={8}
          onOpenAutoFocus={(event) => {
            event.preventDefault();
            contentRef.current?.querySelector<HTMLElement>('[data-active="true"]')?.focus();
          }}
          onPointerDownOutside={(event) => {
            const original = event.detail.originalEvent;
            rightClickOutside.current = original.button === 2 || (original.button === 0 && original.ctrlKey);
          }}
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            if (!rightClickOutside.current) props.triggerRef.current?.focus();
            rightClickOutside.current = false;
          }}
        >
          {props.mode === 'date' ? (
            <DayGrid value={props.value} language={props.language} clearable={props.clearable} onPick={props.onPick} />
          ) : (
            <MonthGrid value={props.value} language={props.language} clearable={props.clearable} onPick={props.onPick} />
          )}
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
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
