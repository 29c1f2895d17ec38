import { useRef } from 'react';
import { useHotkey } from './useHotkey';

/** The search field of a list page: "/" or Ctrl+K focuses it, Esc clears it, Enter can open the only match. */
export function SearchBox({
  label,
  placeholder,
  value,
  onChange,
  onEnter,
}: {
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  onEnter?: () => void;
}) {
  const ref = useRef<HTMLInputElement>(null);
  useHotkey('/', () => ref.current?.focus());
  useHotkey('mod+k', () => ref.current?.focus());
  return (
    <input
      ref={ref}
      className="search"
      type="search"
      placeholder={placeholder}
      aria-label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onChange('');
        if (e.key === 'Enter') onEnter?.();
      }}
    />
  );
}
