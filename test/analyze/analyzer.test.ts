// The plan analyzer on small hand-written plans: every security-group rule spelling (allowed,
// denied, unknown in preview), routes out of private subnets, and IAM evaluation (allow,
// explicit deny, resource policy, KMS key policy, SCP).
import { strict as assert } from "node:assert";
import { canReach, collectRules, mayPerform, Plan, UNKNOWN, type PlanResource } from "../../tools/analyze";
import { cidrContains, normalProtocol } from "../../tools/analyze/network/ports";

const ACCOUNT = "123456789012";
let n = 0;
function res(type: string, name: string, props: PlanResource["props"] = {}, deps: Record<string, PlanResource[]> = {}): PlanResource {
    n += 1;
    return {
        urn: `urn:pulumi:t::p::${type}::${name}-${n}`, type, name, parent: null, props,
        propertyDependencies: Object.fromEntries(Object.entries(deps).map(([k, v]) => [k, v.map((r) => r.urn)])),
    };
}
const SG = "aws:ec2/securityGroup:SecurityGroup";
const group = (name: string, props: PlanResource["props"] = {}) => res(SG, name, props);
const vpcRule = (dir: "Ingress" | "Egress", owner: PlanResource, props: PlanResource["props"], peer?: PlanResource) =>
    res(`aws:vpc/securityGroup${dir}Rule:SecurityGroup${dir}Rule`, `${owner.name}-${dir}-${n}`,
        { securityGroupId: UNKNOWN, ipProtocol: "tcp", ...props, ...(peer ? { referencedSecurityGroupId: UNKNOWN } : {}) },
        { securityGroupId: [owner], ...(peer ? { referencedSecurityGroupId: [peer] } : {}) });

