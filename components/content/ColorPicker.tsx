import { COLORS, COLOR_HEX, type ColorName } from '@/lib/model';
import type { Translate } from '@/lib/i18n';
import { COLOR_LABEL } from '../labels';

interface Props {
  t: Translate;
  /** Selected colour (radio behaviour) or null for plain buttons (toolbar: a click creates). */
  selected: ColorName | null;
  onPick: (color: ColorName) => void;
}

/**
 * The colour choice. In the toolbar each colour is a button (one click highlights); in a card
 * it is a radio group, moved through with the arrow keys.
 */
export function ColorPicker({ t, selected, onPick }: Props) {
  if (selected === null) {
    return (
      <div class="pl-colors" role="group" aria-label={t('contentColorGroup')}>
        {COLORS.map((c) => (
          <button type="button" class="pl-swatch" style={{ background: COLOR_HEX[c] }} aria-label={t(COLOR_LABEL[c])} title={t(COLOR_LABEL[c])} onClick={() => onPick(c)} />
        ))}
      </div>
    );
  }
  const move = (e: KeyboardEvent, c: ColorName) => {
    const delta = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 0;
    if (!delta) return;
    e.preventDefault();
    const next = COLORS[(COLORS.indexOf(c) + delta + COLORS.length) % COLORS.length]!;
    onPick(next);
    const group = (e.currentTarget as HTMLElement).parentElement;
    (group?.querySelector(`[data-color="${next}"]`) as HTMLElement | null)?.focus();
  };
  return (
    <div class="pl-colors" role="radiogroup" aria-label={t('contentColorGroup')}>
      {COLORS.map((c) => (
        <button
          type="button"
          role="radio"
          data-color={c}
          class="pl-swatch"
          style={{ background: COLOR_HEX[c] }}
          aria-checked={c === selected}
          tabIndex={c === selected ? 0 : -1}
          aria-label={t(COLOR_LABEL[c])}
          title={t(COLOR_LABEL[c])}
          onClick={() => onPick(c)}
          onKeyDown={(e) => move(e, c)}
        />
      ))}
    </div>
  );
}
