import { Route, Routes } from "react-router";
import { DashboardPage } from "./pages/Dashboards/DashboardPage";
import { DashboardsListPage } from "./pages/Dashboards/DashboardsListPage";
import { ImportDashboardPage } from "./pages/Dashboards/ImportDashboardPage";
import { MetricsExplorerPage } from "./pages/Metrics/MetricsExplorerPage";
import { OverviewPage } from "./pages/Overview/OverviewPage";
import { ComingSoonPage } from "./pages/ComingSoon/ComingSoonPage";
import { NotFoundPage } from "./pages/NotFound/NotFoundPage";
import { SignInPage } from "./pages/SignIn/SignInPage";
import { Layout } from "./shell/Layout";
import { comingSoon } from "./shell/navigation";
import { SessionGate } from "./shell/SessionGate";

/** Every screen and its address; each screen keeps its own state in the query string. */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/signin" element={<SignInPage />} />
      <Route
        element={
          <SessionGate>
            <Layout />
          </SessionGate>
        }
      >
        <Route index element={<OverviewPage />} />
        <Route path="/metrics" element={<MetricsExplorerPage />} />
        <Route path="/dashboards" element={<DashboardsListPage />} />
        <Route path="/dashboards/import" element={<ImportDashboardPage />} />
        <Route path="/dashboards/:id" element={<DashboardPage />} />
        {Object.entries(comingSoon).map(([path, title]) => (
          <Route key={path} path={path} element={<ComingSoonPage title={title} />} />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
