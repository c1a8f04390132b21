import { useTranslation } from 'react-i18next';

/** What the PDF reader said about a file (English, technical): closed, under the verdict, for a support request. */
export function TechnicalDetails(props: { detail: string | undefined }) {
  const { t } = useTranslation();
  if (!props.detail) return null;
  return (
    <details className="problem-details">
      <summary>{t('import.technicalDetails')}</summary>
      <code lang="en">{props.detail}</code>
    </details>
  );
}
