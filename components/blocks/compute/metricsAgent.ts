/**
 * The CloudWatch agent's part of a host's first boot (pure text, issue 13): install the agent for
 * the AMI family, write its config (hostMetrics.ts) and start it. Amazon Linux 2023 ships the
 * agent in its repositories; Ubuntu gets AWS's .deb from the regional download bucket over HTTPS.
 */
import { type AmiFamily } from "../../config/settings";
import { REGION } from "../../config/patterns";
import { compressedFile } from "./hostData";
import { AGENT_CONFIG_PATH } from "../observability/hostMetrics";

const AGENT_CTL = "/opt/aws/amazon-cloudwatch-agent/bin/amazon-cloudwatch-agent-ctl";

/** AWS's regional download URL of the agent's .deb; `$arch` is dpkg's architecture (amd64, arm64). */
export function agentDebUrl(region: string): string {
    if (!REGION.test(region)) throw new Error(`not an AWS region: ${JSON.stringify(region)}`);
    return `https://amazoncloudwatch-agent-${region}.s3.${region}.amazonaws.com/ubuntu/$arch/latest/amazon-cloudwatch-agent.deb`;
}

function installAgent(family: AmiFamily, region: string): string[] {
    if (family === "al2023") return ["dnf install -y amazon-cloudwatch-agent"];
    // The URL holds $arch, expanded by bash: double quotes around a value checked by REGION above.
    return [
        "arch=$(dpkg --print-architecture)",
        `curl -fsSL -o /tmp/cwagent.deb "${agentDebUrl(region)}"`,
        "dpkg -i -E /tmp/cwagent.deb",
    ];
}

/** Lines that install the agent, write its JSON config and (re)start it with that config. */
export function metricsAgentSetup(family: AmiFamily, region: string, configText: string): string[] {
    JSON.parse(configText); // loud here rather than on the host
    return [
        "",
        "# 3c. CloudWatch agent (memory, disk)",
        ...installAgent(family, region),
        ...compressedFile(AGENT_CONFIG_PATH, configText),
        `${AGENT_CTL} -a fetch-config -m ec2 -s -c file:${AGENT_CONFIG_PATH}`,
    ];
}
