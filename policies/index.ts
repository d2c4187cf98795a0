// The CrossGuard entry point. `pulumi preview --policy-pack policies` starts this file the way the
// CLI starts every Node.js pack: @pulumi/pulumi/cmd/run-policy-pack registers ts-node (with this
// folder's tsconfig.json), requires this folder (package.json "main"), and the PolicyPack
// constructor serves the policies over gRPC and prints its port on stdout.
import { PolicyPack } from "@pulumi/policy";
import { deserializePropertiesOncePerRequest } from "./lib/deserializeOnce";
import { PACK_DESCRIPTION, PACK_NAME, packPolicies } from "./pack";

// eslint-disable-next-line @typescript-eslint/no-require-imports
deserializePropertiesOncePerRequest(require("@pulumi/policy/deserialize"));

new PolicyPack(PACK_NAME, {
    description: PACK_DESCRIPTION,
    provider: "aws",
    tags: ["aws", "security", "stagecraft"],
    enforcementLevel: "advisory",
    policies: packPolicies.map((p) => p.policy),
});
