import { accentBaseColor, baseLayerLuminance, SwatchRGB } from '@fluentui/web-components';
import type { Theme } from './teams-host.js';

// Luminance of the base layer: Teams' light, dark and high-contrast backgrounds.
const luminance: Record<Theme, number> = { default: 0.98, dark: 0.12, contrast: 0 };

/** Applies a Teams theme through Fluent's design tokens; our own CSS reads the same tokens. */
export function applyTheme(theme: Theme): void {
  const root = document.body;
  baseLayerLuminance.setValueFor(root, luminance[theme]);
  accentBaseColor.setValueFor(root, theme === 'contrast' ? SwatchRGB.create(1, 1, 0) : theme === 'dark' ? SwatchRGB.create(0.498, 0.522, 0.961) : SwatchRGB.create(0.357, 0.373, 0.78));
  document.documentElement.dataset.theme = theme;
}
