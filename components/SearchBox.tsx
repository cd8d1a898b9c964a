/** The search field: words anywhere in quote, note, tags or page title. */
import { useUi } from './ui-context';

interface Props {
  value: string;
  onInput(value: string): void;
  id: string;
}

export function SearchBox({ value, onInput, id }: Props) {
  const { t } = useUi();
  return (
    <div class="search" role="search">
      <label for={id}>{t('popupSearchLabel')}</label>
      <input
        id={id}
        type="search"
        value={value}
        placeholder={t('popupSearchPlaceholder')}
        autocomplete="off"
        spellcheck={false}
        maxLength={500}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
    </div>
  );
}
