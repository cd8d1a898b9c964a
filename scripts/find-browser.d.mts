/** Types for find-browser.mjs (the project has no allowJs). */
export function which(name: string, envPath?: string): string | undefined;
export function findChromium(): string;
export function findFirefox(): string;
