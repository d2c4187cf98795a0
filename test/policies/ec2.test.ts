import * as assert from "node:assert/strict";
import { ebsEncryptionRequired } from "../../policies/ec2/ebsEncryptionRequired";
import { instanceImdsv2Required } from "../../policies/ec2/instanceImdsv2Required";
import { launchTemplateNoPublicIp } from "../../policies/ec2/launchTemplateNoPublicIp";
import { securityGroupNoPublicAllPorts } from "../../policies/ec2/securityGroupNoPublicAllPorts";
import { securityGroupNoPublicDatabasePorts } from "../../policies/ec2/securityGroupNoPublicDatabasePorts";
import { securityGroupNoPublicRdp } from "../../policies/ec2/securityGroupNoPublicRdp";
import { securityGroupNoPublicSsh } from "../../policies/ec2/securityGroupNoPublicSsh";
import { securityGroupPublicIngressAllowlist } from "../../policies/ec2/securityGroupPublicIngressAllowlist";
import { securityGroupRuleDescriptions } from "../../policies/ec2/securityGroupRuleDescriptions";
import { userDataNoSecrets } from "../../policies/ec2/userDataNoSecrets";
import type { PackPolicy } from "../../policies/lib/policy";
import { res, T } from "./helpers/fixtures";
import { advisory, type Diagnostic, details, mandatory, runResource, type RunOptions, UNKNOWN } from "./helpers/server";

function check(policy: PackPolicy, type: string, props: Record<string, unknown>, options?: RunOptions): Diagnostic[] {
    return runResource(policy, res(type, "web-sg", props), options);
}

const SSH_FIX = "Allow SSH only from an admin CIDR (for example 203.0.113.10/32), or remove the rule and use SSM Session Manager.";

