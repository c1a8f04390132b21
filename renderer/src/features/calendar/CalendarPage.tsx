import { useLiveQuery } from 'dexie-react-hooks';
import { type FormEvent, useId, useMemo, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import { Link } from 'wouter';
import { type CompanyHoliday, daysBetween, MAX_COMPANY_HOLIDAYS, MAX_RANGE_DAYS, parseMinutes, type PublicHolidaySet, sameCalendar, WorkingCalendar } from '@shared/calendar/calendar';
import { PUBLIC_HOLIDAYS_LAST_YEAR } from '@shared/calendar/countries';
import { holidaysOfYear, PUBLIC_HOLIDAYS_SOURCE, publicHolidaysKnown } from '@shared/calendar/holidays';
import { timeZones } from '@shared/calendar/zone';
import { calendarOfDocument } from '@shared/sla/document';
import { lastSigned } from '@shared/sla/versions';
import { useApp } from '../../app/AppContext';
import { errorMessage } from '../../db/errors';
import { newId } from '../../db/ids';
import { DataTable, RowActions } from '../../ui/DataTable';
import { DateField } from '../../ui/DateField';
import { Field } from '../../ui/Field';
import { ariaKeys, keyHint } from '../../ui/shortcuts/labels';
import { useShortcuts } from '../../ui/shortcuts/useShortcuts';
import { toastAction } from '../../ui/toastActions';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { Breadcrumb, isLive, Loading, NotFound, useWorkspace } from '../../ui/WorkspaceGate';
import { listVersions } from '../sla/slaStore';
import { type CalendarDraft, draftOf, readCalendarDraft, sameDraft, useCalendarDraft } from './calendarDraft';
import { defaultCalendarFor, loadCalendar, revertCalendar, saveCalendar } from './calendarStore';
import { countryName, dateText, holidaySetOptions, holidayWhen, hoursPerDayText, WEEK_ORDER, weekdayNames } from './format';
import './calendar.css';
import { TimeField } from '../../ui/TimeField';
import { composing } from '../../ui/shortcuts/keys';

type FieldKey = 'opens' | 'closes' | 'lunch' | 'workingDays';
type Checked = { ok: true; calendar: WorkingCalendar } | { ok: false; problems: Partial<Record<FieldKey, string>> };

/** The draft as a calendar, or what is wrong with it, field by field (in the reader's words). */
function check(draft: CalendarDraft, t: TFunction): Checked {
  const problems: Partial<Record<FieldKey, string>> = {};
  const opens = parseMinutes(draft.opens);
  const closes = parseMinutes(draft.closes);
  const lunchFrom = parseMinutes(draft.lunchFrom);
  const lunchTo = parseMinutes(draft.lunchTo);
  if (opens === null) problems.opens = t('calendar.errors.badTime');
  if (closes === null) problems.closes = t('calendar.errors.badTime');
  else if (opens !== null && closes <= opens) problems.closes = t('calendar.errors.closesBeforeOpens');
  if (draft.lunch) {
    if (lunchFrom === null || lunchTo === null) problems.lunch = t('calendar.errors.badTime');
    else if (opens !== null && closes !== null && (lunchTo <= lunchFrom || lunchFrom <= opens || lunchTo >= closes)) problems.lunch = t('calendar.errors.lunchOutside');
  }
  if (draft.workingDays.length === 0) problems.workingDays = t('calendar.errors.noWorkingDay');
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  const parsed = WorkingCalendar.safeParse({
    timeZone: draft.timeZone,
    workingDays: [...draft.workingDays].sort((a, b) => a - b),
    opens,
    closes,
    lunch: draft.lunch ? { from: lunchFrom, to: lunchTo } : null,
    publicHolidays: draft.publicHolidays,
    companyHolidays: draft.companyHolidays,
  });
  // Every field was checked above; what is left is a holiday list the form never produces.
  return parsed.success ? { ok: true, calendar: parsed.data } : { ok: false, problems: { workingDays: parsed.error.issues[0]?.message ?? '' } };
}

/** Where the chosen public holidays come from (none for 'none'). */
function holidaysHint(t: TFunction, set: PublicHolidaySet, language: string): string | undefined {
  if (set === 'none') return undefined;
  if (set === 'JP') return t('calendar.publicHolidaysHint');
  return t('calendar.publicHolidaysHintCountry', { country: countryName(set, language), source: PUBLIC_HOLIDAYS_SOURCE });
}

/** `#/w/:id/calendar`: the working calendar, edited as a form, saved with Undo. */
export function CalendarPage(props: { workspaceId: string }) {
  const { t } = useTranslation();
  const { language } = useApp();
  const id = useId();
  const workspace = useWorkspace(props.workspaceId);
  const stored = useLiveQuery(() => loadCalendar(props.workspaceId, language), [props.workspaceId, language]);
  const signed = useLiveQuery(async () => lastSigned(await listVersions(props.workspaceId)) ?? null, [props.workspaceId]);
  // null: not edited, the form shows the stored calendar (and follows it, e.g. after Undo). Kept
  // outside the page (calendarDraft.ts): edits not saved are still here after leaving and coming back.
  const [edits, setEdits] = useCalendarDraft(props.workspaceId);
  const [problems, setProblems] = useState<Partial<Record<FieldKey, string>>>({});
  const [saving, setSaving] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const saveButton = useRef<HTMLButtonElement>(null);
  // Ctrl/⌘+S saves, as in every editor (the shortcut table's 'calendar' scope): it submits the form.
  useShortcuts('calendar', { 'calendar.save': () => void form.current?.requestSubmit() });
  useDocumentTitle(`${t('calendar.pageTitle')} — ${workspace?.name ?? t('app.loading')}`);

  const draft = useMemo(() => edits ?? (stored ? draftOf(stored.calendar) : null), [edits, stored]);
  const holidaySets = useMemo(() => holidaySetOptions(t, language), [t, language]);
  const zones = useMemo(() => {
    const list = timeZones();
    return draft && !list.includes(draft.timeZone) ? [draft.timeZone, ...list] : list;
  }, [draft]);

  if (workspace === undefined || stored === undefined || signed === undefined || draft === null) return <Loading />;
  if (!isLive(workspace)) return <NotFound />;

  const storedDraft = draftOf(stored.calendar);
  // Edits that come back to the stored calendar are no edits: the form follows the stored one again.
  const change = (patch: Partial<CalendarDraft>) => {
    const next = { ...draft, ...patch };
    setEdits(sameDraft(next, storedDraft) ? null : next);
  };
  const unsaved = edits !== null && !sameDraft(edits, storedDraft);
  const checked = check(draft, t);
  const signedCalendar = signed ? calendarOfDocument(signed.document) : null;

  function discard() {
    const discarded = edits;
    setProblems({});
    setEdits(null);
    saveButton.current?.focus();
    toast(t('calendar.discarded'), {
      action: toastAction(t('common.undo'), () => setEdits(discarded)),
    });
  }

  async function save(event?: FormEvent) {
    event?.preventDefault();
    if (!draft || saving) return;
    const result = check(draft, t);
    if (!result.ok) {
      setProblems(result.problems);
      return;
    }
    setProblems({});
    if (stored?.saved && sameCalendar(stored.calendar, result.calendar)) {
      toast(t('calendar.unchanged'));
      setEdits(null);
      return;
    }
    setSaving(true);
    try {
      const saved = await saveCalendar(props.workspaceId, result.calendar);
      // Edits made while it was being written stay a draft.
      if (readCalendarDraft(props.workspaceId) === edits) setEdits(null);
      toast.success(t('calendar.saved'), {
        action: toastAction(t('common.undo'), () => {
          void revertCalendar(saved)
            .then(() => toast(t('calendar.undone')))
            .catch((error: unknown) => toast.error(t('calendar.failed', { message: errorMessage(error) })));
        }),
      });
    } catch (error) {
      toast.error(t('calendar.failed', { message: errorMessage(error) }));
    } finally {
      setSaving(false);
    }
  }

  const names = weekdayNames(language, 'long');
  const perDay = checked.ok ? t('calendar.perDay', { hours: hoursPerDayText(checked.calendar, language) }) : null;
  return (
    <section aria-labelledby={`${id}-title`} className="page narrow calendar-page">
      <Breadcrumb workspace={workspace} />
      <h1 id={`${id}-title`}>{t('calendar.pageTitle')}</h1>
      <p className="muted">{t('calendar.pageIntro')}</p>
      {!stored.saved ? <p role="note">{t('calendar.sectionDefault')}</p> : null}
      {signed ? (
        <p role="note" className={signedCalendar && sameCalendar(signedCalendar, stored.calendar) ? undefined : 'notice warning'}>
          {signedCalendar === null
            ? t('calendar.sla.noCalendar')
            : sameCalendar(signedCalendar, stored.calendar)
              ? t('calendar.signedSame', { revision: signed.revision })
              : t('calendar.signedNotice', { revision: signed.revision })}{' '}
          <Link href={`/w/${props.workspaceId}/sla`}>{t('calendar.openSla')}</Link>
        </p>
      ) : null}

      <form ref={form} className="card calendar-form" onSubmit={(event) => void save(event)} noValidate>
        <fieldset className="calendar-fieldset">
          <legend>{t('calendar.hoursTitle')}</legend>
          <Field label={t('calendar.timeZone')} hint={t('calendar.timeZoneHint')}>
            {(control) => (
              <select {...control} className="input" value={draft.timeZone} onChange={(event) => change({ timeZone: event.target.value })}>
                {zones.map((zone) => (
                  <option key={zone} value={zone}>
                    {zone}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <fieldset className="calendar-days" aria-describedby={problems.workingDays ? `${id}-days-error` : undefined}>
            <legend>{t('calendar.workingDays')}</legend>
            {WEEK_ORDER.map((day) => (
              <label key={day} className="calendar-day">
                <input
                  type="checkbox"
                  checked={draft.workingDays.includes(day)}
                  onChange={(event) => change({ workingDays: event.target.checked ? [...draft.workingDays, day] : draft.workingDays.filter((other) => other !== day) })}
                />{' '}
                {names[day]}
              </label>
            ))}
            {problems.workingDays ? (
              <p id={`${id}-days-error`} className="field-error" role="alert">
                {problems.workingDays}
              </p>
            ) : null}
          </fieldset>
          <div className="calendar-row">
            <Field label={t('calendar.opens')} error={problems.opens}>
              {(control) => <TimeField {...control} value={draft.opens} onChange={(opens) => change({ opens })} />}
            </Field>
            <Field label={t('calendar.closes')} error={problems.closes}>
              {(control) => <TimeField {...control} value={draft.closes} onChange={(closes) => change({ closes })} />}
            </Field>
          </div>
          <label className="calendar-check">
            <input type="checkbox" checked={draft.lunch} onChange={(event) => change({ lunch: event.target.checked })} /> {t('calendar.lunch')}
          </label>
          {draft.lunch ? (
            <div className="calendar-row">
              <Field label={t('calendar.lunchFrom')} error={problems.lunch}>
                {(control) => <TimeField {...control} value={draft.lunchFrom} onChange={(lunchFrom) => change({ lunchFrom })} />}
              </Field>
              <Field label={t('calendar.lunchTo')}>
                {(control) => <TimeField {...control} value={draft.lunchTo} onChange={(lunchTo) => change({ lunchTo })} />}
              </Field>
            </div>
          ) : null}
          {perDay ? <p className="muted">{perDay}</p> : null}
        </fieldset>

        <fieldset className="calendar-fieldset">
          <legend>{t('calendar.publicHolidays')}</legend>
          <Field label={t('calendar.publicHolidays')} hideLabel hint={holidaysHint(t, draft.publicHolidays, language)}>
            {(control) => (
              <select {...control} className="input" value={draft.publicHolidays} onChange={(event) => change({ publicHolidays: event.target.value as PublicHolidaySet })}>
                {holidaySets.map((set) => (
                  <option key={set.value} value={set.value}>
                    {set.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </fieldset>

        <CompanyHolidays holidays={draft.companyHolidays} onChange={(companyHolidays) => change({ companyHolidays })} />

        <div className="toolbar calendar-actions">
          <button ref={saveButton} type="submit" className="button primary" disabled={saving} aria-keyshortcuts={ariaKeys('calendar.save')}>
            {t('calendar.save')} <kbd aria-hidden="true">{keyHint('calendar.save')}</kbd>
          </button>
          {/* Always there (empty when nothing is unsaved), so its text is announced when it appears. */}
          <span role="status" className="calendar-unsaved">
            {unsaved ? t('calendar.unsaved') : ''}
          </span>
          {unsaved ? (
            <button type="button" className="button" disabled={saving} onClick={discard}>
              {t('calendar.discard')}
            </button>
          ) : null}
          <button
            type="button"
            className="button"
            onClick={() => {
              setProblems({});
              change(draftOf(defaultCalendarFor(language)));
            }}
          >
            {t('calendar.reset')}
          </button>
        </div>
      </form>

      <Preview calendar={checked.ok ? checked.calendar : stored.calendar} />
    </section>
  );
}

/** The company holidays: a table with Remove, and a small form to add one (a day, a range, or every year). */
function CompanyHolidays(props: { holidays: CompanyHoliday[]; onChange(holidays: CompanyHoliday[]): void }) {
  const { t } = useTranslation();
  const { language } = useApp();
  const id = useId();
  const [name, setName] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [yearly, setYearly] = useState(false);
  const [error, setError] = useState<{ field: 'name' | 'from' | 'to'; text: string } | null>(null);

  function add() {
    const dateOk = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
    const end = to === '' ? from : to;
    if (name.trim().length > 100) return setError({ field: 'name', text: t('calendar.errors.nameTooLong', { max: 100 }) });
    if (!dateOk(from)) return setError({ field: 'from', text: t('calendar.errors.badDate') });
    if (!dateOk(end)) return setError({ field: 'to', text: t('calendar.errors.badDate') });
    if (props.holidays.length >= MAX_COMPANY_HOLIDAYS) return setError({ field: 'name', text: t('calendar.errors.tooMany', { max: MAX_COMPANY_HOLIDAYS }) });
    const span = daysBetween(from, end);
    if (span < 0) return setError({ field: 'to', text: t('calendar.errors.rangeBackwards') });
    if (!yearly && span >= MAX_RANGE_DAYS) return setError({ field: 'to', text: t('calendar.errors.rangeTooLong') });
    // Every year: the month and day of each end (a range may run over New Year: 12/29 → 1/3).
    if (yearly && span >= 365) return setError({ field: 'to', text: t('calendar.errors.rangeTooLong') });
    const holiday: CompanyHoliday = yearly
      ? { id: newId(), kind: 'yearly', name: name.trim(), from: from.slice(5), to: end.slice(5) }
      : { id: newId(), kind: 'dates', name: name.trim(), from, to: end };
    setError(null);
    props.onChange([...props.holidays, holiday]);
    setName('');
    setFrom('');
    setTo('');
    setYearly(false);
  }

  return (
    <fieldset className="calendar-fieldset">
      <legend>{t('calendar.companyTitle')}</legend>
      <p className="muted">{t('calendar.companyIntro')}</p>
      {props.holidays.length === 0 ? (
        <p>{t('calendar.companyNone')}</p>
      ) : (
        <DataTable
          className="calendar-holidays"
          caption={t('calendar.companyTable')}
          columns={[t('calendar.colName'), t('calendar.colWhen'), t('calendar.colRepeat')]}
          actions={{ label: t('calendar.colActions'), className: 'actions-cell' }}
        >
          {props.holidays.map((holiday) => {
            const label = holiday.name || t('calendar.unnamed');
            return (
              <tr key={holiday.id}>
                <th scope="row">{label}</th>
                <td>{holidayWhen(t, holiday, language)}</td>
                <td>{holiday.kind === 'yearly' ? t('calendar.yearly') : t('calendar.once')}</td>
                <RowActions>
                  <button
                    type="button"
                    className="button small"
                    aria-label={t('calendar.removeHoliday', { name: `${label} (${holidayWhen(t, holiday, language)})` })}
                    onClick={() => props.onChange(props.holidays.filter((other) => other.id !== holiday.id))}
                  >
                    {t('calendar.remove')}
                  </button>
                </RowActions>
              </tr>
            );
          })}
        </DataTable>
      )}
      <div className="calendar-add" role="group" aria-labelledby={`${id}-add`}>
        <h3 id={`${id}-add`} className="visually-hidden">
          {t('calendar.addHoliday')}
        </h3>
        <Field label={t('calendar.holidayName')} error={error?.field === 'name' ? error.text : null}>
          {(control) => (
            <input
              {...control}
              className="input"
              value={name}
              maxLength={120}
              onChange={(event) => setName(event.target.value)}
              onKeyDown={(event) => {
                // The Enter that confirms a Japanese conversion is the IME's, not "add".
                if (event.key === 'Enter' && !composing(event.nativeEvent)) {
                  event.preventDefault();
                  add();
                }
              }}
            />
          )}
        </Field>
        <Field label={t('calendar.holidayFrom')} error={error?.field === 'from' ? error.text : null}>
          {(control) => <DateField {...control} value={from} onChange={setFrom} />}
        </Field>
        <Field label={t('calendar.holidayTo')} error={error?.field === 'to' ? error.text : null}>
          {(control) => <DateField {...control} value={to} onChange={setTo} />}
        </Field>
        <label className="calendar-check">
          <input type="checkbox" checked={yearly} onChange={(event) => setYearly(event.target.checked)} /> {t('calendar.holidayYearly')}
        </label>
        <button type="button" className="button" onClick={add}>
          {t('calendar.addHoliday')}
        </button>
      </div>
    </fieldset>
  );
}

/** The days off that fall on working days in a year: what the calendar will skip. */
function Preview(props: { calendar: WorkingCalendar }) {
  const { t } = useTranslation();
  const { language } = useApp();
  const id = useId();
  const [thisYear] = useState(() => new Date().getFullYear());
  const [year, setYear] = useState(thisYear);
  const days = useMemo(() => holidaysOfYear(props.calendar, year), [props.calendar, year]);
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <div className="section-header">
        <h2 id={`${id}-title`}>{t('calendar.previewTitle', { year })}</h2>
        <Field label={t('calendar.previewYear')} className="inline">
          {(control) => (
            <select {...control} className="input" value={year} onChange={(event) => setYear(Number(event.target.value))}>
              {[thisYear - 1, thisYear, thisYear + 1, thisYear + 2].map((option) => (
                <option key={option} value={option}>
                  {option}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {!publicHolidaysKnown(props.calendar.publicHolidays, year) ? <p role="note">{t('calendar.publicHolidaysUnknown', { year: PUBLIC_HOLIDAYS_LAST_YEAR })}</p> : null}
      {days.length === 0 ? (
        <p>{t('calendar.previewNone', { year })}</p>
      ) : (
        <ul className="calendar-preview" aria-label={t('calendar.previewList', { year })}>
          {days.map(({ day, date, off }) => (
            <li key={day}>
              <time dateTime={date}>{dateText(date, language)}</time>{' '}
              {off.kind === 'public' ? (
                // A holiday date-holidays has no Japanese name for is named in English on the Japanese
                // page: marked so, for a screen reader's voice.
                <span lang={language === 'ja' && off.holiday.name.ja === off.holiday.name.en ? 'en' : undefined}>{off.holiday.name[language === 'ja' ? 'ja' : 'en']}</span>
              ) : (
                off.holiday.name || t('calendar.unnamed')
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
