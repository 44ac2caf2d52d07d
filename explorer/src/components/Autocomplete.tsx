import { useEffect, useId, useRef, useState } from 'react';
import { ExplorerSearchDocument, type SearchKind } from '../generated/graphql';
import { request } from '../lib/api';

export interface Suggestion {
  id: string;
  /** What the input shows: the name, with the commune for an actor (two bakeries may share a name). */
  text: string;
}

interface Props {
  label: string;
  kind: SearchKind;
  value: string;
  /** The text typed and, when it is one of the suggestions, its id. */
  onChange: (text: string, id: string | null) => void;
  placeholder?: string;
  hint?: string;
}

/**
 * A text input with suggestions from the API's `search` (a native <datalist>: keyboard and screen
 * readers handle it). Typing waits 200 ms before asking, and drops answers to older texts.
 */
export function Autocomplete({ label, kind, value, onChange, placeholder, hint }: Props) {
  const listId = useId();
  const hintId = useId();
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const latest = useRef('');
  /**
   * Whether the value comes from the user typing. A value picked from the suggestions, or restored
   * from the URL, asks nothing: a search then would only compete with the question's own answer.
   */
  const typed = useRef(false);
  useEffect(() => {
    const text = value.trim();
    latest.current = text;
    if (!typed.current) return;
    if (text.length < 2 || !/[\p{L}\p{N}]/u.test(text)) {
      setSuggestions([]);
      return;
    }
    if (suggestions.some((s) => s.text === value)) return;
    const timer = window.setTimeout(() => {
      request(ExplorerSearchDocument, { text, kinds: [kind] }).then(
        (data) => {
          if (latest.current !== text) return;
          setSuggestions(
            data.search.map((result) => ({
              id: result.id,
              text: result.hit.__typename === 'Actor' ? `${result.name} (${result.hit.commune.name})` : result.name,
            })),
          );
        },
        () => setSuggestions([]),
      );
    }, 200);
    return () => window.clearTimeout(timer);
  }, [value, kind]);

  return (
    <label>
      {label}
      <input
        type="text"
        list={listId}
        value={value}
        placeholder={placeholder}
        autoComplete="off"
        aria-describedby={hint ? hintId : undefined}
        onChange={(event) => {
          const text = event.target.value;
          typed.current = true;
          onChange(text, suggestions.find((s) => s.text === text)?.id ?? null);
        }}
      />
      {hint && (
        <small id={hintId} className="hint">
          {hint}
        </small>
      )}
      <datalist id={listId}>
        {suggestions.map((s) => (
          <option key={s.id} value={s.text} />
        ))}
      </datalist>
    </label>
  );
}