describe("ec2-security-group-no-public-ssh", () => {
    describe("compliant", () => {
        it("allows SSH from an admin /32", () => {
            assert.deepEqual(check(securityGroupNoPublicSsh, T.ingress, { ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv4: "203.0.113.10/32" }), []);
        });
        it("allows HTTPS from the world", () => {
            assert.deepEqual(check(securityGroupNoPublicSsh, T.ingress, { ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: "0.0.0.0/0" }), []);
        });
        it("allows SSH from the VPC or a peer security group", () => {
            assert.deepEqual(check(securityGroupNoPublicSsh, T.sg, { ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["10.0.0.0/16"], securityGroups: ["sg-1"] }] }), []);
        });
        it("ignores egress to port 22", () => {
            assert.deepEqual(check(securityGroupNoPublicSsh, T.egress, { ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv4: "0.0.0.0/0" }), []);
            assert.deepEqual(check(securityGroupNoPublicSsh, T.sg, { egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }] }), []);
        });
        it("ignores UDP 22, which is not SSH", () => {
            assert.deepEqual(check(securityGroupNoPublicSsh, T.ingress, { ipProtocol: "udp", fromPort: 22, toPort: 22, cidrIpv4: "0.0.0.0/0" }), []);
        });
        it("is silent on an unknown source when the rule cannot reach port 22", () => {
            assert.deepEqual(check(securityGroupNoPublicSsh, T.ingress, { ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: UNKNOWN }), []);
        });
    });

    describe("violating", () => {
        it("flags aws.vpc.SecurityGroupIngressRule tcp 22 from 0.0.0.0/0, naming the rule, the problem and the fix", () => {
            const diags = check(securityGroupNoPublicSsh, T.ingress, { ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv4: "0.0.0.0/0", securityGroupId: UNKNOWN });
            assert.deepEqual(details(diags), [`web-sg: rule (tcp port 22) is open to 0.0.0.0/0 (the whole IPv4 internet), so SSH (TCP port 22) is reachable from the internet. ${SSH_FIX}`]);
            assert.equal(diags[0].enforcementLevel, "mandatory");
        });
        it("flags ::/0 on cidrIpv6", () => {
            assert.match(details(check(securityGroupNoPublicSsh, T.ingress, { ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv6: "::/0" }))[0], /open to ::\/0 \(the whole IPv6 internet\)/);
        });
        it("flags protocol -1 (all traffic)", () => {
            assert.match(details(check(securityGroupNoPublicSsh, T.ingress, { ipProtocol: "-1", cidrIpv4: "0.0.0.0/0" }))[0], /^web-sg: rule \(all traffic\) is open to 0\.0\.0\.0\/0/);
        });
        it("flags a port range containing 22", () => {
            assert.match(details(check(securityGroupNoPublicSsh, T.ingress, { ipProtocol: "tcp", fromPort: 20, toPort: 25, cidrIpv4: "0.0.0.0/0" }))[0], /rule \(tcp ports 20-25\)/);
        });
        it("flags the numeric protocol 6", () => {
            assert.equal(mandatory(check(securityGroupNoPublicSsh, T.ingress, { ipProtocol: "6", fromPort: 22, toPort: 22, cidrIpv4: "0.0.0.0/0" })).length, 1);
        });
        it("flags aws.ec2.SecurityGroupRule of type ingress", () => {
            const d = check(securityGroupNoPublicSsh, T.sgRule, { type: "ingress", protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"], securityGroupId: UNKNOWN });
            assert.equal(mandatory(d).length, 1);
        });
        it("flags aws.ec2.SecurityGroupRule with protocol \"all\" on IPv6", () => {
            assert.equal(mandatory(check(securityGroupNoPublicSsh, T.sgRule, { type: "ingress", protocol: "all", fromPort: 0, toPort: 0, ipv6CidrBlocks: ["::/0"] })).length, 1);
        });
        it("flags an inline ingress block on the group, naming its position", () => {
            const d = check(securityGroupNoPublicSsh, T.sg, { ingress: [
                { protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] },
                { protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["10.0.0.0/8", "0.0.0.0/0"] },
            ] });
            assert.deepEqual(details(d), [`web-sg: ingress[1] (tcp port 22) is open to 0.0.0.0/0 (the whole IPv4 internet), so SSH (TCP port 22) is reachable from the internet. ${SSH_FIX}`]);
        });
        it("flags 0.0.0.0/0 split into two halves, once per half", () => {
            const d = check(securityGroupNoPublicSsh, T.sg, { ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/1", "128.0.0.0/1"] }] });
            assert.equal(mandatory(d).length, 2);
            assert.match(details(d)[0], /0\.0\.0\.0\/1 \(an internet-wide range of 2\^31 addresses\)/);
        });
        it("flags the default security group's inline rules", () => {
            assert.equal(mandatory(check(securityGroupNoPublicSsh, T.defaultSg, { ingress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }] })).length, 1);
        });
    });

    describe("unknown inputs", () => {
        it("notes (advisory) a port-22 rule whose source is unknown during preview", () => {
            const d = check(securityGroupNoPublicSsh, T.ingress, { ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv4: UNKNOWN });
            assert.deepEqual(details(d), ["web-sg: cidrIpv4 is not known during preview, so whether rule (tcp port 22) opens SSH (TCP port 22) to the internet cannot be checked yet. The policy checks the real value once it is known, during `pulumi up`."]);
            assert.equal(d[0].enforcementLevel, "advisory");
        });
        it("notes a world rule whose ports are unknown", () => {
            const d = check(securityGroupNoPublicSsh, T.ingress, { ipProtocol: "tcp", fromPort: UNKNOWN, toPort: UNKNOWN, cidrIpv4: "0.0.0.0/0" });
            assert.equal(advisory(d).length, 1);
            assert.match(details(d)[0], /^web-sg: fromPort\/toPort is not known during preview/);
        });
        it("notes a group whose whole ingress list is unknown", () => {
            assert.match(details(check(securityGroupNoPublicSsh, T.sg, { ingress: UNKNOWN }))[0], /^web-sg: ingress is not known during preview/);
        });
        it("still flags a known-bad rule whose group id is unknown", () => {
            assert.equal(mandatory(check(securityGroupNoPublicSsh, T.ingress, { ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv4: "0.0.0.0/0", securityGroupId: UNKNOWN })).length, 1);
        });
    });

    it("skips a rule listed in exemptions", () => {
        const d = check(securityGroupNoPublicSsh, T.ingress, { ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv4: "0.0.0.0/0" },
            { config: { exemptions: [{ resource: "web-*", reason: "bastion under incident response" }] } });
        assert.deepEqual(d, []);
    });
});

