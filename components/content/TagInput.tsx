import { useId, useState } from 'preact/hooks';
import { MAX_TAGS, MAX_TAG_LENGTH, tagKey } from '@/lib/model';
import type { Translate } from '@/lib/i18n';

interface Props {
  t: Translate;
  tags: string[];
  suggestions: string[];
  onChange: (tags: string[]) => void;
}

/** Tags as removable chips plus a text field; Enter or comma adds, suggestions come from known tags. */
export function TagInput({ t, tags, suggestions, onChange }: Props) {
  const id = useId();
  const [draft, setDraft] = useState('');
  const add = (raw: string) => {
    const name = raw.trim().replace(/\s+/g, ' ').slice(0, MAX_TAG_LENGTH);
    setDraft('');
    if (!name || tags.length >= MAX_TAGS || tags.some((x) => tagKey(x) === tagKey(name))) return;
    onChange([...tags, name]);
  };
  const known = new Set(tags.map(tagKey));
  return (
    <div class="pl-tags">
      <label for={`${id}-tag`}>{t('contentTagsLabel')}</label>
      <ul class="pl-chips">
        {tags.map((tag) => (
          <li key={tag} class="pl-chip">
            <span>{tag}</span>
            <button type="button" aria-label={t('contentRemoveTag', tag)} onClick={() => onChange(tags.filter((x) => x !== tag))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        id={`${id}-tag`}
        type="text"
        list={`${id}-suggestions`}
        value={draft}
        maxLength={MAX_TAG_LENGTH}
        placeholder={t('contentTagsPlaceholder')}
        onInput={(e) => {
          const v = e.currentTarget.value;
          if (v.includes(',')) v.split(',').slice(0, -1).forEach(add);
          setDraft(v.includes(',') ? (v.split(',').pop() ?? '') : v);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && draft.trim()) {
            e.preventDefault();
            add(draft);
          } else if (e.key === 'Backspace' && !draft && tags.length) {
            onChange(tags.slice(0, -1));
          }
        }}
        onBlur={() => draft.trim() && add(draft)}
      />
      <datalist id={`${id}-suggestions`}>
        {suggestions.filter((s) => !known.has(tagKey(s))).slice(0, 50).map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
    </div>
  );
}
