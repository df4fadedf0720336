import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ThemeSelect } from "./ThemeSelect";
import { ThemeProvider, themeStorageKey } from "./theme";

function stubSystem(dark: boolean) {
  const listeners: Array<() => void> = [];
  const media = { matches: dark, addEventListener: (_: string, l: () => void) => listeners.push(l), removeEventListener: () => {} };
  vi.stubGlobal("matchMedia", () => media);
  return {
    change(next: boolean) {
      media.matches = next;
      listeners.forEach((l) => l());
    },
  };
}

afterEach(() => localStorage.clear());

test("without a choice the system's preference applies, and follows it", async () => {
  const system = stubSystem(true);
  render(<ThemeProvider><ThemeSelect /></ThemeProvider>);
  expect(document.documentElement.dataset.theme).toBe("dark");
  expect(screen.getByLabelText("Theme")).toHaveValue("system");
  const { act } = await import("@testing-library/react");
  act(() => system.change(false));
  expect(document.documentElement.dataset.theme).toBe("light");
});

test("a choice is applied and kept for the next visit", async () => {
  stubSystem(false);
  const { unmount } = render(<ThemeProvider><ThemeSelect /></ThemeProvider>);
  await userEvent.selectOptions(screen.getByLabelText("Theme"), "dark");
  expect(document.documentElement.dataset.theme).toBe("dark");
  expect(localStorage.getItem(themeStorageKey)).toBe("dark");
  unmount();

  render(<ThemeProvider><ThemeSelect /></ThemeProvider>);
  expect(screen.getByLabelText("Theme")).toHaveValue("dark");
  await userEvent.selectOptions(screen.getByLabelText("Theme"), "system");
  expect(localStorage.getItem(themeStorageKey)).toBeNull();
  expect(document.documentElement.dataset.theme).toBe("light");
});
