import * as assert from "node:assert/strict";
import { securityGroupNoPublicDatabasePorts } from "../../../policies/ec2/securityGroupNoPublicDatabasePorts";
import { T } from "../helpers/fixtures";
import { advisory, details, mandatory, UNKNOWN } from "../helpers/server";
import { check } from "./helpers";

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
