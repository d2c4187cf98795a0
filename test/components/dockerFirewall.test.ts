// The DOCKER-USER rules that filter Docker's published ports like the security group. The
// generated script passes bash -n and shellcheck, and runs under bash against recording
// stand-ins for iptables and ip (no root, no kernel tables needed): the chain it builds admits
// exactly the security group's sources and ports (matched before DNAT) and drops the rest.
import * as assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { singleHostIngress } from "../../components/architectures/phase1/traffic";
import { dockerUserScript } from "../../components/blocks/compute/dockerFirewall";
import { userData } from "../../components/blocks/compute/userData";

function has(tool: string): boolean {
    return spawnSync("sh", ["-c", `command -v ${tool}`]).status === 0;
}

/** Runs the script with iptables/ip6tables/ip replaced by stubs that log their arguments. */
function run(script: string): string[] {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "docker-user-"));
    try {
        const log = path.join(dir, "calls");
        for (const tool of ["iptables", "ip6tables"]) {
            fs.writeFileSync(path.join(dir, tool), `#!/bin/bash\necho "${tool} $*" >> ${JSON.stringify(log)}\n`, { mode: 0o755 });
        }
        fs.writeFileSync(path.join(dir, "ip"), "#!/bin/bash\necho 'default via 10.0.0.1 dev ens5 proto dhcp src 10.0.0.10 metric 512'\n", { mode: 0o755 });
        fs.writeFileSync(path.join(dir, "script"), script, { mode: 0o755 });
        execFileSync("bash", [path.join(dir, "script")], { env: { PATH: `${dir}:/usr/bin:/bin` } });
        return fs.readFileSync(log, "utf8").trim().split("\n");
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

describe("host firewall for published container ports (DOCKER-USER)", () => {
    const ingress = singleHostIngress({ appPort: 5000, appPortCidrs: ["198.51.100.0/24"], sshCidrs: [], ipv6: false });

    it("admits the security group's sources on the ports clients connect to, then drops the external interface", () => {
        const calls = run(dockerUserScript(ingress));
        assert.deepEqual(calls.slice(0, 4), [
            "iptables -N DOCKER-USER",
            "iptables -F DOCKER-USER",
            "iptables -A DOCKER-USER -m conntrack --ctstate ESTABLISHED,RELATED -j RETURN",
            "iptables -A DOCKER-USER ! -i ens5 -j RETURN",
        ]);
        const allows = calls.filter((c) => c.includes("--ctorigdstport")).map((c) => / -s (\S+) -p tcp -m conntrack --ctorigdstport (\S+)/.exec(c)!.slice(1).join(" "));
        assert.deepEqual(allows, ["0.0.0.0/0 80", "0.0.0.0/0 443", "198.51.100.0/24 5000"]);
        assert.equal(calls.at(-1), "iptables -A DOCKER-USER -i ens5 -j DROP");
        assert.ok(!calls.some((c) => c.startsWith("ip6tables")), "no IPv6 rules without IPv6 sources");
    });

    it("writes the IPv6 chain when the stack is dual-stack", () => {
        const calls = run(dockerUserScript(singleHostIngress({ appPort: 5000, appPortCidrs: [], sshCidrs: [], ipv6: true })));
        assert.ok(calls.includes("ip6tables -A DOCKER-USER -i ens5 -j DROP"));
        assert.ok(calls.some((c) => c.startsWith("ip6tables -A DOCKER-USER -i ens5 -s ::/0 -p tcp -m conntrack --ctorigdstport 443")));
    });

    it("an SSH allow-list reaches DOCKER-USER too, and nothing opens port 22 to the world", () => {
        const calls = run(dockerUserScript(singleHostIngress({ appPort: 5000, appPortCidrs: [], sshCidrs: ["203.0.113.10/32"], ipv6: false })));
        assert.deepEqual(calls.filter((c) => c.includes("--ctorigdstport 22")).map((c) => / -s (\S+)/.exec(c)![1]), ["203.0.113.10/32"]);
    });

    it("passes bash -n and shellcheck, alone and inside the first-boot script", function () {
        if (!has("shellcheck")) this.skip();
        const script = dockerUserScript(ingress);
        execFileSync("bash", ["-n"], { input: script });
        execFileSync("shellcheck", ["-S", "warning", "-s", "bash", "-"], { input: script });
    });

    it("the first-boot script installs it as a unit that runs after every start of Docker, unless the app uses the host network", () => {
        const base = {
            family: "al2023" as const, image: "ghcr.io/acme/chat", initialTag: "v1", ingress,
            compose: { appName: "chat", environment: "dev", port: 5000, region: "us-east-1", logGroupName: "/chat/dev/containers", publishAppPort: true },
            deploy: { appName: "chat", environment: "dev", port: 5000, healthPath: "/health", region: "us-east-1" },
        };
        const text = userData(base as unknown as Parameters<typeof userData>[0]);
        assert.match(text, /cat > '\/etc\/systemd\/system\/stagecraft-docker-user\.service'/);
        assert.match(text, /systemctl enable --now stagecraft-docker-user\.service/);
        const hostNetwork = userData({ ...base, compose: { ...base.compose, hostNetwork: true } } as unknown as Parameters<typeof userData>[0]);
        assert.doesNotMatch(hostNetwork, /DOCKER-USER/);
    });
});
