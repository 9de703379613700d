export type ThemeChoice = "light" | "dark" | "system";

export const THEME_STORAGE_KEY = "promptly-theme";

/** Inline script for <head>: applies the saved theme, or the system's, before first paint. */
export const themeInitScript = `(function(){try{var c=localStorage.getItem("${THEME_STORAGE_KEY}")||"system";var d=c==="dark"||(c==="system"&&matchMedia("(prefers-color-scheme: dark)").matches);document.documentElement.classList.toggle("dark",d);document.documentElement.dataset.theme=c;}catch(e){}})();`;

export function applyTheme(choice: ThemeChoice): void {
  const dark = choice === "dark" || (choice === "system" && window.matchMedia("(prefers-color-scheme: dark)").matches);
  document.documentElement.classList.toggle("dark", dark);
  document.documentElement.dataset.theme = choice;
  localStorage.setItem(THEME_STORAGE_KEY, choice);
}
