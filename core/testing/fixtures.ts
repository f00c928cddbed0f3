/** Test data shared by the store contract suite and the service tests. */

/** A verified NIST Purge, as the warehouse records it. */
export const WIPE = {
  method: 'purge' as const,
  technique: 'Kryptografisk sletning',
  mediaType: 'ssd' as const,
  tool: 'Blancco Drive Eraser',
  toolVersion: '7.9.1',
  verificationMethod: 'full' as const,
  verified: true,
  verifierName: 'Lars Nielsen',
};
