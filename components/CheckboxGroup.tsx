/** A labelled group of checkboxes (one filter dimension: tags, colours or statuses). */
import type { ComponentChildren } from 'preact';

export interface CheckboxOption {
  value: string;
  label: string;
  /** Shown before the label (e.g. a colour swatch); decorative. */
  decoration?: ComponentChildren;
}

interface Props {
  legend: string;
  options: readonly CheckboxOption[];
  selected: readonly string[];
  onChange(selected: string[]): void;
  name: string;
}

export function CheckboxGroup({ legend, options, selected, onChange, name }: Props) {
  return (
    <fieldset class="checkbox-group">
      <legend>{legend}</legend>
      <ul class="checkbox-list">
        {options.map((o) => {
          const checked = selected.includes(o.value);
          return (
            <li key={o.value}>
              <label class="check">
                <input
                  type="checkbox"
                  name={name}
                  value={o.value}
                  checked={checked}
                  onChange={() => onChange(checked ? selected.filter((v) => v !== o.value) : [...selected, o.value])}
                />
                {o.decoration}
                <span>{o.label}</span>
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
