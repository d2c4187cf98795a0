import * as assert from "node:assert/strict";
import { noFullAccessManagedPolicies } from "../../../policies/iam/noFullAccessManagedPolicies";
import { res } from "../helpers/fixtures";
import { details, runResource, UNKNOWN } from "../helpers/server";

const attach = (policyArn: unknown) => res("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "app-s3", { role: UNKNOWN, policyArn });

describe("iam-no-full-access-managed-policies", () => {
    it("accepts narrow AWS-managed policies and the stack's own policies", () => {
        for (const arn of ["arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore", "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy", "arn:aws:iam::123456789012:policy/AmazonS3FullAccess"]) {
            assert.deepEqual(details(runResource(noFullAccessManagedPolicies, attach(arn))), [], arn);
        }
    });
    it("flags *FullAccess and PowerUserAccess in every attachment shape, the findings of the public programs", () => {
        assert.deepEqual(details(runResource(noFullAccessManagedPolicies, attach("arn:aws:iam::aws:policy/AmazonS3FullAccess"))),
            ["app-s3: policyArn attaches the AWS-managed policy AmazonS3FullAccess, which grants every action of a service (or nearly all services) on every resource. Attach a policy that lists the actions and resources the workload uses."]);
        assert.equal(runResource(noFullAccessManagedPolicies, attach("arn:aws:iam::aws:policy/PowerUserAccess")).length, 1);
        assert.equal(runResource(noFullAccessManagedPolicies, res("aws:iam/role:Role", "app", { assumeRolePolicy: "{}", managedPolicyArns: ["arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess", "arn:aws:iam::aws:policy/AWSLambda_FullAccess"] })).length, 2);
        assert.equal(runResource(noFullAccessManagedPolicies, res("aws:iam/groupPolicyAttachmentsExclusive:GroupPolicyAttachmentsExclusive", "devs", { groupName: "devs", policyArns: ["arn:aws-us-gov:iam::aws:policy/AmazonEC2FullAccess"] })).length, 1);
    });
    it("takes the list from config", () => {
        assert.deepEqual(runResource(noFullAccessManagedPolicies, attach("arn:aws:iam::aws:policy/AmazonS3FullAccess"), { config: { deniedManagedPolicies: ["PowerUserAccess"] } }), []);
    });
    it("notes, and neither passes nor fails, a policy ARN not known during preview", () => {
        const diags = runResource(noFullAccessManagedPolicies, attach(UNKNOWN));
        assert.equal(diags.length, 1);
        assert.equal(diags[0].enforcementLevel, "advisory");
        assert.match(diags[0].detail, /not known during preview/);
    });
});
