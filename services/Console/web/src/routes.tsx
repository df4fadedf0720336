import { lazy, Suspense, type ComponentType } from "react";
import { Route, Routes } from "react-router";
import { NotFoundPage } from "./pages/NotFound/NotFoundPage";
import { SignInPage } from "./pages/SignIn/SignInPage";
import { Layout } from "./shell/Layout";
import { SessionGate } from "./shell/SessionGate";

/** Each screen is its own chunk: the sign-in page and the shell do not wait for CodeMirror or uPlot. */
function screen(load: () => Promise<{ [name: string]: ComponentType }>, name: string) {
  const Screen = lazy(async () => ({ default: (await load())[name]! }));
  return (
    <Suspense fallback={<p className="loading">Loading…</p>}>
      <Screen />
    </Suspense>
  );
}

const overview = () => import("./pages/Overview/OverviewPage");
const metrics = () => import("./pages/Metrics/MetricsExplorerPage");
const dashboards = () => import("./pages/Dashboards/DashboardsListPage");
const dashboard = () => import("./pages/Dashboards/DashboardPage");
const importDashboard = () => import("./pages/Dashboards/ImportDashboardPage");
const users = () => import("./pages/Admin/UsersPage");
const alertGroups = () => import("./pages/Alerts/AlertGroupsPage");
const silences = () => import("./pages/Alerts/SilencesPage");
const silenceEditor = () => import("./pages/Alerts/SilenceEditorPage");
const rules = () => import("./pages/Alerts/RulesPage");
const ruleEditor = () => import("./pages/Alerts/RuleEditorPage");
const incidents = () => import("./pages/Alerts/IncidentsPage");
const incident = () => import("./pages/Alerts/IncidentPage");
const notifications = () => import("./pages/Alerts/NotificationsPage");
const sla = () => import("./pages/Sla/SlaPage");
const dapr = () => import("./pages/Dapr/DaprPage");
const traceSearch = () => import("./pages/Traces/TraceSearchPage");
const trace = () => import("./pages/Traces/TracePage");
const bottlenecks = () => import("./pages/Traces/BottlenecksPage");
const logs = () => import("./pages/Logs/LogsExplorerPage");
const serviceMap = () => import("./pages/ServiceMap/ServiceMapPage");

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
        <Route index element={screen(overview, "OverviewPage")} />
        {/* Not /metrics: that path is the console's own Prometheus endpoint, which metrics-service scrapes. */}
        <Route path="/explore/metrics" element={screen(metrics, "MetricsExplorerPage")} />
        <Route path="/dashboards" element={screen(dashboards, "DashboardsListPage")} />
        <Route path="/dashboards/import" element={screen(importDashboard, "ImportDashboardPage")} />
        <Route path="/dashboards/:id" element={screen(dashboard, "DashboardPage")} />
        <Route path="/alerts" element={screen(alertGroups, "AlertGroupsPage")} />
        <Route path="/alerts/silences" element={screen(silences, "SilencesPage")} />
        <Route path="/alerts/silences/new" element={screen(silenceEditor, "SilenceEditorPage")} />
        <Route path="/alerts/silences/:id" element={screen(silenceEditor, "SilenceEditorPage")} />
        <Route path="/alerts/rules" element={screen(rules, "RulesPage")} />
        <Route path="/alerts/rules/new" element={screen(ruleEditor, "RuleEditorPage")} />
        <Route path="/alerts/rules/:id" element={screen(ruleEditor, "RuleEditorPage")} />
        <Route path="/alerts/incidents" element={screen(incidents, "IncidentsPage")} />
        <Route path="/alerts/incidents/:id" element={screen(incident, "IncidentPage")} />
        <Route path="/alerts/notifications" element={screen(notifications, "NotificationsPage")} />
        <Route path="/sla" element={screen(sla, "SlaPage")} />
        <Route path="/dapr" element={screen(dapr, "DaprPage")} />
        <Route path="/logs" element={screen(logs, "LogsExplorerPage")} />
        <Route path="/service-map" element={screen(serviceMap, "ServiceMapPage")} />
        <Route path="/admin/users" element={screen(users, "UsersPage")} />
        <Route path="/traces" element={screen(traceSearch, "TraceSearchPage")} />
        <Route path="/traces/bottlenecks" element={screen(bottlenecks, "BottlenecksPage")} />
        <Route path="/traces/:traceId" element={screen(trace, "TracePage")} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
