import './zod-without-eval';
import { hydrate } from '@tanstack/react-query';
import { createRoot, hydrateRoot, type RootOptions } from 'react-dom/client';
import { AppRoot, createQueryClient, routerReady } from './app/app-root';
import { readFirstScreen, releaseFirstScreen } from './app/first-screen';
import { createAppRouter } from './app/router';
import { isExplainedDataError } from './articles/api';
import './ui/styles.css';

const queryClient = createQueryClient();
const firstScreen = readFirstScreen(document, window.location);
if (firstScreen) hydrate(queryClient, firstScreen.state);
const router = createAppRouter(queryClient);
const app = <AppRoot queryClient={queryClient} router={router} />;
const container = document.getElementById('root')!;
const options: RootOptions = {
  // Failures of the archive's data are explained on the page; only real bugs belong in the console.
  onCaughtError: (error, info) => {
    if (!isExplainedDataError(error)) console.error(error, info.componentStack);
  },
};

/** renderAfresh: the app from scratch, over whatever screen the document came with. */
function renderAfresh() {
  container.replaceChildren();
  releaseFirstScreen(document);
  createRoot(container, options).render(app);
}

if (firstScreen) {
  // The prerendered rows stay on screen while the loaders run; hydrating before they are done
  // would render the loading frame over them. Should the data not be what the prerender saw (new
  // data deployed under an older page, a failed loader), the app renders afresh: no mismatch.
  void routerReady(router).then(() => {
    const cache = queryClient.getQueryCache();
    const complete = [...firstScreen.loaded, ...firstScreen.needed].every(
      (hash) => cache.get(hash)?.state.data !== undefined,
    );
    if (complete && !router.state.errors) hydrateRoot(container, app, options);
    else renderAfresh();
  });
} else {
  renderAfresh();
}
