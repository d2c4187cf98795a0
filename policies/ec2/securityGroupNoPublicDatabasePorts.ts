import { integerList } from "../lib/config";
import { describeOpen, type GuardedPort, reachesPort, type Verdict, worldIngress } from "../lib/exposure";
import { resourcePolicy } from "../lib/policy";
import { describeRule, RULE_TYPES, rulesOf } from "../lib/sgrules";
import { SG_DOCS } from "./worldIngress";

const DATA_PORT_NAMES: Readonly<Record<number, string>> = {
    1433: "SQL Server", 1521: "Oracle", 3306: "MySQL", 5432: "PostgreSQL", 6379: "Redis",
    9200: "Elasticsearch/OpenSearch", 9300: "Elasticsearch transport", 11211: "Memcached", 27017: "MongoDB",
};
const UDP_DATA_PORTS = new Set([11211]);

export const securityGroupNoPublicDatabasePorts = resourcePolicy({
    name: "ec2-security-group-no-public-database-ports",
    description: "No security-group rule opens a database or cache port (3306, 5432, 6379, 11211, 27017, 9200 by default) to the internet.",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: [{ framework: "fsbp", control: "EC2.19" }],
    topics: ["network", "data-protection"],
    resourceTypes: RULE_TYPES,
    remediation: "Allow database and cache ports only from the application's security group or private CIDRs.",
    url: SG_DOCS,
    config: {
        ports: integerList("Database and cache ports that must never be open to the internet.", [3306, 5432, 6379, 11211, 27017, 9200], 0, 65535),
    },
    check(r, config, report) {
        const rules = rulesOf(r.type, r.props);
        // One violation per (rule, source) naming every protected port the rule reaches.
        const open = new Map<string, { verdict: Extract<Verdict, { kind: "open" }>; ports: number[] }>();
        const undecided = new Map<string, Extract<Verdict, { kind: "unknown" }>>();
        for (const port of config.ports) {
            const guard: GuardedPort = { port, protocols: UDP_DATA_PORTS.has(port) ? ["tcp", "udp"] : ["tcp"], label: `port ${port}` };
            for (const v of worldIngress(rules, reachesPort(guard))) {
                const key = `${v.rule.location}|${v.kind === "open" ? v.source : v.field}`;
                if (v.kind === "open") {
                    const seen = open.get(key);
                    if (seen === undefined) open.set(key, { verdict: v, ports: [port] });
                    else seen.ports.push(port);
                } else if (!undecided.has(key)) {
                    undecided.set(key, v);
                }
            }
        }
        for (const { verdict, ports } of open.values()) {
            const names = ports.map((p) => (DATA_PORT_NAMES[p] === undefined ? `${p}` : `${p} (${DATA_PORT_NAMES[p]})`)).join(", ");
            report.violation(`${describeOpen(verdict)}, so database/cache port${ports.length > 1 ? "s" : ""} ${names} ${ports.length > 1 ? "are" : "is"} reachable from the internet. `
                + "Allow these ports only from the application's security group (referencedSecurityGroupId) or private CIDRs.");
        }
        for (const v of undecided.values()) report.unknown(`whether ${describeRule(v.rule)} opens a database or cache port to the internet`, v.field);
    },
});