describe("ec2-security-group-no-public-rdp", () => {
    it("allows RDP from an admin network", () => {
        assert.deepEqual(check(securityGroupNoPublicRdp, T.ingress, { ipProtocol: "tcp", fromPort: 3389, toPort: 3389, cidrIpv4: "198.51.100.0/24" }), []);
    });
    it("flags TCP 3389 from the world", () => {
        assert.deepEqual(details(check(securityGroupNoPublicRdp, T.ingress, { ipProtocol: "tcp", fromPort: 3389, toPort: 3389, cidrIpv4: "0.0.0.0/0" })),
            ["web-sg: rule (tcp port 3389) is open to 0.0.0.0/0 (the whole IPv4 internet), so RDP (port 3389) is reachable from the internet. Allow RDP only from an admin CIDR, or remove the rule and use SSM Fleet Manager."]);
    });
    it("flags UDP 3389, which RDP also uses", () => {
        assert.equal(mandatory(check(securityGroupNoPublicRdp, T.sgRule, { type: "ingress", protocol: "udp", fromPort: 3389, toPort: 3389, ipv6CidrBlocks: ["::/0"] })).length, 1);
    });
    it("flags a range containing 3389 inline", () => {
        assert.equal(mandatory(check(securityGroupNoPublicRdp, T.sg, { ingress: [{ protocol: "tcp", fromPort: 3000, toPort: 4000, cidrBlocks: ["0.0.0.0/0"] }] })).length, 1);
    });
    it("notes an RDP rule with an unknown source", () => {
        assert.equal(advisory(check(securityGroupNoPublicRdp, T.ingress, { ipProtocol: "tcp", fromPort: 3389, toPort: 3389, cidrIpv4: UNKNOWN })).length, 1);
    });
});

describe("ec2-security-group-no-public-database-ports", () => {
    it("allows PostgreSQL from the application's security group", () => {
        assert.deepEqual(check(securityGroupNoPublicDatabasePorts, T.ingress, { ipProtocol: "tcp", fromPort: 5432, toPort: 5432, referencedSecurityGroupId: UNKNOWN }), []);
    });
    it("flags PostgreSQL from the world, naming the engine", () => {
        assert.deepEqual(details(check(securityGroupNoPublicDatabasePorts, T.ingress, { ipProtocol: "tcp", fromPort: 5432, toPort: 5432, cidrIpv4: "0.0.0.0/0" })),
            ["web-sg: rule (tcp port 5432) is open to 0.0.0.0/0 (the whole IPv4 internet), so database/cache port 5432 (PostgreSQL) is reachable from the internet. "
                + "Allow these ports only from the application's security group (referencedSecurityGroupId) or private CIDRs."]);
    });
    it("reports an all-traffic rule once, listing every protected port it reaches", () => {
        const d = check(securityGroupNoPublicDatabasePorts, T.ingress, { ipProtocol: "-1", cidrIpv6: "::/0" });
        assert.equal(d.length, 1);
        assert.match(d[0].detail, /ports 3306 \(MySQL\), 5432 \(PostgreSQL\), 6379 \(Redis\), 11211 \(Memcached\), 27017 \(MongoDB\), 9200 \(Elasticsearch\/OpenSearch\) are reachable/);
    });
    it("flags Memcached over UDP", () => {
        assert.equal(mandatory(check(securityGroupNoPublicDatabasePorts, T.ingress, { ipProtocol: "udp", fromPort: 11211, toPort: 11211, cidrIpv4: "0.0.0.0/0" })).length, 1);
    });
    it("flags Redis in an inline port range", () => {
        assert.match(details(check(securityGroupNoPublicDatabasePorts, T.sg, { ingress: [{ protocol: "tcp", fromPort: 6000, toPort: 7000, cidrBlocks: ["0.0.0.0/0"] }] }))[0], /6379 \(Redis\)/);
    });
    it("uses the ports the policy config lists", () => {
        const rule = { ipProtocol: "tcp", fromPort: 1433, toPort: 1433, cidrIpv4: "0.0.0.0/0" };
        assert.deepEqual(check(securityGroupNoPublicDatabasePorts, T.ingress, rule), []);
        assert.match(details(check(securityGroupNoPublicDatabasePorts, T.ingress, rule, { config: { ports: [1433] } }))[0], /1433 \(SQL Server\)/);
    });
    it("notes a Redis rule with an unknown source", () => {
        assert.equal(advisory(check(securityGroupNoPublicDatabasePorts, T.ingress, { ipProtocol: "tcp", fromPort: 6379, toPort: 6379, cidrIpv4: UNKNOWN })).length, 1);
    });
});

