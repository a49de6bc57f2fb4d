import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { ArticleRow } from '../../manifest/schema';
import { usePrefetchBody } from '../articles/use-archive';
import type { ArticleLocationState } from './article-location-state';

interface ArticleLinkProps {
  article: ArticleRow;
  /** The view's query string, carried into the article so previous/next follow that view. */
  search: string;
  returnTo: ArticleLocationState['returnTo'];
  /** The title as shown, e.g. with search terms marked; the plain title by default. */
  children?: ReactNode;
  id?: string;
}

/**
 * ArticleLink: a link from a list or the timeline to an article, titled with its title. The body
 * starts loading as soon as the pointer rests on the link or it takes focus.
 */
export function ArticleLink({ article, search, returnTo, children, id }: ArticleLinkProps) {
  const prefetchBody = usePrefetchBody();
  const state: ArticleLocationState = { returnTo, depth: 1 };
  return (
    <Link
      id={id}
      data-article-link
      to={{ pathname: `/articles/${article.id}`, search }}
      state={state}
      onPointerEnter={() => prefetchBody(article)}
      onFocus={() => prefetchBody(article)}
    >
      {children ?? article.title}
    </Link>
  );
}