describe("analyzer: network reachability", () => {
    it("vpc rules: egress to the db group and ingress from the app group carry the flow (ids unknown, through property dependencies)", () => {
        const app = group("app"), db = group("db");
        const plan = new Plan([app, db, vpcRule("Egress", app, { fromPort: 5432, toPort: 5432 }, db), vpcRule("Ingress", db, { fromPort: 5432, toPort: 5432 }, app)]);
        assert.equal(canReach(plan, { kind: "group", group: app }, { kind: "group", group: db }, 5432).verdict, "allowed");
    });
    it("a missing egress rule is named as the missing link", () => {
        const app = group("app-sg"), db = group("tenant-db-sg");
        const plan = new Plan([app, db, vpcRule("Ingress", db, { fromPort: 5432, toPort: 5432 }, app)]);
        const answer = canReach(plan, { kind: "group", group: app }, { kind: "group", group: db }, 5432);
        assert.equal(answer.verdict, "denied");
        assert.equal(answer.explanation, "app-sg has no egress to tenant-db-sg on 5432");
    });
    it("inline rules: a port range holding the port admits it, protocol -1 admits everything, ports outside do not", () => {
        const web = group("web", { ingress: [{ protocol: "tcp", fromPort: 8000, toPort: 8100, cidrBlocks: ["0.0.0.0/0"] }], egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }] });
        const plan = new Plan([web]);
        assert.equal(canReach(plan, { kind: "internet" }, { kind: "group", group: web }, 8080).verdict, "allowed");
        assert.equal(canReach(plan, { kind: "internet" }, { kind: "group", group: web }, 22).verdict, "denied");
        assert.equal(canReach(plan, { kind: "group", group: web }, { kind: "internet" }, 27017).verdict, "allowed");
    });
    it("aws.ec2.SecurityGroupRule: self and a source group; a narrow CIDR admits only addresses inside it", () => {
        const cache = group("cache"), admin = group("admin");
        const self = res("aws:ec2/securityGroupRule:SecurityGroupRule", "self", { type: "ingress", protocol: "tcp", fromPort: 6379, toPort: 6379, self: true, securityGroupId: UNKNOWN }, { securityGroupId: [cache] });
        const ssh = res("aws:ec2/securityGroupRule:SecurityGroupRule", "ssh", { type: "ingress", protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["203.0.113.0/24"], securityGroupId: UNKNOWN }, { securityGroupId: [admin] });
        const plan = new Plan([cache, admin, self, ssh]);
        assert.equal(canReach(plan, { kind: "group", group: cache }, { kind: "group", group: cache }, 6379).verdict, "denied", "self ingress alone: the group has no egress");
        assert.equal(canReach(plan, { kind: "cidr", cidr: "203.0.113.7/32" }, { kind: "group", group: admin }, 22).verdict, "allowed");
        assert.equal(canReach(plan, { kind: "internet" }, { kind: "group", group: admin }, 22).verdict, "denied");
    });
    it("a peer that is unknown in preview and names no single group is undecided, never a pass", () => {
        const a = group("a"), b = group("b"), c = group("c");
        const rule = res("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "r", { securityGroupId: UNKNOWN, ipProtocol: "tcp", fromPort: 5432, toPort: 5432, referencedSecurityGroupId: UNKNOWN }, { securityGroupId: [c], referencedSecurityGroupId: [a, b] });
        const answer = canReach(new Plan([a, b, c, rule]), { kind: "internet" }, { kind: "group", group: c }, 5432);
        assert.equal(answer.verdict, "undecided");
    });
    it("a private task has no route out without a NAT; a NAT gateway or the awsx NAT strategy gives it one", () => {
        const tasks = group("tasks", { egress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }] });
        const service = res("aws:ecs/service:Service", "api", { networkConfiguration: { assignPublicIp: false, securityGroups: [UNKNOWN] } }, { networkConfiguration: [tasks] });
        const out = (extra: PlanResource[]) => canReach(new Plan([tasks, service, ...extra]), { kind: "group", group: tasks }, { kind: "internet" }, 443);
        assert.equal(out([]).verdict, "denied");
        assert.match(out([]).explanation, /no route out/);
        assert.equal(out([res("aws:ec2/natGateway:NatGateway", "nat")]).verdict, "allowed");
        assert.equal(out([res("awsx:ec2:Vpc", "vpc", { natGateways: { strategy: "Single" } })]).verdict, "allowed");
        assert.equal(out([res("awsx:ec2:Vpc", "vpc", { natGateways: { strategy: "None" } })]).verdict, "denied");
    });
    it("a CIDR rule covering the target group's VPC admits the group; a narrower one is undecided, not a pass", () => {
        const vpc = res("awsx:ec2:Vpc", "vpc", { cidrBlock: "10.0.0.0/16" });
        const alb = group("alb");
        const tasks = res(SG, "tasks", { vpcId: UNKNOWN, ingress: [{ protocol: "tcp", fromPort: 5000, toPort: 5000, securityGroups: [UNKNOWN] }] }, { vpcId: [vpc], ingress: [alb] });
        const egress = (cidr: string) => vpcRule("Egress", alb, { fromPort: 5000, toPort: 5000, cidrIpv4: cidr });
        assert.equal(canReach(new Plan([vpc, alb, tasks, egress("10.0.0.0/16")]), { kind: "group", group: alb }, { kind: "group", group: tasks }, 5000).verdict, "allowed");
        assert.equal(canReach(new Plan([vpc, alb, tasks, egress("10.0.1.0/24")]), { kind: "group", group: alb }, { kind: "group", group: tasks }, 5000).verdict, "undecided");
    });
    it("collects every spelling into one rule list", () => {
        const g = group("g", { ingress: [{ protocol: "tcp", fromPort: 80, toPort: 80, cidrBlocks: ["0.0.0.0/0"] }] });
        const plan = new Plan([g, vpcRule("Egress", g, { fromPort: 443, toPort: 443, cidrIpv4: "0.0.0.0/0" }),
            res("aws:ec2/securityGroupRule:SecurityGroupRule", "x", { type: "egress", protocol: "udp", fromPort: 53, toPort: 53, cidrBlocks: ["10.0.0.2/32"], securityGroupId: UNKNOWN }, { securityGroupId: [g] })]);
        assert.deepEqual(collectRules(plan).rules.map((r) => `${r.direction} ${r.protocol} ${r.fromPort}`).sort(), ["egress tcp 443", "egress udp 53", "ingress tcp 80"]);
    });
});

