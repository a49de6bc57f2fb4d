import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n';
import { ErrorView } from '../ui/error-view';
import { useDocumentTitle } from '../ui/use-document-title';

export function NotFoundRoute() {
  const { t } = useI18n();
  useDocumentTitle(t.notFoundTitle);
  return (
    <ErrorView title={t.notFoundTitle} role="status" actions={<Link to="/">{t.goToList}</Link>}>
      <p>{t.notFoundBody}</p>
    </ErrorView>
  );
}
