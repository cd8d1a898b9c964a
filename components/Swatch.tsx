/** A small square of a highlight colour. Decorative unless given a label. */
import { COLOR_HEX, type ColorName } from '../lib/model';

interface Props {
  color: ColorName;
  /** Accessible name; omit when the colour name is already written next to it. */
  label?: string;
}

export function Swatch({ color, label }: Props) {
  return label ? (
    <span class="swatch" role="img" aria-label={label} title={label} style={{ backgroundColor: COLOR_HEX[color] }} />
  ) : (
    <span class="swatch" aria-hidden="true" style={{ backgroundColor: COLOR_HEX[color] }} />
  );
}