describe("ec2-security-group-no-public-all-ports", () => {
    it("allows all traffic inside the VPC", () => {
        assert.deepEqual(check(securityGroupNoPublicAllPorts, T.ingress, { ipProtocol: "-1", cidrIpv4: "10.0.0.0/16" }), []);
    });
    it("allows a wide but partial range", () => {
        assert.deepEqual(check(securityGroupNoPublicAllPorts, T.ingress, { ipProtocol: "tcp", fromPort: 1024, toPort: 65535, cidrIpv4: "0.0.0.0/0" }), []);
    });
    it("flags all protocols from the world", () => {
        assert.deepEqual(details(check(securityGroupNoPublicAllPorts, T.ingress, { ipProtocol: "-1", cidrIpv4: "0.0.0.0/0" })),
            ["web-sg: rule (all traffic) is open to 0.0.0.0/0 (the whole IPv4 internet) on every port. Open only the ports the service needs (for a web server: 80 and 443)."]);
    });
    it("flags TCP 0-65535 inline", () => {
        assert.equal(mandatory(check(securityGroupNoPublicAllPorts, T.sg, { ingress: [{ protocol: "tcp", fromPort: 0, toPort: 65535, ipv6CidrBlocks: ["::/0"] }] })).length, 1);
    });
    it("notes an all-traffic rule with an unknown source", () => {
        assert.equal(advisory(check(securityGroupNoPublicAllPorts, T.sgRule, { type: "ingress", protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: UNKNOWN })).length, 1);
    });
});

describe("ec2-security-group-public-ingress-allowlist", () => {
    it("accepts 80 and 443 from the world", () => {
        assert.deepEqual(check(securityGroupPublicIngressAllowlist, T.ingress, { ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: "0.0.0.0/0" }), []);
        assert.deepEqual(check(securityGroupPublicIngressAllowlist, T.ingress, { ipProtocol: "tcp", fromPort: 80, toPort: 80, cidrIpv6: "::/0" }), []);
    });
    it("accepts ICMP from the world", () => {
        assert.deepEqual(check(securityGroupPublicIngressAllowlist, T.ingress, { ipProtocol: "icmp", fromPort: 8, toPort: 0, cidrIpv4: "0.0.0.0/0" }), []);
    });
    it("flags an app port open to the world, advisory by default", () => {
        const d = check(securityGroupPublicIngressAllowlist, T.ingress, { ipProtocol: "tcp", fromPort: 5000, toPort: 5000, cidrIpv4: "0.0.0.0/0" });
        assert.deepEqual(details(d), ["web-sg: rule (tcp port 5000) is open to 0.0.0.0/0 (the whole IPv4 internet), beyond the ports allowed from the internet (80, 443). "
            + "Restrict the source, put the service behind the load balancer, or add the port to allowedPorts in the policy config."]);
        assert.equal(d[0].enforcementLevel, "advisory");
    });
    it("accepts a port the config allows", () => {
        assert.deepEqual(check(securityGroupPublicIngressAllowlist, T.ingress, { ipProtocol: "tcp", fromPort: 5000, toPort: 5000, cidrIpv4: "0.0.0.0/0" }, { config: { allowedPorts: [80, 443, 5000] } }), []);
    });
});

describe("ec2-security-group-rule-descriptions", () => {
    it("accepts a described group and described rules", () => {
        assert.deepEqual(check(securityGroupRuleDescriptions, T.sg, { description: "Web host", ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, description: "HTTPS" }] }), []);
        assert.deepEqual(check(securityGroupRuleDescriptions, T.ingress, { ipProtocol: "tcp", fromPort: 443, toPort: 443, description: "HTTPS" }), []);
    });
    it("flags a group left with Pulumi's default description", () => {
        assert.match(details(check(securityGroupRuleDescriptions, T.sg, { description: "Managed by Pulumi" }))[0], /^web-sg: the security group has no description of its own/);
        assert.equal(check(securityGroupRuleDescriptions, T.sg, {}).length, 1);
    });
    it("flags an undescribed rule resource and inline rule", () => {
        assert.deepEqual(details(check(securityGroupRuleDescriptions, T.ingress, { ipProtocol: "tcp", fromPort: 443, toPort: 443 })),
            ["web-sg: rule (tcp port 443) has no description. Set description to the reason for the rule, e.g. \"HTTPS from the internet\"."]);
        assert.equal(check(securityGroupRuleDescriptions, T.sg, { description: "x", egress: [{ protocol: "-1", fromPort: 0, toPort: 0 }] }).length, 1);
    });
});

