import { useMutation, useQueryClient } from "@tanstack/react-query";
import { NavLink, Outlet, useLocation, useNavigate } from "react-router";
import { logout } from "../api/session";
import { ErrorBoundary } from "./ErrorBoundary";
import { ErrorMessage } from "./ErrorMessage";
import { navigation } from "./navigation";
import { useSession } from "./SessionContext";
import { ThemeSelect } from "./ThemeSelect";

/** The signed-in frame: header (who, theme, sign out), the navigation, and the screen. */
export function Layout() {
  const session = useSession();
  const client = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const signOut = useMutation({
    mutationFn: logout,
    onSuccess: () => {
      client.clear();
      navigate("/signin", { replace: true });
    },
  });

  return (
    <div className="shell">
      <a className="skip-link" href="#main">Skip to content</a>
      <header className="shell-header">
        <span className="brand">AIRIS EPM</span>
        <div className="header-tools">
          <ThemeSelect />
          <span className="who" aria-label="Signed in as">
            {session.name} <span className="role">{session.role}</span>
          </span>
          <button type="button" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
            Sign out
          </button>
        </div>
      </header>
      {signOut.isError && <ErrorMessage error={signOut.error} context="Sign-out failed" />}
      <nav className="shell-nav" aria-label="Main">
        {navigation
          .filter((section) => !section.visible || section.visible(session))
          .map((section, index) => (
            <section key={section.label ?? index} aria-label={section.label}>
              {section.label && <h2>{section.label}</h2>}
              <ul>
                {section.items.map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to} end={item.end ?? false}>
                      {item.label}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </section>
          ))}
      </nav>
      <main id="main" className="shell-main" tabIndex={-1}>
        <ErrorBoundary resetKey={location.pathname}>
          <Outlet />
        </ErrorBoundary>
      </main>
    </div>
  );
}
