/** The single host's first-boot script from its settings (pure): what SingleHost hands EC2. */
import { appHostFiles, type HostFiles } from "../../blocks/compute/userData";
import { type Settings } from "../../config/settings";
import { singleHostIngress } from "./traffic";

export type SingleHostBootSettings = Pick<Settings, "region" | "environment" | "app" | "network" | "host" | "dns">;

/** First-boot files of the phase-1 host: its firewall mirrors the security group (singleHostIngress). */
export function singleHostFiles(s: SingleHostBootSettings): HostFiles {
    return appHostFiles({
        app: s.app,
        environment: s.environment,
        region: s.region,
        family: s.host.amiFamily,
        ingress: singleHostIngress({ appPort: s.app.port, appPortCidrs: s.host.appPortCidrs, sshCidrs: s.host.sshCidrs, ipv6: s.network.ipv6 }),
        exposure: { publishAppPort: s.host.appPortCidrs.length > 0, tlsDomain: s.dns.tls ? s.dns.domain : undefined },
    });
}
