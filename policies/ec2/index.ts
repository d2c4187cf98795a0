/**
 * EC2 and VPC: security-group exposure (every rule spelling), instance metadata, EBS encryption,
 * secrets in user data, public IPs on launch templates.
 */
import type { PackPolicy } from "../lib/policy";
import { securityGroupNoUnrestrictedEgress } from "./securityGroupNoUnrestrictedEgress";
import { vpcFlowLogging } from "./vpcFlowLogging";
import { ebsEncryptionRequired } from "./ebsEncryptionRequired";
import { instanceAmiImdsv2Required } from "./instanceAmiImdsv2Required";
import { instanceImdsv2Required } from "./instanceImdsv2Required";
import { launchTemplateNoPublicIp } from "./launchTemplateNoPublicIp";
import { securityGroupNoPublicAdminPortsAcrossRules } from "./securityGroupNoPublicAdminPortsAcrossRules";
import { securityGroupNoPublicAllPorts } from "./securityGroupNoPublicAllPorts";
import { securityGroupNoPublicDatabasePorts } from "./securityGroupNoPublicDatabasePorts";
import { securityGroupNoPublicRdp } from "./securityGroupNoPublicRdp";
import { securityGroupNoPublicSsh } from "./securityGroupNoPublicSsh";
import { securityGroupPublicIngressAllowlist } from "./securityGroupPublicIngressAllowlist";
import { securityGroupRuleDescriptions } from "./securityGroupRuleDescriptions";
import { userDataNoSecrets } from "./userDataNoSecrets";
import { subnetNoPublicIp } from "./subnetNoPublicIp";
import { instanceDetailedMonitoringEnabled } from "./instanceDetailedMonitoringEnabled";
import { instanceProfileRequired } from "./instanceProfileRequired";
import { instanceTerminationProtected } from "./instanceTerminationProtected";
import { launchTemplateMetadataHopLimitEnforced } from "./launchTemplateMetadataHopLimitEnforced";
import { defaultSecurityGroupNoRules } from "./defaultSecurityGroupNoRules";

/** In table order. */
export const ec2Policies: readonly PackPolicy[] = [
    securityGroupNoPublicSsh, securityGroupNoPublicRdp, securityGroupNoPublicAdminPortsAcrossRules, securityGroupNoPublicDatabasePorts, securityGroupNoPublicAllPorts,
    securityGroupPublicIngressAllowlist, securityGroupRuleDescriptions, instanceImdsv2Required, instanceAmiImdsv2Required, ebsEncryptionRequired,
    userDataNoSecrets, launchTemplateNoPublicIp,
    subnetNoPublicIp,
    instanceDetailedMonitoringEnabled,
    instanceProfileRequired,
    instanceTerminationProtected,
    launchTemplateMetadataHopLimitEnforced,
    defaultSecurityGroupNoRules,
    vpcFlowLogging,
    securityGroupNoUnrestrictedEgress,
];