describe("ec2-instance-imdsv2-required", () => {
    const fix = "Set metadataOptions: { httpTokens: \"required\" }.";
    it("accepts httpTokens required on an instance, a template and a launch configuration", () => {
        for (const type of [T.instance, T.launchTemplate, T.launchConfiguration]) {
            assert.deepEqual(check(instanceImdsv2Required, type, { metadataOptions: { httpTokens: "required", httpEndpoint: "enabled" } }), [], type);
        }
    });
    it("accepts a disabled metadata endpoint", () => {
        assert.deepEqual(check(instanceImdsv2Required, T.instance, { metadataOptions: { httpEndpoint: "disabled" } }), []);
    });
    it("leaves an instance launched from a template to the template's own check", () => {
        assert.deepEqual(check(instanceImdsv2Required, T.instance, { launchTemplate: { id: UNKNOWN, version: "$Latest" } }), []);
    });
    it("flags httpTokens optional", () => {
        assert.deepEqual(details(check(instanceImdsv2Required, T.instance, { metadataOptions: { httpTokens: "optional" } })),
            [`web-sg: metadataOptions.httpTokens is "optional", so the metadata service still answers IMDSv1 requests, which an SSRF bug can use to read the instance role's credentials. ${fix}`]);
    });
    it("flags an instance without metadataOptions", () => {
        assert.match(details(check(instanceImdsv2Required, T.instance, { ami: "ami-1" }))[0], /^web-sg: metadataOptions\.httpTokens is not set/);
    });
    it("flags a launch template and a launch configuration without IMDSv2", () => {
        assert.equal(mandatory(check(instanceImdsv2Required, T.launchTemplate, { metadataOptions: { httpPutResponseHopLimit: 2 } })).length, 1);
        assert.equal(mandatory(check(instanceImdsv2Required, T.launchConfiguration, {})).length, 1);
    });
    it("notes unknown metadata options", () => {
        assert.match(details(check(instanceImdsv2Required, T.instance, { metadataOptions: { httpTokens: UNKNOWN } }))[0], /metadataOptions\.httpTokens is not known during preview/);
        assert.equal(advisory(check(instanceImdsv2Required, T.instance, { metadataOptions: UNKNOWN })).length, 1);
    });
});

describe("ec2-ebs-encryption-required", () => {
    it("accepts an encrypted root and data volume", () => {
        assert.deepEqual(check(ebsEncryptionRequired, T.instance, {
            rootBlockDevice: { encrypted: true, volumeType: "gp3" },
            ebsBlockDevices: [{ deviceName: "/dev/sdf", encrypted: true }],
        }), []);
    });
    it("flags an instance that does not declare its root volume", () => {
        assert.deepEqual(details(check(ebsEncryptionRequired, T.instance, { ami: "ami-1" })),
            ["web-sg: rootBlockDevice is not declared, so the root volume's encryption depends on the AMI and the account default. Declare rootBlockDevice: { encrypted: true }."]);
    });
    it("flags an unencrypted root and an unencrypted data volume", () => {
        const d = check(ebsEncryptionRequired, T.instance, { rootBlockDevice: { encrypted: false }, ebsBlockDevices: [{ deviceName: "/dev/sdf" }] });
        assert.deepEqual(details(d), [
            "web-sg: rootBlockDevice.encrypted is false, so the volume may be stored unencrypted. Set rootBlockDevice.encrypted to true.",
            "web-sg: ebsBlockDevices[0].encrypted is not set, so the volume may be stored unencrypted. Set ebsBlockDevices[0].encrypted to true.",
        ]);
    });
    it("accepts a launch template whose EBS mappings say encrypted \"true\"", () => {
        assert.deepEqual(check(ebsEncryptionRequired, T.launchTemplate, { blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true", volumeType: "gp3" } }] }), []);
    });
    it("flags a launch template mapping with encrypted \"false\" and one without mappings", () => {
        assert.deepEqual(details(check(ebsEncryptionRequired, T.launchTemplate, { blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "false" } }] })),
            ["web-sg: blockDeviceMappings[0].ebs.encrypted is false, so the volume may be stored unencrypted. Set blockDeviceMappings[0].ebs.encrypted to \"true\"."]);
        assert.match(details(check(ebsEncryptionRequired, T.launchTemplate, {}))[0], /declares no EBS blockDeviceMappings/);
    });
    it("flags a launch configuration's unencrypted root volume", () => {
        assert.equal(mandatory(check(ebsEncryptionRequired, T.launchConfiguration, { rootBlockDevice: { volumeSize: 30 } })).length, 1);
    });
    it("flags an unencrypted standalone volume by its field", () => {
        assert.deepEqual(details(check(ebsEncryptionRequired, T.volume, { size: 10 })),
            ["web-sg: encrypted is not set, so the volume may be stored unencrypted. Set encrypted to true."]);
    });
    it("requires a customer-managed key when the config says so", () => {
        const d = check(ebsEncryptionRequired, T.volume, { encrypted: true }, { config: { requireCustomerManagedKey: true } });
        assert.deepEqual(details(d), ["web-sg: the volume is encrypted with the AWS-managed key (aws/ebs), but this stack requires a customer-managed key. Set kmsKeyId to the stack's KMS key."]);
        assert.deepEqual(check(ebsEncryptionRequired, T.volume, { encrypted: true, kmsKeyId: UNKNOWN }, { config: { requireCustomerManagedKey: true } }), []);
    });
    it("notes an unknown encryption flag", () => {
        assert.equal(advisory(check(ebsEncryptionRequired, T.instance, { rootBlockDevice: { encrypted: UNKNOWN } })).length, 1);
    });
});

