/** One alert region for the whole app: API errors with their code, and the token field when writes need one. */
import { createContext } from 'preact';
import { useContext, useState } from 'preact/hooks';
import { ApiError, getToken, setToken } from '../api/client.js';

/** What pages use to show or clear the current error. */
export interface ErrorSink {
  readonly error: ApiError | null;
  show(err: unknown): void;
  clear(): void;
}

/** The app's error sink. */
export const ErrorContext = createContext<ErrorSink>({ error: null, show: () => {}, clear: () => {} });

/** The error sink of the enclosing app. */
export function useErrors(): ErrorSink {
  return useContext(ErrorContext);
}

/** Any thrown value as an ApiError (a bug in the app shows as E_APP). */
export function asApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  return new ApiError('E_APP', err instanceof Error ? err.message : String(err), 0);
}

function TokenField(props: { onSaved: () => void }) {
  const [value, setValue] = useState(getToken() ?? '');
  const save = (event: Event) => {
    event.preventDefault();
    setToken(value.trim());
    props.onSaved();
  };
  return (
    <form class="token-form" onSubmit={save}>
      <label for="token-input">Access token for this server</label>
      <input id="token-input" type="password" autoComplete="off" value={value} onInput={(e) => setValue(e.currentTarget.value)} data-testid="token-input" />
      <button type="submit">Use token</button>
      <p class="hint">Kept for this browser session only. Then repeat what you were doing.</p>
    </form>
  );
}

/** The alert region (always present, empty when there is no error, so screen readers announce changes). */
export function ErrorAlert(props: { sink: ErrorSink }) {
  const { error } = props.sink;
  return (
    <div class={error ? 'alert' : 'alert is-empty'} role="alert" data-testid="error-alert">
      {error && (
        <>
          <p>
            <strong class="alert-code">{error.code}</strong> {error.message}
          </p>
          {error.code === 'E_UNAUTHORIZED' && <TokenField onSaved={props.sink.clear} />}
          <button type="button" class="link-button" onClick={props.sink.clear}>
            Dismiss
          </button>
        </>
      )}
    </div>
  );
}