describe("analyzer: protocols and CIDRs, read as AWS and the pack read them", () => {
    it("a protocol number in any spelling AWS accepts is that protocol", () => {
        for (const tcp of ["tcp", "TCP", "6", "006", "+6", 6]) assert.equal(normalProtocol(tcp), "tcp", String(tcp));
        assert.equal(normalProtocol("-1"), "all");
        assert.equal(normalProtocol("17"), "udp");
    });
    it("containment follows the project's CIDR contract: families apart, malformed text never contains", () => {
        assert.ok(cidrContains("10.0.0.0/16", "10.0.3.0/24"));
        assert.ok(cidrContains("10.0.0.0/16", "10.0.255.1"));
        assert.ok(cidrContains("0.0.0.0/0", "203.0.113.0/24"));
        assert.ok(!cidrContains("10.0.0.0/24", "10.0.0.0/16"));
        assert.ok(!cidrContains("10.0.0.0/16", "10.1.0.0/24"));
        assert.ok(!cidrContains("::/0", "10.0.0.0/8"));
        assert.ok(cidrContains("2001:db8::/32", "2001:db8:1::/48"));
        assert.ok(!cidrContains("010.0.0.0/8", "10.0.0.0/16"), "leading zeros are not a CIDR under the contract");
        assert.ok(!cidrContains("10.0.0.0/16", "not-an-address"));
    });
});

