import type { ReactNode } from 'react';

interface ErrorViewProps {
  title: string;
  children: ReactNode;
  /** Ways on: retry, a link home. */
  actions: ReactNode;
  /** `alert` for failures, `status` for plain not-found pages. */
  role?: 'alert' | 'status';
}

/** ErrorView: what went wrong, in words, and a way on — never a blank page. */
export function ErrorView({ title, children, actions, role = 'alert' }: ErrorViewProps) {
  return (
    <section className="error-view" role={role} aria-labelledby="error-view-title">
      <h1 id="error-view-title">{title}</h1>
      <div className="error-view__body">{children}</div>
      <div className="error-view__actions">{actions}</div>
    </section>
  );
}
