import type { IncidentStatus } from "../../api/alerts";

/** The badge colour of an incident's status. */
export const statusTone = (status: IncidentStatus) => (status === "triggered" ? "bad" : status === "acknowledged" ? "warn" : "ok");
