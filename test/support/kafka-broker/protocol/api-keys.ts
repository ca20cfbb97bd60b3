export enum ApiKey {
  Produce = 0,
  Fetch = 1,
  ListOffsets = 2,
  Metadata = 3,
  OffsetCommit = 8,
  OffsetFetch = 9,
  FindCoordinator = 10,
  JoinGroup = 11,
  Heartbeat = 12,
  LeaveGroup = 13,
  SyncGroup = 14,
  ApiVersions = 18,
  CreateTopics = 19,
  DeleteTopics = 20,
}

/**
 * The one version implemented per API: the highest kafkajs 2.2.4 knows, so advertising exactly
 * it makes kafkajs pick it. None of them is a "flexible" (tagged-field) version.
 * ApiVersions itself answers v0-v2.
 */
export const SUPPORTED_VERSIONS: Readonly<Record<ApiKey, { min: number; max: number }>> = {
  [ApiKey.Produce]: { min: 7, max: 7 },
  [ApiKey.Fetch]: { min: 11, max: 11 },
  [ApiKey.ListOffsets]: { min: 3, max: 3 },
  [ApiKey.Metadata]: { min: 6, max: 6 },
  [ApiKey.OffsetCommit]: { min: 5, max: 5 },
  [ApiKey.OffsetFetch]: { min: 4, max: 4 },
  [ApiKey.FindCoordinator]: { min: 2, max: 2 },
  [ApiKey.JoinGroup]: { min: 5, max: 5 },
  [ApiKey.Heartbeat]: { min: 3, max: 3 },
  [ApiKey.LeaveGroup]: { min: 3, max: 3 },
  [ApiKey.SyncGroup]: { min: 3, max: 3 },
  [ApiKey.ApiVersions]: { min: 0, max: 2 },
  [ApiKey.CreateTopics]: { min: 3, max: 3 },
  [ApiKey.DeleteTopics]: { min: 1, max: 1 },
};
