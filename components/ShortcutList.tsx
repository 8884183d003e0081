import { shortcutLines } from '@/lib/ui/shortcuts';

/** The keyboard walk's keys and what each does, for the popup and the card's help (each styles it). */
export function ShortcutList({ class: className }: { class?: string }) {
  return (
    <dl class={className ?? 'shortcut-list'}>
      {shortcutLines().map((line) => (
        <div key={line.keys}>
          <dt>
            <kbd>{line.keys}</kbd>
          </dt>
          <dd>{line.does}</dd>
        </div>
      ))}
    </dl>
  );
}