describe("analyzer: IAM evaluation", () => {
    const role = () => res("aws:iam/role:Role", "app-role", { name: "app-role-1234567" });
    const bucket = (name = "uploads") => res("aws:s3/bucket:Bucket", name, { bucketPrefix: `${name}-` });
    const inline = (r: PlanResource, statements: unknown[], deps: PlanResource[] = []) =>
        res("aws:iam/rolePolicy:RolePolicy", `${r.name}-policy-${n}`, { role: UNKNOWN, policy: JSON.stringify({ Version: "2012-10-17", Statement: statements }) }, { role: [r], policy: deps });

    it("an identity policy allows an action on a bucket whose ARN is unknown in preview, through property dependencies", () => {
        const r = role(), b = bucket(), other = bucket("other");
        const plan = new Plan([r, b, other, inline(r, [{ Effect: "Allow", Action: ["s3:GetObject"], Resource: [UNKNOWN] }], [b])]);
        assert.equal(mayPerform(plan, { principal: r, action: "s3:GetObject", target: b, accountId: ACCOUNT }).verdict, "allowed");
        assert.equal(mayPerform(plan, { principal: r, action: "s3:GetObject", target: other, accountId: ACCOUNT }).verdict, "denied");
        assert.equal(mayPerform(plan, { principal: r, action: "s3:DeleteBucket", target: b, accountId: ACCOUNT }).verdict, "denied");
    });
    it("apply mode: the ARN the provider reported decides (a prefix-named bucket's full name), as does an RDS instance's managed secret", () => {
        const r = role();
        const b = { ...bucket(), outputs: { arn: "arn:aws:s3:::uploads-12345678901234567890123456" } };
        const other = { ...bucket("other"), outputs: { arn: "arn:aws:s3:::other-98765432109876543210987654" } };
        const secretArn = `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:rds!db-0a1b2c3d`;
        const db = { ...res("aws:rds/instance:Instance", "db", { identifierPrefix: "db-", manageMasterUserPassword: true }),
            outputs: { arn: `arn:aws:rds:us-east-1:${ACCOUNT}:db:db-1`, masterUserSecrets: [{ secretArn }] } };
        const plan = new Plan([r, b, other, db, inline(r, [
            { Effect: "Allow", Action: ["s3:PutObject"], Resource: ["arn:aws:s3:::uploads-12345678901234567890123456/*"] },
            { Effect: "Allow", Action: ["secretsmanager:GetSecretValue"], Resource: [secretArn] },
        ])]);
        assert.equal(mayPerform(plan, { principal: r, action: "s3:PutObject", target: b, accountId: ACCOUNT }).verdict, "allowed");
        assert.equal(mayPerform(plan, { principal: r, action: "s3:PutObject", target: other, accountId: ACCOUNT }).verdict, "denied");
        assert.equal(mayPerform(plan, { principal: r, action: "secretsmanager:GetSecretValue", target: db, accountId: ACCOUNT }).verdict, "allowed");
        assert.equal(mayPerform(plan, { principal: r, action: "rds:DeleteDBInstance", target: db, accountId: ACCOUNT }).verdict, "denied");
    });
    it("apply mode: an object key decides a grant scoped to a key prefix (an intent's bucket/key)", () => {
        const r = role();
        const b = { ...bucket("backups"), outputs: { arn: "arn:aws:s3:::backups-12345678901234567890123456" } };
        const plan = new Plan([r, b, inline(r, [{ Effect: "Allow", Action: ["s3:PutObject"], Resource: ["arn:aws:s3:::backups-12345678901234567890123456/chat/dev/*"] }])]);
        const put = (objectKey?: string) => mayPerform(plan, { principal: r, action: "s3:PutObject", target: b, accountId: ACCOUNT, ...(objectKey !== undefined ? { objectKey } : {}) }).verdict;
        assert.equal(put("chat/dev/2026/01/31/host-030000.dump"), "allowed");
        assert.equal(put("chat/prod/2026/01/31/host-030000.dump"), "denied");
        assert.equal(put(), "denied", "without a key the example object lies outside the prefix");
    });
    it("an explicit deny wins over an allow, and names the statement", () => {
        const r = role(), b = bucket();
        const plan = new Plan([r, b, inline(r, [{ Effect: "Allow", Action: "s3:*", Resource: "*" }, { Sid: "NoDeletes", Effect: "Deny", Action: "s3:DeleteObject", Resource: "*" }])]);
        const answer = mayPerform(plan, { principal: r, action: "s3:DeleteObject", target: b, accountId: ACCOUNT });
        assert.equal(answer.verdict, "denied");
        assert.match(answer.explanation, /explicit deny: .*NoDeletes/);
    });
    it("a bucket policy grants the role; its TLS-only deny does not apply to HTTPS requests", () => {
        const r = role(), b = bucket();
        const policy = res("aws:s3/bucketPolicy:BucketPolicy", "bp", { bucket: UNKNOWN, policy: JSON.stringify({ Statement: [
            { Effect: "Allow", Principal: { AWS: UNKNOWN }, Action: "s3:GetObject", Resource: UNKNOWN },
            { Effect: "Deny", Principal: "*", Action: "s3:*", Resource: UNKNOWN, Condition: { Bool: { "aws:SecureTransport": "false" } } },
        ] }) }, { bucket: [b], policy: [r, b] });
        const plan = new Plan([r, b, policy]);
        assert.equal(mayPerform(plan, { principal: r, action: "s3:GetObject", target: b, accountId: ACCOUNT }).verdict, "allowed");
        assert.equal(mayPerform(plan, { principal: r, action: "s3:GetObject", target: b, accountId: ACCOUNT, context: { "aws:SecureTransport": "false" } }).verdict, "denied");
    });
    it("a KMS key needs its key policy: an identity allow alone is denied unless the key delegates to the account", () => {
        const r = role();
        const key = (statements: unknown[]) => res("aws:kms/key:Key", "key", { policy: JSON.stringify({ Statement: statements }) });
        const allow = (k: PlanResource) => inline(r, [{ Effect: "Allow", Action: "kms:Decrypt", Resource: UNKNOWN }], [k]);
        const closed = key([{ Effect: "Allow", Principal: { Service: "logs.amazonaws.com" }, Action: "kms:*", Resource: "*" }]);
        assert.equal(mayPerform(new Plan([r, closed, allow(closed)]), { principal: r, action: "kms:Decrypt", target: closed, accountId: ACCOUNT }).verdict, "denied");
        const delegating = key([{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: "kms:*", Resource: "*" }]);
        assert.equal(mayPerform(new Plan([r, delegating, allow(delegating)]), { principal: r, action: "kms:Decrypt", target: delegating, accountId: ACCOUNT }).verdict, "allowed");
    });
    it("AWS-managed policies by name; an unknown one makes the answer undecided", () => {
        const r = role();
        const attach = (arn: string) => res("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "att", { role: UNKNOWN, policyArn: arn }, { role: [r] });
        const ssm = new Plan([r, attach("arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore")]);
        assert.equal(mayPerform(ssm, { principal: r, action: "ssmmessages:OpenDataChannel", target: "*", accountId: ACCOUNT }).verdict, "allowed");
        assert.equal(mayPerform(ssm, { principal: r, action: "iam:CreateUser", target: "*", accountId: ACCOUNT }).verdict, "denied");
        const unknownManaged = new Plan([r, attach("arn:aws:iam::aws:policy/SomethingElse")]);
        assert.equal(mayPerform(unknownManaged, { principal: r, action: "iam:CreateUser", target: "*", accountId: ACCOUNT }).verdict, "undecided");
    });
    it("an SCP on the OU or its parent denies what any principal's own policies allow; others are unaffected", () => {
        const org = res("aws:organizations/organization:Organization", "org");
        const parent = res("aws:organizations/organizationalUnit:OrganizationalUnit", "workloads", { parentId: UNKNOWN }, { parentId: [org] });
        const child = res("aws:organizations/organizationalUnit:OrganizationalUnit", "prod", { parentId: UNKNOWN }, { parentId: [parent] });
        const sibling = res("aws:organizations/organizationalUnit:OrganizationalUnit", "security", { parentId: UNKNOWN }, { parentId: [org] });
        const scp = res("aws:organizations/policy:Policy", "protect-trail", { content: JSON.stringify({ Statement: [{ Effect: "Deny", Action: ["cloudtrail:StopLogging"], Resource: "*" }] }) });
        const att = res("aws:organizations/policyAttachment:PolicyAttachment", "att", { policyId: UNKNOWN, targetId: UNKNOWN }, { policyId: [scp], targetId: [parent] });
        const plan = new Plan([org, parent, child, sibling, scp, att]);
        assert.equal(mayPerform(plan, { principal: "any", action: "cloudtrail:StopLogging", target: "*", scope: child, accountId: ACCOUNT }).verdict, "denied");
        assert.equal(mayPerform(plan, { principal: "any", action: "cloudtrail:StopLogging", target: "*", scope: sibling, accountId: ACCOUNT }).verdict, "allowed");
    });
});

describe("analyzer: service principals acting for a resource, and unauthenticated callers", () => {
    const bucketArn = "arn:aws:s3:::uploads-12345678901234567890123456";
    const distArn = `arn:aws:cloudfront::${ACCOUNT}:distribution/E2EXAMPLE`;
    const otherDistArn = "arn:aws:cloudfront::210987654321:distribution/EOTHER";
    const cloudfront = { service: "cloudfront.amazonaws.com" };
    const tlsOnly = { Sid: "DenyInsecureTransport", Effect: "Deny", Principal: "*", Action: ["s3:*"], Resource: [bucketArn, `${bucketArn}/*`], Condition: { Bool: { "aws:SecureTransport": "false" } } };
    const grant = (resources: string[], sourceArn: string) => ({
        Sid: "CloudFrontReadsPublicPrefixes", Effect: "Allow", Principal: { Service: "cloudfront.amazonaws.com" },
        Action: ["s3:GetObject"], Resource: resources, Condition: { StringEquals: { "AWS:SourceArn": sourceArn } },
    });
    /** An apply-mode plan: the bucket and the distribution with the ARNs the provider reports. */
    function applyPlan(statements: unknown[]) {
        const b = { ...res("aws:s3/bucket:Bucket", "uploads", { bucketPrefix: "uploads-" }), outputs: { arn: bucketArn } };
        const dist = { ...res("aws:cloudfront/distribution:Distribution", "public-files", {}), outputs: { arn: distArn } };
        const policy = res("aws:s3/bucketPolicy:BucketPolicy", "uploads-tls-only", { bucket: "uploads-12345678901234567890123456", policy: JSON.stringify({ Version: "2012-10-17", Statement: statements }) }, { bucket: [b] });
        return { plan: new Plan([b, dist, policy]), b, dist };
    }
    const read = (p: ReturnType<typeof applyPlan>, objectKey: string, principal: "anonymous" | { service: string } = cloudfront) =>
        mayPerform(p.plan, { principal, source: principal === "anonymous" ? undefined : p.dist, action: "s3:GetObject", target: p.b, objectKey, accountId: ACCOUNT });

    it("a grant on the public prefixes lets the distribution read them and nothing else of the bucket", () => {
        const p = applyPlan([tlsOnly, grant([`${bucketArn}/profile-pictures/*`, `${bucketArn}/educational-materials/*`], distArn)]);
        assert.equal(read(p, "profile-pictures/user-1/a.jpg").verdict, "allowed");
        assert.equal(read(p, "educational-materials/guia.pdf").verdict, "allowed");
        assert.equal(read(p, "student-documents/student-456/laudo.pdf").verdict, "denied");
        assert.equal(read(p, "profile-pictures-private/a.jpg").verdict, "denied", "a key that only starts like a prefix's name is outside it");
    });
    it("a grant on the whole bucket (`<bucket>/*`) lets the distribution read private documents: the deny intent fails", () => {
        const p = applyPlan([tlsOnly, grant([`${bucketArn}/*`], distArn)]);
        assert.equal(read(p, "student-documents/student-456/laudo.pdf").verdict, "allowed");
    });
    it("the grant holds only for its distribution: another distribution's SourceArn gets nothing", () => {
        const p = applyPlan([tlsOnly, grant([`${bucketArn}/profile-pictures/*`], otherDistArn)]);
        assert.equal(read(p, "profile-pictures/user-1/a.jpg").verdict, "denied");
    });
    it("an unauthenticated caller reads nothing, while a Principal \"*\" grant would make the bucket public", () => {
        const p = applyPlan([tlsOnly, grant([`${bucketArn}/profile-pictures/*`], distArn)]);
        assert.equal(read(p, "profile-pictures/user-1/a.jpg", "anonymous").verdict, "denied");
        const open = applyPlan([tlsOnly, { Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: `${bucketArn}/profile-pictures/*` }]);
        assert.equal(read(open, "profile-pictures/user-1/a.jpg", "anonymous").verdict, "allowed");
    });
    it("preview: the grant's ARNs are unknown; its SourceArn counts as the distribution's only when the policy depends on it", () => {
        const b = res("aws:s3/bucket:Bucket", "uploads", { bucketPrefix: "uploads-" });
        const dist = res("aws:cloudfront/distribution:Distribution", "public-files", {});
        const other = res("aws:cloudfront/distribution:Distribution", "static-cdn", {});
        const policy = res("aws:s3/bucketPolicy:BucketPolicy", "uploads-tls-only", { bucket: UNKNOWN, policy: { Version: "2012-10-17", Statement: [grant([UNKNOWN], UNKNOWN)] } }, { bucket: [b], policy: [b, dist] });
        const plan = new Plan([b, dist, other, policy]);
        const ask = (source: PlanResource) => mayPerform(plan, { principal: cloudfront, source, action: "s3:GetObject", target: b, objectKey: "profile-pictures/a.jpg", accountId: ACCOUNT }).verdict;
        assert.equal(ask(dist), "allowed");
        assert.equal(ask(other), "denied", "a distribution the policy does not depend on cannot be its SourceArn");
    });
});
