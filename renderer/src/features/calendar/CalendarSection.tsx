import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useApp } from '../../app/AppContext';
import { loadCalendar } from './calendarStore';
import { calendarSentence } from './format';

/** Workspace page section: the working calendar in one sentence, and the way to edit it. */
export function CalendarSection(props: { workspaceId: string }) {
  const { t } = useTranslation();
  const { language } = useApp();
  const stored = useLiveQuery(() => loadCalendar(props.workspaceId, language), [props.workspaceId, language]);
  return (
    <section aria-labelledby="calendar-section-title" className="card">
      <div className="section-header">
        <h2 id="calendar-section-title">{t('calendar.section')}</h2>
        <div className="toolbar">
          <Link href={`/w/${props.workspaceId}/calendar`} className="button primary">
            {t('calendar.open')}
          </Link>
        </div>
      </div>
      <p className="muted">{t('calendar.sectionIntro')}</p>
      {stored === undefined ? null : (
        <>
          <p data-testid="calendar-summary">{calendarSentence(t, language, stored.calendar)}</p>
          {stored.saved ? null : <p className="muted">{t('calendar.sectionDefault')}</p>}
        </>
      )}
    </section>
  );
}
