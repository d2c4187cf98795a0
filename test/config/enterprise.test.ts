import * as assert from "node:assert/strict";
import { parseEnterpriseSettings } from "../../components/config/enterprise";
import { DEFAULT_OUS } from "../../components/config/enterprise";
import { type RawConfig, readerFor } from "../helpers/settings";

function parse(raw: RawConfig, phase: 1 | 2 | 3 | 4 = 4) {
    const read = readerFor(raw);
    const settings = parseEnterpriseSettings(read, phase, "us-east-1");
    return { settings, problems: read.problems };
}

describe("config: phase 4 (enterprise)", () => {
    it("defaults: no tenants, the workflow and the baseline on, no organisation", () => {
        const { settings, problems } = parse({});
        assert.deepEqual(problems, []);
        assert.deepEqual(settings, { tenants: [], provisioningWorkflow: true, organization: undefined, securityBaseline: true, trailRetentionDays: 365 });
    });

    it("parses tenants as <id>:<plan>", () => {
        const { settings } = parse({ tenants: ["acme:enterprise", "globex:starter"] });
        assert.deepEqual(settings.tenants, [{ id: "acme", plan: "enterprise" }, { id: "globex", plan: "starter" }]);
    });

    it("rejects bad tenant entries, naming each", () => {
        const { problems } = parse({ tenants: ["acme", "Acme:starter", "globex:gold", "acme:starter", "acme:starter"] });
        assert.deepEqual(problems.map((p) => [p.key, p.value]), [
            ["stagecraft:tenants", "acme"], ["stagecraft:tenants", "Acme:starter"], ["stagecraft:tenants", "globex:gold"], ["stagecraft:tenants", "acme:starter"],
        ]);
    });

    it("with createOrganization: the issue's OUs, accounts in them, the stack's region when none is listed", () => {
        const { settings, problems } = parse({ createOrganization: true, memberAccounts: ["chat-prod:aws-prod@example.com:Workloads/Prod"] });
        assert.deepEqual(problems, []);
        assert.deepEqual(settings.organization, {
            organizationalUnits: DEFAULT_OUS,
            accounts: [{ name: "chat-prod", email: "aws-prod@example.com", organizationalUnit: "Workloads/Prod" }],
            allowedRegions: ["us-east-1"],
        });
    });

    it("rejects accounts in unknown OUs, malformed entries, repeated e-mails, and accounts without an organisation", () => {
        const bad = parse({
            createOrganization: true,
            memberAccounts: ["a:a@example.com:Sandbox", "b:not-an-email:Security", "c:c@example.com", "d:d@example.com:Security", "e:d@example.com:Security"],
        }).problems;
        assert.deepEqual(bad.map((p) => p.value), ["a:a@example.com:Sandbox", "b:not-an-email:Security", "c:c@example.com", "e:d@example.com:Security"]);
        assert.match(bad[0].allowed, /an OU listed in stagecraft:organizationUnits/);
        const orphan = parse({ memberAccounts: ["d:d@example.com:Security"] }).problems;
        assert.equal(orphan[0].key, "stagecraft:memberAccounts");
        assert.match(orphan[0].allowed, /createOrganization is true/);
    });

    it("rejects OUs listed before their parent, and repeated", () => {
        const { problems } = parse({ createOrganization: true, organizationUnits: ["Workloads/Prod", "Workloads", "Workloads", "Bad/"] });
        assert.deepEqual(problems.map((p) => p.value), ["Workloads/Prod", "Workloads", "Bad/"]);
    });

    it("refuses a region allow-list that locks out the stack's own region", () => {
        const { problems } = parse({ createOrganization: true, allowedRegions: ["eu-west-1", "moon-1"] });
        assert.deepEqual(problems.map((p) => p.key), ["stagecraft:allowedRegions", "stagecraft:allowedRegions"]);
        assert.match(problems[1].allowed, /includes the stack's own region \(us-east-1\)/);
    });

    it("refuses tenants and an organisation below phase 4 (nothing would build them)", () => {
        const { problems } = parse({ tenants: ["acme:starter"], createOrganization: true }, 3);
        assert.deepEqual(problems.map((p) => p.key), ["stagecraft:tenants", "stagecraft:createOrganization"]);
    });

    it("keeps trails at least 90 days", () => {
        assert.equal(parse({ trailRetentionDays: 30 }).problems[0].key, "stagecraft:trailRetentionDays");
    });
});
