import { QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { MemoryRouter, useLocation } from "react-router";
import { createQueryClient } from "../api/queryClient";
import type { Session } from "../api/session";
import { AppRoutes } from "../routes";
import { SessionContext } from "../shell/SessionContext";
import { ThemeProvider } from "../shell/theme";

export const viewer: Session = { name: "vera", role: "viewer", permissions: ["metrics:read", "logs:read", "traces:read", "alerts:read"], methods: ["local"] };
export const editor: Session = { ...viewer, name: "eddie", role: "editor", permissions: [...viewer.permissions, "alerts:write"] };
export const admin: Session = { ...viewer, name: "ada", role: "admin", permissions: [...editor.permissions, "admin"] };

/** Shows the router's current address, so tests can assert on URL state. */
export function LocationProbe() {
  const location = useLocation();
  return <output data-testid="location">{location.pathname + location.search}</output>;
}

export function currentUrl(): URL {
  const text = document.querySelector('[data-testid="location"]')?.textContent ?? "/";
  return new URL(text, "http://console.test");
}

/** The whole app (routes, shell, session) at an address, with fetch mocked by the caller. */
export function renderApp(path: string) {
  const client = createQueryClient();
  const result = render(
    <QueryClientProvider client={client}>
      <ThemeProvider>
        <MemoryRouter initialEntries={[path]}>
          <AppRoutes />
          <LocationProbe />
        </MemoryRouter>
      </ThemeProvider>
    </QueryClientProvider>,
  );
  return { ...result, client };
}

/** One screen or component with a signed-in person, a router at an address and a fresh QueryClient. */
export function renderScreen(ui: ReactElement, { path = "/", session = editor }: { path?: string; session?: Session } = {}) {
  const client = createQueryClient();
  const result = render(
    <QueryClientProvider client={client}>
      <ThemeProvider>
        <SessionContext.Provider value={session}>
          <MemoryRouter initialEntries={[path]}>
            {ui}
            <LocationProbe />
          </MemoryRouter>
        </SessionContext.Provider>
      </ThemeProvider>
    </QueryClientProvider>,
  );
  return { ...result, client };
}