describe("ec2-user-data-no-secrets", () => {
    it("accepts a script that reads its secrets from SSM", () => {
        assert.deepEqual(check(userDataNoSecrets, T.instance, { userData: "#!/bin/bash\nDB_PASSWORD=$(aws ssm get-parameter --name /chat/db --with-decryption)\n" }), []);
    });
    it("flags an AWS access key id in plain user data, naming the line", () => {
        assert.deepEqual(details(check(userDataNoSecrets, T.instance, { userData: "#!/bin/bash\nexport AWS_ACCESS_KEY_ID=AKIAABCDEFGHIJKLMNOP\n" })),
            ["web-sg: userData contains an AWS access key id (line 2); anyone allowed ec2:DescribeInstanceAttribute can read user data. "
                + "Store the secret in SSM Parameter Store (SecureString) or Secrets Manager and fetch it at boot with the instance role."]);
    });
    it("flags a literal password in a launch template's base64 user data", () => {
        const userData = Buffer.from("#!/bin/bash\nJWT_SECRET_KEY=changeme123\n").toString("base64");
        assert.match(details(check(userDataNoSecrets, T.launchTemplate, { userData }))[0], /userData contains a literal value for JWT_SECRET_KEY \(line 2\)/);
    });
    it("flags a private key in userDataBase64", () => {
        const userDataBase64 = Buffer.from("-----BEGIN RSA PRIVATE KEY-----\nMIIE...\n").toString("base64");
        assert.match(details(check(userDataNoSecrets, T.instance, { userDataBase64 }))[0], /^web-sg: userDataBase64 contains a private key \(line 1\)/);
    });
    it("notes user data that is unknown during preview", () => {
        assert.equal(advisory(check(userDataNoSecrets, T.instance, { userData: UNKNOWN })).length, 1);
    });
});

describe("ec2-launch-template-no-public-ip", () => {
    it("accepts templates without public IPs", () => {
        assert.deepEqual(check(launchTemplateNoPublicIp, T.launchTemplate, { networkInterfaces: [{ associatePublicIpAddress: "false" }] }), []);
        assert.deepEqual(check(launchTemplateNoPublicIp, T.launchTemplate, {}), []);
    });
    it("flags a template network interface with a public IP", () => {
        assert.deepEqual(details(check(launchTemplateNoPublicIp, T.launchTemplate, { networkInterfaces: [{ associatePublicIpAddress: "true" }] })),
            ["web-sg: networkInterfaces[0].associatePublicIpAddress is true, so every instance launched from it is directly reachable from the internet. Launch into private subnets behind the load balancer and set it to false."]);
    });
    it("flags a launch configuration with a public IP", () => {
        assert.equal(check(launchTemplateNoPublicIp, T.launchConfiguration, { associatePublicIpAddress: true }).length, 1);
    });
    it("notes unknown network interfaces", () => {
        assert.equal(check(launchTemplateNoPublicIp, T.launchTemplate, { networkInterfaces: UNKNOWN })[0].enforcementLevel, "advisory");
    });
    it("does not judge instances (the single host's Elastic IP is deliberate)", () => {
        assert.deepEqual(check(launchTemplateNoPublicIp, T.instance, { associatePublicIpAddress: true }), []);
    });
});
