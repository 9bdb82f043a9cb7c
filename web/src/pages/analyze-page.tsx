/** Analyze: paste text, upload a .txt/.html file, or give a URL; the stored result opens in the article view. */
import { useState } from 'preact/hooks';
import { apiPost } from '../api/client.js';
import type { AnalyzeResponse } from '../api/types.js';
import { ApiError } from '../api/client.js';
import { useErrors } from '../components/errors.js';
import { binaryFileMessage, binaryKind, SNIFF_BYTES } from '../lib/file-kind.js';
import { articlePath } from '../lib/routes.js';
import { isHttpUrl } from '../lib/url.js';
import { navigate } from '../router.js';

type Mode = 'text' | 'file' | 'url';
const MODES: readonly { id: Mode; label: string }[] = [
  { id: 'text', label: 'Paste text' },
  { id: 'file', label: 'Upload a file' },
  { id: 'url', label: 'From a URL' },
];

/** The request body for the chosen input, or a message saying what is missing. */
async function bodyOf(mode: Mode, text: string, file: File | null, url: string): Promise<Record<string, string> | string> {
  if (mode === 'text') return text.trim() ? { text } : 'Paste the article text first.';
  if (mode === 'url') return isHttpUrl(url.trim()) ? { url: url.trim() } : 'Give an http:// or https:// address.';
  if (!file) return 'Choose a .txt or .html file first.';
  // A PDF or an image is refused here, by name, before anything is sent.
  const kind = binaryKind(new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer()));
  if (kind !== null) return binaryFileMessage(file.name, kind);
  const content = await file.text();
  return /\.html?$/i.test(file.name) || /^\s*<(!doctype|html)/i.test(content) ? { html: content } : { text: content };
}

function Metadata(props: { meta: Record<string, string>; onChange: (key: string, value: string) => void }) {
  const field = (key: string, label: string, date = false) => (
    <div class="field">
      <label for={`meta-${key}`}>{label}</label>
      {date ? (
        <input id={`meta-${key}`} type="date" value={props.meta[key] ?? ''} onInput={(e) => props.onChange(key, e.currentTarget.value)} />
      ) : (
        <input id={`meta-${key}`} type="text" value={props.meta[key] ?? ''} onInput={(e) => props.onChange(key, e.currentTarget.value)} />
      )}
    </div>
  );
  return (
    <details class="metadata">
      <summary>Title, outlet and date (optional)</summary>
      <div class="field-row">
        {field('title', 'Title')}
        {field('site', 'Outlet')}
        {field('published', 'Published', true)}
      </div>
    </details>
  );
}

/** The analyze page. */
export function AnalyzePage() {
  const errors = useErrors();
  const [mode, setMode] = useState<Mode>('text');
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [url, setUrl] = useState('');
  const [meta, setMeta] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');

  const submit = async (event: Event) => {
    event.preventDefault();
    setProblem('');
    errors.clear();
    const body = await bodyOf(mode, text, file, url);
    if (typeof body === 'string') return setProblem(body);
    const extra = Object.fromEntries(Object.entries(meta).filter(([, v]) => v.trim() !== ''));
    setBusy(true);
    try {
      const res = await apiPost<AnalyzeResponse>('/api/analyze?store=true', { ...body, ...extra });
      if (res.documentId === null) throw new Error('The server did not store the article.');
      navigate(articlePath(res.documentId));
    } catch (err) {
      // The server's own binary check names the JSON field; the reader knows the file by its name.
      if (mode === 'file' && file && err instanceof ApiError && err.code === 'E_INPUT_BINARY') setProblem(binaryFileMessage(file.name, 'binary'));
      else errors.show(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="analyze">
      <h1 tabIndex={-1}>Analyze an article</h1>
      <p class="lede">
        claimtrace marks the claims, who they are attributed to, the figures and their bounds, and persuasion techniques. It
        never says what is true: you review each claim and record a verdict.
      </p>
      <form onSubmit={submit} aria-busy={busy}>
        <fieldset class="mode-switch">
          <legend>Article source</legend>
          {MODES.map((m) => (
            <label key={m.id} class={mode === m.id ? 'is-active' : undefined}>
              <input type="radio" name="mode" value={m.id} checked={mode === m.id} onChange={() => setMode(m.id)} />
              {m.label}
            </label>
          ))}
        </fieldset>
        {mode === 'text' && (
          <div class="field">
            <label for="analyze-text">Article text</label>
            <textarea id="analyze-text" rows={14} value={text} onInput={(e) => setText(e.currentTarget.value)} data-testid="analyze-text" spellcheck={false} />
          </div>
        )}
        {mode === 'file' && (
          <div class="field">
            <label for="analyze-file">Text or HTML file</label>
            <input id="analyze-file" type="file" accept=".txt,.text,.html,.htm,text/plain,text/html" onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} data-testid="analyze-file" />
            <p class="hint">Read in your browser and sent to this server only.</p>
          </div>
        )}
        {mode === 'url' && (
          <div class="field">
            <label for="analyze-url">Article address</label>
            <input id="analyze-url" type="url" inputMode="url" placeholder="https://" value={url} onInput={(e) => setUrl(e.currentTarget.value)} data-testid="analyze-url" />
            <p class="hint">The server fetches public pages only; private and local addresses are refused.</p>
          </div>
        )}
        <Metadata meta={meta} onChange={(key, value) => setMeta({ ...meta, [key]: value })} />
        {problem && (
          <p class="form-problem" role="status" data-testid="form-problem">
            {problem}
          </p>
        )}
        <button type="submit" class="primary" disabled={busy} data-testid="analyze-submit">
          {busy ? 'Analyzing…' : 'Analyze'}
        </button>
      </form>
    </section>
  );
}
