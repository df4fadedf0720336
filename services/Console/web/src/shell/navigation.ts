import { isAdmin, type Session } from "../api/session";

export interface NavItem {
  to: string;
  label: string;
  /** Match the path exactly (the Overview at "/"). */
  end?: boolean;
}

export interface NavSection {
  label?: string;
  items: NavItem[];
  visible?(session: Session): boolean;
}

/** The console's navigation: every screen, grouped as the sidebar shows it. */
export const navigation: NavSection[] = [
  {
    items: [
      { to: "/", label: "Overview", end: true },
      { to: "/explore/metrics", label: "Metrics" },
      { to: "/dashboards", label: "Dashboards" },
    ],
  },
  {
    label: "Alerts",
    items: [
      { to: "/alerts", label: "Groups", end: true },
      { to: "/alerts/silences", label: "Silences" },
      { to: "/alerts/rules", label: "Rules" },
      { to: "/alerts/incidents", label: "Incidents" },
      { to: "/alerts/notifications", label: "Notifications" },
    ],
  },
  { items: [{ to: "/sla", label: "SLA" }] },
  { items: [{ to: "/dapr", label: "Dapr" }], visible: isAdmin },
  {
    label: "Explore",
    items: [
      { to: "/logs", label: "Logs" },
      { to: "/traces", label: "Traces" },
      { to: "/service-map", label: "Service map" },
    ],
  },
  { label: "Admin", items: [{ to: "/admin/users", label: "Users" }], visible: isAdmin },
];
