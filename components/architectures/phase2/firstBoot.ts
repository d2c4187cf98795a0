/** The web fleet's first-boot script from its settings (pure): what ScalableWeb's launch template holds. */
import { releaseParameterName } from "../../blocks/compute/deployScript";
import { appHostFiles, type HostFiles } from "../../blocks/compute/userData";
import { type Settings } from "../../config/settings";
import { instanceFirewallIngress } from "./traffic";

export type FleetBootSettings = Pick<Settings, "region" | "environment" | "app" | "network" | "host">;

/**
 * Phase 1's first-boot script without the TLS proxy (the ALB terminates TLS), app on the host
 * network; each instance boots the release the fleet recorded (releaseParameterName), so one
 * launched after an SSM deploy runs that release, not the template's tag.
 */
export function fleetFiles(s: FleetBootSettings): HostFiles {
    return appHostFiles({
        app: s.app,
        environment: s.environment,
        region: s.region,
        family: s.host.amiFamily,
        ingress: instanceFirewallIngress(s.app.port, s.network.cidrBlock),
        exposure: { publishAppPort: true, proxy: false, hostNetwork: true },
        releaseParameter: releaseParameterName(s.app.name, s.environment),
    });
}
