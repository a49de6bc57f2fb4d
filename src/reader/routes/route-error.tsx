import { useQueryClient } from '@tanstack/react-query';
import { Link, useRevalidator, useRouteError } from 'react-router';
import { ArticleNotFoundError } from '../articles/loaders';
import { useI18n } from '../i18n/i18n';
import { ErrorView } from '../ui/error-view';
import { useDocumentTitle } from '../ui/use-document-title';
import { describeError } from './describe-error';

/** RouteError: every route's error element — not-found for unknown ids, else a retryable error. */
export function RouteError() {
  const error = useRouteError();
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const revalidator = useRevalidator();
  const notFound = error instanceof ArticleNotFoundError;
  useDocumentTitle(notFound ? t.articleNotFoundTitle : t.errorTitle);

  if (notFound) {
    return (
      <ErrorView
        title={t.articleNotFoundTitle}
        role="status"
        actions={<Link to="/">{t.goToList}</Link>}
      >
        <p>{t.articleNotFoundBody(error.id)}</p>
      </ErrorView>
    );
  }
  const { message, detail } = describeError(error, t, 'archive');
  return (
    <ErrorView
      title={t.errorTitle}
      actions={
        <>
          <button
            type="button"
            className="button"
            onClick={() => {
              // Failed queries are not cached as data; dropping them makes the retry refetch.
              void queryClient.resetQueries().then(() => revalidator.revalidate());
            }}
          >
            {t.retry}
          </button>
          <Link to="/">{t.goToList}</Link>
        </>
      }
    >
      <p>{message}</p>
      {detail && <pre className="error-detail">{detail}</pre>}
    </ErrorView>
  );
}
