// The report's two classification rules, on their own: which advisory results are "not known during
// preview" notes (never violations), and which remote components leave the result incomplete.
import * as assert from "node:assert/strict";
import { isPreviewNote } from "../../tools/check/report/preview-notes";
import { assessRemoteComponent, KNOWN_REMOTE_COMPONENTS } from "../../tools/check/report/remote";

describe("check report: preview notes", () => {
    it("takes this repository's pack wording ('FIELD is not known during preview') as a note", () => {
        const message = "api-task: containerDefinitions is not known during preview, so whether a container runs privileged cannot be checked yet.";
        assert.equal(isPreviewNote("advisory", message), true);
    });

    it("takes @pulumi/policy's own 'can't run policy … during preview' as a note", () => {
        const message = "can't run policy 'eip-instance' from policy pack 'fixture-pack@v0.1.0' during preview: string value at .instance can't be known during preview";
        assert.equal(isPreviewNote("advisory", message), true);
    });

    it("takes @pulumi/policy's 'can't run remediation … during preview' as a note", () => {
        const message = "can't run remediation 'encrypted-root' from policy pack 'p@v0.2.0' during preview: string value at .subnetId can't be known during preview";
        assert.equal(isPreviewNote("advisory", message), true);
    });

    it("never turns a mandatory or remediated result into a note, whatever it says", () => {
        assert.equal(isPreviewNote("mandatory", "x: policy is not known during preview"), false);
        assert.equal(isPreviewNote("remediate", "can't run policy 'a' from policy pack 'b@v1' during preview: x"), false);
    });

    it("leaves ordinary advisory violations alone", () => {
        assert.equal(isPreviewNote("advisory", "bucket logs has no lifecycle rule; add one"), false);
        assert.equal(isPreviewNote("advisory", "known during preview is not mentioned here in that shape"), false);
    });
});

describe("check report: remote components", () => {
    it("judges an awsx VPC without endpoints as network plumbing (the run can pass)", () => {
        const a = assessRemoteComponent("awsx:ec2:Vpc", { natGateways: { strategy: "Single" } });
        assert.equal(a.policyRelevant, false);
        assert.ok(a.hiddenTypes.includes("aws:ec2/subnet:Subnet"));
        assert.ok(a.hiddenTypes.includes("aws:ec2/natGateway:NatGateway"));
        assert.match(a.why, /plumbing/);
    });

    it("judges an awsx VPC with endpoint specs as policy-relevant (endpoint policies are hidden)", () => {
        const a = assessRemoteComponent("awsx:ec2:Vpc", { vpcEndpointSpecs: [{ serviceName: "com.amazonaws.us-east-1.s3" }] });
        assert.equal(a.policyRelevant, true);
        assert.ok(a.hiddenTypes.includes("aws:ec2/vpcEndpoint:VpcEndpoint"));
    });

    it("judges a Fargate service as policy-relevant: service, task definition, roles, security group", () => {
        const a = assessRemoteComponent("awsx:ecs:FargateService", { cluster: "c" });
        assert.equal(a.policyRelevant, true);
        for (const t of ["aws:ecs/service:Service", "aws:ecs/taskDefinition:TaskDefinition", "aws:iam/role:Role", "aws:ec2/securityGroup:SecurityGroup"]) {
            assert.ok(a.hiddenTypes.includes(t), t);
        }
    });

    it("leaves out what the inputs provide: a given task definition and security groups", () => {
        const a = assessRemoteComponent("awsx:ecs:FargateService", { taskDefinition: "arn:td", networkConfiguration: { securityGroups: ["sg-1"] } });
        assert.deepEqual(a.hiddenTypes, ["aws:ecs/service:Service"]);
    });

    it("knows when an application load balancer creates its internet-facing security group", () => {
        assert.ok(assessRemoteComponent("awsx:lb:ApplicationLoadBalancer", {}).hiddenTypes.includes("aws:ec2/securityGroup:SecurityGroup"));
        assert.ok(!assessRemoteComponent("awsx:lb:ApplicationLoadBalancer", { defaultSecurityGroup: { skip: true } }).hiddenTypes.includes("aws:ec2/securityGroup:SecurityGroup"));
        assert.ok(!assessRemoteComponent("awsx:lb:ApplicationLoadBalancer", { securityGroups: ["sg-1"] }).hiddenTypes.includes("aws:ec2/securityGroup:SecurityGroup"));
    });

    it("treats a remote component it does not know as policy-relevant", () => {
        const a = assessRemoteComponent("aws-apigateway:index:RestAPI", {});
        assert.equal(a.policyRelevant, true);
        assert.deepEqual(a.hiddenTypes, []);
    });

    it("covers every awsx v3 component @pulumi/awsx registers", () => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const awsx = require("@pulumi/awsx") as Record<string, Record<string, { __pulumiType?: string }>>;
        const types = ["ec2", "ecs", "lb", "ecr", "cloudtrail"].flatMap((m) => Object.values(awsx[m]).map((c) => c?.__pulumiType).filter((t): t is string => typeof t === "string"));
        assert.ok(types.length >= 10, types.join(", "));
        for (const t of types) assert.ok(KNOWN_REMOTE_COMPONENTS.includes(t), `${t} is not in the table`);
    });
});
