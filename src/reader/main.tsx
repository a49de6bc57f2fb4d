import './zod-without-eval';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { createAppRouter } from './app/router';
import { DataNetworkError, isExplainedDataError } from './articles/api';
import { I18nProvider } from './i18n/i18n';
import './ui/styles.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A missing or invalid file will not fix itself on a quick retry; a dropped connection may.
      retry: (failureCount, error) => failureCount < 1 && error instanceof DataNetworkError,
      retryDelay: 500,
      refetchOnWindowFocus: false,
    },
  },
});
const router = createAppRouter(queryClient);

createRoot(document.getElementById('root')!, {
  // Failures of the archive's data are explained on the page; only real bugs belong in the console.
  onCaughtError: (error, info) => {
    if (!isExplainedDataError(error)) console.error(error, info.componentStack);
  },
}).render(
  <StrictMode>
    <I18nProvider>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </I18nProvider>
  </StrictMode>,
);
