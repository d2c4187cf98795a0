/** The web fleet's first-boot script from its settings (pure): what ScalableWeb's launch template holds. */
import { appHostFiles, type HostFiles } from "../../blocks/compute/userData";
import { type Settings } from "../../config/settings";
import { instanceFirewallIngress } from "./traffic";

export type FleetBootSettings = Pick<Settings, "region" | "environment" | "app" | "network" | "host">;

/** Phase 1's first-boot script without the TLS proxy (the ALB terminates TLS), app on the host network. */
export function fleetFiles(s: FleetBootSettings): HostFiles {
    return appHostFiles({
        app: s.app,
        environment: s.environment,
        region: s.region,
        family: s.host.amiFamily,
        ingress: instanceFirewallIngress(s.app.port, s.network.cidrBlock),
        exposure: { publishAppPort: true, proxy: false, hostNetwork: true },
    });
}
