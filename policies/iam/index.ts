/**
 * IAM: administrator access in every spelling (managed policy attached through any attachment
 * resource or a role's managedPolicyArns, or an equivalent inline / customer-managed document),
 * wildcard actions, GitHub OIDC trust pinned to a repository and environment, public trust,
 * long-lived access keys. Key policies (aws.kms.Key) are resource policies, not identity policies,
 * and are judged in kms/keyPolicyNoPublicPrincipal.ts.
 */
import type { PackPolicy } from "../lib/policy";
import { noPrivilegeEscalation } from "./noPrivilegeEscalation";
import { githubOidcTrustPinned } from "./githubOidcTrustPinned";
import { noAdministratorAccess } from "./noAdministratorAccess";
import { noWildcardActions } from "./noWildcardActions";
import { roleTrustNoPublicPrincipal } from "./roleTrustNoPublicPrincipal";
import { userNoAccessKeys } from "./userNoAccessKeys";
import { noFullAccessManagedPolicies } from "./noFullAccessManagedPolicies";
import { noWildcardResourceWrites } from "./noWildcardResourceWrites";
import { accountPasswordPolicyStrengthEnforced } from "./accountPasswordPolicyStrengthEnforced";
import { userNoDirectPolicies } from "./userNoDirectPolicies";

/** In table order. */
export const iamPolicies: readonly PackPolicy[] = [
    noAdministratorAccess, noWildcardActions, githubOidcTrustPinned, roleTrustNoPublicPrincipal, userNoAccessKeys,
    noFullAccessManagedPolicies,
    noWildcardResourceWrites,
    accountPasswordPolicyStrengthEnforced,
    userNoDirectPolicies,
    noPrivilegeEscalation,
];
