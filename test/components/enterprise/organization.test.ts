import * as assert from "node:assert/strict";
import { Organization, topLevelUnits } from "../../../components/blocks/enterprise/organization";
import { type Registration } from "../../../tools/mocks";
import { ofType, runWithMocks } from "../../helpers/pulumi";

const tags = { project: "chat", environment: "org", owner: "platform" };

describe("Organization (phase 4) under mocks", () => {
    let registrations: Registration[];
    before(async () => {
        ({ registrations } = await runWithMocks(() => new Organization("chat-org", {
            allowedRegions: ["us-east-1", "sa-east-1"],
            accounts: [
                { name: "chat-prod", email: "aws+prod@example.com", organizationalUnit: "Workloads/Prod" },
                { name: "chat-dev", email: "aws+dev@example.com", organizationalUnit: "Workloads/Dev" },
            ],
            tags,
        })));
    });

    it("creates the organisation with all features, SCPs and trusted access for the security services", () => {
        const [org] = ofType(registrations, "aws:organizations/organization:Organization");
        assert.equal(org.inputs.featureSet, "ALL");
        assert.deepEqual(org.inputs.enabledPolicyTypes, ["SERVICE_CONTROL_POLICY"]);
        for (const principal of ["cloudtrail.amazonaws.com", "guardduty.amazonaws.com", "config.amazonaws.com"]) {
            assert.ok(org.inputs.awsServiceAccessPrincipals.includes(principal), principal);
        }
    });

    it("creates Security and Workloads with Prod, Staging and Dev below it", () => {
        const ous = ofType(registrations, "aws:organizations/organizationalUnit:OrganizationalUnit");
        assert.deepEqual(ous.map((o) => o.inputs.name), ["Security", "Workloads", "Prod", "Staging", "Dev"]);
        const workloadsId = ous.find((o) => o.inputs.name === "Workloads")!.id;
        for (const child of ["Prod", "Staging", "Dev"]) assert.equal(ous.find((o) => o.inputs.name === child)!.inputs.parentId, workloadsId, child);
        assert.match(ous.find((o) => o.inputs.name === "Security")!.inputs.parentId, /^r-/);
    });

    it("creates member accounts in their OUs, never closing them on deletion", () => {
        const accounts = ofType(registrations, "aws:organizations/account:Account");
        assert.deepEqual(accounts.map((a) => [a.inputs.name, a.inputs.email]), [["chat-prod", "aws+prod@example.com"], ["chat-dev", "aws+dev@example.com"]]);
        assert.ok(accounts.every((a) => a.inputs.closeOnDeletion === false && a.inputs.iamUserAccessToBilling === "DENY"));
        assert.match(accounts[0].inputs.parentId, /workloads-prod/);
    });

    it("attaches the five guardrail SCPs to each top-level OU", () => {
        const policies = ofType(registrations, "aws:organizations/policy:Policy");
        assert.deepEqual(policies.map((p) => p.inputs.name).sort(), ["deny-leaving-organization", "deny-root-user", "protect-security-services", "region-allow-list", "require-encryption"]);
        assert.ok(policies.every((p) => p.inputs.type === "SERVICE_CONTROL_POLICY" && JSON.parse(p.inputs.content).Statement.every((s: { Effect: string }) => s.Effect === "Deny")));
        assert.equal(ofType(registrations, "aws:organizations/policyAttachment:PolicyAttachment").length, 10);
    });

    it("puts the region allow-list's regions in its SCP", () => {
        const region = ofType(registrations, "aws:organizations/policy:Policy").find((p) => p.inputs.name === "region-allow-list")!;
        assert.deepEqual(JSON.parse(region.inputs.content).Statement[0].Condition.StringNotEquals["aws:RequestedRegion"], ["us-east-1", "sa-east-1"]);
    });

    it("refuses an account in an OU that does not exist", () => {
        assert.throws(() => new Organization("bad-org", {
            allowedRegions: ["us-east-1"],
            accounts: [{ name: "x", email: "x@example.com", organizationalUnit: "Sandbox" }],
            tags,
        }), /OU Sandbox is not one of/);
    });

    it("finds the top-level OUs of a path list", () => {
        assert.deepEqual(topLevelUnits(["Security", "Workloads", "Workloads/Prod"]), ["Security", "Workloads"]);
    });
});
