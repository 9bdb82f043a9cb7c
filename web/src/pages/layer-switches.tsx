/** The layer checkboxes, each with a swatch of how the layer looks. */
import type { LayerName } from '../lib/segments.js';
import { LAYER_NAMES } from '../lib/segments.js';

const LABELS: Record<LayerName, { label: string; swatch: string; hint: string }> = {
  claims: { label: 'Claims', swatch: 'sw-claim', hint: 'shaded by check-worthiness' },
  sources: { label: 'Sources', swatch: 'sw-source', hint: 'underlined by grade; cue in italics' },
  figures: { label: 'Figures', swatch: 'sw-figure', hint: 'boxed, with their bounds' },
  techniques: { label: 'Techniques', swatch: 'sw-technique', hint: 'wavy underline' },
  findings: { label: 'Findings', swatch: 'sw-finding', hint: 'bar above the words' },
};

/** Checkboxes for the highlight layers (data-testid `layer-<name>`). */
export function LayerSwitches(props: { layers: ReadonlySet<LayerName>; onChange: (layers: Set<LayerName>) => void }) {
  const toggle = (name: LayerName, on: boolean) => {
    const next = new Set(props.layers);
    if (on) next.add(name);
    else next.delete(name);
    props.onChange(next);
  };
  return (
    <fieldset class="layers">
      <legend>Show</legend>
      {LAYER_NAMES.map((name) => (
        <label key={name} title={LABELS[name].hint}>
          <input type="checkbox" checked={props.layers.has(name)} onChange={(e) => toggle(name, e.currentTarget.checked)} data-testid={`layer-${name}`} />
          <span class={`swatch ${LABELS[name].swatch}`} aria-hidden="true">
            Ab
          </span>
          {LABELS[name].label}
        </label>
      ))}
    </fieldset>
  );
}
