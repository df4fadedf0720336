import { getJson } from "./client";

/** daprd's GET /v1.0/metadata as it writes it (pkg/api/http/metadata.go; omitempty leaves empty lists out). */
export interface DaprMetadata {
  id: string;
  runtimeVersion?: string;
  enabledFeatures?: string[];
  actors?: { type: string; count: number }[];
  components?: { name: string; type: string; version?: string; capabilities?: string[] }[];
  subscriptions?: {
    pubsubname: string;
    topic: string;
    rules?: { match?: string; path?: string }[];
    deadLetterTopic?: string;
    type?: string;
    metadata?: Record<string, string>;
  }[];
  httpEndpoints?: { name: string }[];
  extended?: Record<string, string>;
  appConnectionProperties?: {
    port?: number;
    protocol?: string;
    channelAddress?: string;
    maxConcurrency?: number;
    health?: { healthCheckPath?: string; healthProbeInterval?: string; healthProbeTimeout?: string; healthThreshold?: number };
  };
  actorRuntime?: { runtimeStatus?: string; activeActors?: { type: string; count: number }[]; hostReady?: boolean; placement?: string };
}

/** One row of GET /api/dapr: the app's sidecar metadata, or why it could not be read. */
export interface DaprEntry {
  appId: string;
  metadata: DaprMetadata | null;
  error: string | null;
}

export const listDapr = (signal?: AbortSignal) => getJson<DaprEntry[]>("/api/dapr", { signal });
