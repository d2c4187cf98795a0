import { canonicalCidr, cidrSyntaxProblem, hasHostBits, parseCidr } from "../lib/cidr";
import { type ConfigReader } from "./reader";

/** The valid, distinct network CIDRs of a list key; every other entry becomes a problem naming it. */
export function validCidrs(read: ConfigReader, key: string, values: string[], ipv6Allowed: boolean): string[] {
    const valid: string[] = [];
    for (const text of values) {
        const cidr = parseCidr(text);
        if (!cidr) {
            read.problem(key, text, `CIDR blocks such as 203.0.113.10/32 or 2001:db8::/48 (${cidrSyntaxProblem(text)})`);
        } else if (hasHostBits(cidr)) {
            read.problem(key, text, `a network address without host bits: ${canonicalCidr(cidr)}`);
        } else if (cidr.version === 6 && !ipv6Allowed) {
            read.problem(key, text, "IPv4 CIDRs only, unless stagecraft:enableIpv6 is true");
        } else if (!valid.includes(text)) {
            valid.push(text);
        }
    }
    return valid;
}
