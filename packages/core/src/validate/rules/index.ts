import { accessOnlyDevelopment, sshKeysArePublic, subscriptionComplete, subscriptionOnlyRhel } from './access-rules';
import {
  agentDistroTested,
  agentReleaseKnown,
  agentSourceAvailable,
  agentSourceFields,
  offlineAgentDependencies,
  runtimeMatchesAgent,
} from './agent-rules';
import {
  apparmorOnDeb,
  archSupported,
  imageSourceFits,
  securityUpdatesOff,
  initAvailable,
  releaseKnown,
  releaseNotEol,
  selinuxOnRpm,
} from './base-rules';
import {
  autostartDiscouraged,
  datastoreInAgent,
  datastoreSupported,
  datastoreVersionKnown,
  imagesOnlyContainer,
  nativeOnlyFields,
  vendorPackageFits,
} from './datastore-rules';
import { filesExist, sha256Required } from './file-rules';
import { agentDefectsWarned, packagedImageAvailable, servedOnce, servedOnlyContainer } from './served-rules';
import { environmentKeepsHostIntact, noPrivateKeys, secretsOutsideDibVariables } from './leak-rules';
import type { Rule } from './rule';
import {
  configDriveForNovaFiles,
  datasourcesIncludeOpenStack,
  environmentAllowed,
  extraElementsAllowed,
  repositoriesFitFamily,
} from './system-rules';

export type { Rule, RuleContext } from './rule';

/** Pass 2 of validation, in the order their messages read best. */
export const RULES: readonly Rule[] = [
  releaseKnown,
  archSupported,
  releaseNotEol,
  securityUpdatesOff,
  imageSourceFits,
  initAvailable,
  selinuxOnRpm,
  apparmorOnDeb,
  agentSourceFields,
  agentReleaseKnown,
  agentSourceAvailable,
  runtimeMatchesAgent,
  agentDistroTested,
  offlineAgentDependencies,
  datastoreInAgent,
  datastoreSupported,
  datastoreVersionKnown,
  vendorPackageFits,
  imagesOnlyContainer,
  nativeOnlyFields,
  autostartDiscouraged,
  servedOnlyContainer,
  packagedImageAvailable,
  servedOnce,
  agentDefectsWarned,
  accessOnlyDevelopment,
  sshKeysArePublic,
  subscriptionOnlyRhel,
  subscriptionComplete,
  sha256Required,
  filesExist,
  configDriveForNovaFiles,
  datasourcesIncludeOpenStack,
  repositoriesFitFamily,
  environmentAllowed,
  environmentKeepsHostIntact,
  secretsOutsideDibVariables,
  noPrivateKeys,
  extraElementsAllowed,
];
