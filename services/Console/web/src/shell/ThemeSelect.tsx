import { useTheme, type ThemeChoice } from "./theme";

export function ThemeSelect() {
  const { choice, setChoice } = useTheme();
  return (
    <label className="theme-select">
      Theme
      <select value={choice} onChange={(e) => setChoice(e.target.value as ThemeChoice)}>
        <option value="system">System</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </label>
  );
}
