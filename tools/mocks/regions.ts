// Region facts the mocked invokes answer with: partition, display name, availability zones.

const DESCRIPTIONS: Record<string, string> = {
    "us-east-1": "US East (N. Virginia)",
    "us-east-2": "US East (Ohio)",
    "us-west-1": "US West (N. California)",
    "us-west-2": "US West (Oregon)",
    "ca-central-1": "Canada (Central)",
    "sa-east-1": "South America (Sao Paulo)",
    "eu-west-1": "Europe (Ireland)",
    "eu-west-2": "Europe (London)",
    "eu-west-3": "Europe (Paris)",
    "eu-central-1": "Europe (Frankfurt)",
    "eu-north-1": "Europe (Stockholm)",
    "eu-south-1": "Europe (Milan)",
    "ap-south-1": "Asia Pacific (Mumbai)",
    "ap-southeast-1": "Asia Pacific (Singapore)",
    "ap-southeast-2": "Asia Pacific (Sydney)",
    "ap-northeast-1": "Asia Pacific (Tokyo)",
    "ap-northeast-2": "Asia Pacific (Seoul)",
    "me-south-1": "Middle East (Bahrain)",
    "af-south-1": "Africa (Cape Town)",
    "cn-north-1": "China (Beijing)",
    "us-gov-west-1": "AWS GovCloud (US-West)",
};

/** Zone letters that exist in a region (most regions have a, b, c). */
const ZONE_LETTERS: Record<string, string[]> = {
    "us-east-1": ["a", "b", "c", "d", "e", "f"],
    "us-west-1": ["a", "c"],
    "us-west-2": ["a", "b", "c", "d"],
    "ap-northeast-1": ["a", "c", "d"],
    "ap-northeast-2": ["a", "b", "c", "d"],
};

const DIRECTIONS: Record<string, string> = {
    east: "e", west: "w", north: "n", south: "s", central: "c",
    northeast: "ne", northwest: "nw", southeast: "se", southwest: "sw",
};

export interface PartitionInfo {
    partition: string;
    dnsSuffix: string;
    reverseDnsPrefix: string;
}

export function partitionOf(region: string): PartitionInfo {
    if (region.startsWith("cn-")) {
        return { partition: "aws-cn", dnsSuffix: "amazonaws.com.cn", reverseDnsPrefix: "cn.com.amazonaws" };
    }
    if (region.startsWith("us-gov-")) {
        return { partition: "aws-us-gov", dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws" };
    }
    return { partition: "aws", dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws" };
}

export function regionDescription(region: string): string {
    return DESCRIPTIONS[region] ?? region;
}

/** The AZ-id prefix AWS uses for a region: us-east-1 -> use1, ap-southeast-2 -> apse2. */
export function zoneIdPrefix(region: string): string {
    const parts = region.split("-");
    const number = parts[parts.length - 1];
    const words = parts.slice(0, -1);
    const geo = words[0] === "us" && words[1] === "gov" ? "usg" : words[0];
    const direction = words[words.length - 1];
    return `${geo}${DIRECTIONS[direction] ?? direction.charAt(0)}${number}`;
}

export interface Zone {
    name: string;
    zoneId: string;
}

export function zonesOf(region: string): Zone[] {
    const letters = ZONE_LETTERS[region] ?? ["a", "b", "c"];
    const prefix = zoneIdPrefix(region);
    return letters.map((letter, i) => ({ name: `${region}${letter}`, zoneId: `${prefix}-az${i + 1}` }));
}
