/**
 * An on/off switch: a button with role="switch", so screen readers say "on"/"off" and Space or
 * Enter toggles it, styled in controls.css.
 */
export function Switch({
  checked,
  onChange,
  label,
  description,
  disabled = false,
  id,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  label: string;
  description?: string;
  disabled?: boolean;
  id?: string;
}) {
  const descriptionId = id && description ? `${id}-description` : undefined;
  return (
    <div class="switch-row">
      <button
        type="button"
        role="switch"
        id={id}
        class="switch"
        aria-checked={checked}
        aria-describedby={descriptionId}
        disabled={disabled}
        onClick={() => onChange(!checked)}
      >
        <span class="switch-track" aria-hidden="true">
          <span class="switch-thumb" />
        </span>
        <span class="switch-label">{label}</span>
      </button>
      {description && (
        <p class="muted switch-description" id={descriptionId}>
          {description}
        </p>
      )}
    </div>
  );
}
