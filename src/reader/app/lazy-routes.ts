/** The views loaded as chunks of their own: the article view brings the sanitizer (DOMPurify). */
export const loadArticleRoute = () => import('../routes/article-route');
