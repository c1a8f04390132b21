import { useTranslation } from 'react-i18next';

/**
 * What a parser or library said about a problem (English, technical: the file's schema, Yjs, the
 * PDF reader…): closed, under the message in the UI's language, for a support request.
 */
export function TechnicalDetails(props: { detail: string | null | undefined }) {
  const { t } = useTranslation();
  if (!props.detail) return null;
  return (
    <details className="problem-details">
      <summary>{t('import.technicalDetails')}</summary>
      <code lang="en">{props.detail}</code>
    </details>
  );
}
