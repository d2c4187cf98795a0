import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { gunzipSync } from "node:zlib";
import { parse } from "yaml";
import { amiQuery, architectureOf, isBurstable } from "../../components/blocks/compute/ami";
import { composeFile, type ComposeInput } from "../../components/blocks/compute/compose";
import { deployScript, REF_PATTERN } from "../../components/blocks/compute/deployScript";
import { firewallScript } from "../../components/blocks/compute/firewall";
import { hostFiles, userData, type UserDataInput } from "../../components/blocks/compute/userData";
import { deployDocument, rollbackDocument } from "../../components/blocks/deploy/documents";
import { singleHostIngress } from "../../components/architectures/phase1/traffic";

const compose: ComposeInput = {
    appName: "chat",
    environment: "dev",
    region: "us-east-1",
    port: 5000,
    publishAppPort: true,
    logGroupName: "/chat/dev/containers",
    healthPath: "/health",
};

function input(overrides: Partial<UserDataInput> = {}): UserDataInput {
    return {
        family: "al2023",
        compose,
        deploy: { appName: "chat", environment: "dev", region: "us-east-1", port: 5000, healthPath: "/health" },
        image: "ghcr.io/acme/chat",
        initialTag: "v1.2.3",
        ingress: singleHostIngress({ appPort: 5000, appPortCidrs: ["0.0.0.0/0"], sshCidrs: [], ipv6: false }),
        ...overrides,
    };
}

/** `bash -n`: the script parses (catches unbalanced quotes, heredocs and braces). */
function assertBashSyntax(script: string): void {
    const result = spawnSync("bash", ["-n"], { input: script, encoding: "utf8" });
    assert.equal(result.status, 0, result.stderr);
}

describe("user data", () => {
    it("installs Docker and the Compose plugin (checksum-verified) on Amazon Linux 2023", () => {
        const text = userData(input());
        assert.match(text, /dnf install -y docker git/);
        assert.match(text, /systemctl enable --now docker/);
        assert.match(text, /docker-compose-linux-\$arch\.sha256/);
        assert.match(text, /sha256sum -c -/);
    });

    it("installs docker.io, the Compose v2 plugin, ufw and the AWS CLI on Ubuntu 22.04", () => {
        const text = userData(input({ family: "ubuntu-22.04" }));
        assert.match(text, /apt-get install -y -q docker\.io docker-compose-v2 git curl ufw/);
        assert.match(text, /snap install aws-cli --classic/);
    });

    it("enables a host firewall with the security group's ports and nothing else", () => {
        const ubuntu = userData(input({ family: "ubuntu-22.04" }));
        assert.match(ubuntu, /ufw default deny incoming/);
        assert.match(ubuntu, /ufw allow proto tcp from '0\.0\.0\.0\/0' to any port 80 /);
        assert.match(ubuntu, /ufw allow proto tcp from '0\.0\.0\.0\/0' to any port 5000 /);
        assert.match(ubuntu, /ufw --force enable/);
        assert.doesNotMatch(ubuntu, /port 22\b/);
        const al = userData(input());
        assert.match(al, /policy drop;/);
        assert.match(al, /ip saddr 0\.0\.0\.0\/0 tcp dport 443 accept/);
        assert.doesNotMatch(al, /dport 22\b/);
    });

    it("opens SSH in the host firewall only from the admin CIDRs", () => {
        const ingress = singleHostIngress({ appPort: 5000, appPortCidrs: [], sshCidrs: ["203.0.113.10/32"], ipv6: false });
        const text = firewallScript("ubuntu-22.04", ingress);
        assert.match(text, /ufw allow proto tcp from '203\.0\.113\.10\/32' to any port 22 /);
        assert.equal((text.match(/port 22 /g) ?? []).length, 1);
    });

    it("writes the compose file, the image and first tag, and deploys through the deploy tool", () => {
        const text = userData(input());
        assert.match(text, /cat > '\/opt\/chat\/compose\.yaml' <<'STAGECRAFT_COMPOSE'/);
        assert.match(text, /APP_IMAGE=ghcr\.io\/acme\/chat\nAPP_TAG=v1\.2\.3/);
        assert.match(text, /\/usr\/local\/sbin\/stagecraft-deploy deploy 'v1\.2\.3'\n/);
    });

    it("holds no secret: app secrets are read from SSM Parameter Store at deploy time", () => {
        const files = hostFiles(input());
        for (const text of [files.userData, files.deployTool]) assert.doesNotMatch(text, /(password|secret_key|aws_secret_access_key)\s*=/i);
        assert.match(files.deployTool, /get-parameters-by-path --region "\$REGION" --path "\$PARAMETER_PATH"/);
        assert.match(files.deployTool, /PARAMETER_PATH='\/chat\/dev'/);
    });

    it("writes the deploy tool gzipped (EC2 takes 16 KB of user data): the block decodes to exactly the tool", () => {
        const files = hostFiles(input());
        const block = /base64 -d <<'STAGECRAFT_GZ' \| gunzip > '\/usr\/local\/sbin\/stagecraft-deploy'\n([A-Za-z0-9+/=\n]+)\nSTAGECRAFT_GZ\nchmod 0750 \/usr\/local\/sbin\/stagecraft-deploy\n/.exec(files.userData);
        assert.ok(block, "the compressed tool and its chmod");
        assert.equal(gunzipSync(Buffer.from(block[1], "base64")).toString("utf8"), files.deployTool);
        assert.ok(Buffer.byteLength(block[1]) < Buffer.byteLength(files.deployTool) * 0.6, `${Buffer.byteLength(block[1])} of ${Buffer.byteLength(files.deployTool)} bytes`);
    });

    it("a fleet's first boot runs `boot` (the recorded release), a single host deploys the configured tag", () => {
        const fleet = input({ deploy: { ...input().deploy, release: { parameter: "/chat/dev/STAGECRAFT_RELEASE", templateTag: "v1.2.3" } } });
        assert.match(userData(fleet), /\n\/usr\/local\/sbin\/stagecraft-deploy boot\n/);
        assert.doesNotMatch(userData(fleet), /stagecraft-deploy deploy/);
        assert.match(userData(input()), /\n\/usr\/local\/sbin\/stagecraft-deploy deploy 'v1\.2\.3'\n/);
    });

    it("is valid bash for both families (bash -n)", () => {
        assertBashSyntax(userData(input()));
        assertBashSyntax(userData(input({ family: "ubuntu-22.04" })));
        assertBashSyntax(deployScript({ appName: "chat", environment: "prod", region: "sa-east-1", port: 8000, healthPath: "/health", repository: "https://github.com/acme/chat.git" }));
    });
});

describe("compose file", () => {
    it("is valid YAML with an app and a proxy service and named volumes", () => {
        const doc = parse(composeFile({ ...compose, tlsDomain: "app.example.com" }));
        assert.deepEqual(Object.keys(doc.services), ["app", "proxy"]);
        assert.deepEqual(doc.services.app.ports, ["5000:5000"]);
        assert.deepEqual(doc.services.proxy.ports, ["80:80", "443:443", "443:443/udp"]);
        assert.equal(doc.services.app.logging.driver, "awslogs");
        assert.deepEqual(Object.keys(doc.volumes), ["caddy-data", "caddy-config"]);
        assert.equal(doc.services.app.env_file[0].path, "/opt/chat/app.env");
    });

    it("runs the app on its port with $PORT, CloudWatch logs and no-new-privileges", () => {
        const text = composeFile(compose);
        assert.match(text, /image: \$\{APP_IMAGE\}:\$\{APP_TAG\}/);
        assert.match(text, /PORT: "5000"/);
        assert.match(text, /- "5000:5000"/);
        assert.match(text, /awslogs-group: \"\/chat\/dev\/containers\"/);
        assert.match(text, /no-new-privileges:true/);
    });

    it("publishes the app port on loopback only when no source may reach it directly", () => {
        assert.match(composeFile({ ...compose, publishAppPort: false }), /- "127\.0\.0\.1:5000:5000"/);
    });

    it("the proxy publishes only :80 without TLS, and 80/443 with TLS; the site address is in its Caddyfile", () => {
        const plain = hostFiles(input());
        assert.doesNotMatch(plain.composeFile, /443/);
        assert.match(plain.caddyfile!, /^:80 \{$/m);
        const tls = hostFiles(input({ compose: { ...compose, tlsDomain: "app.example.com" } }));
        assert.match(tls.composeFile, /- "443:443"/);
        assert.match(tls.caddyfile!, /^app\.example\.com \{$/m);
    });

    it("the proxy runs the Caddyfile first boot writes, mounted read-only; the SPA is mounted only with spa", () => {
        const files = hostFiles(input());
        const doc = parse(files.composeFile);
        assert.deepEqual(doc.services.proxy.command, ["caddy", "run", "--config", "/etc/caddy/Caddyfile", "--adapter", "caddyfile"]);
        assert.ok(doc.services.proxy.volumes.includes("/opt/chat/Caddyfile:/etc/caddy/Caddyfile:ro"));
        assert.ok(!doc.services.proxy.volumes.some((v: string) => v.includes("/srv/spa")));
        assert.match(files.userData, /^cat > '\/opt\/chat\/Caddyfile' <<'STAGECRAFT_CADDY'$/m);
        const spa = parse(composeFile({ ...compose, spa: true }));
        assert.ok(spa.services.proxy.volumes.includes("/opt/chat/spa:/srv/spa:ro"));
    });

    it("behind a load balancer (no proxy) there is no Caddyfile", () => {
        const files = hostFiles(input({ compose: { ...compose, proxy: false } }));
        assert.equal(files.caddyfile, undefined);
        assert.doesNotMatch(files.userData, /Caddyfile/);
    });
});

describe("deploy tool and SSM documents", () => {
    const script = deployScript({ appName: "chat", environment: "dev", region: "us-east-1", port: 5000, healthPath: "/health" });

    it("deploy pulls and restarts compose, then probes the health path", () => {
        assert.match(script, /docker compose pull --quiet && docker compose up -d --remove-orphans/);
        assert.match(script, /HEALTH_URL='http:\/\/127\.0\.0\.1:5000\/health'/);
    });

    it("records current and previous releases, and restores the previous one when unhealthy", () => {
        assert.match(script, /STATE_FILE=\$STATE_DIR\/deploy_state/);
        assert.match(script, /restoring \$previous_tag/);
        assert.match(script, /rollback\) cmd_rollback/);
    });

    it("checks out the git ref when a repository is configured", () => {
        const withRepo = deployScript({ appName: "chat", environment: "dev", region: "us-east-1", port: 5000, healthPath: "/health", repository: "https://github.com/acme/chat.git" });
        assert.match(withRepo, /REPOSITORY='https:\/\/github\.com\/acme\/chat\.git'/);
        assert.match(withRepo, /checkout --quiet --detach "\$ref"/);
    });

    it("the deploy document takes a git ref restricted to safe characters and calls the tool", () => {
        const doc = deployDocument("chat", "dev");
        assert.equal(doc.schemaVersion, "2.2");
        assert.equal(doc.parameters.gitRef.allowedPattern, REF_PATTERN);
        assert.deepEqual(doc.mainSteps[0].inputs.runCommand, ["/usr/local/sbin/stagecraft-deploy deploy '{{ gitRef }}'"]);
        const pattern = new RegExp(REF_PATTERN);
        for (const ok of ["main", "v1.2.3", "release/2024-06", "a1b2c3d"]) assert.ok(pattern.test(ok), ok);
        for (const bad of ["$(reboot)", "main; rm -rf /", "`id`", "-x", "a'b", ""]) assert.ok(!pattern.test(bad), bad);
    });

    it("the rollback document rolls back without parameters", () => {
        const doc = rollbackDocument("chat", "dev");
        assert.deepEqual(doc.parameters, {});
        assert.deepEqual(doc.mainSteps[0].inputs.runCommand, ["/usr/local/sbin/stagecraft-deploy rollback"]);
    });
});

describe("AMI lookup", () => {
    it("Amazon Linux 2023 by Amazon, x86_64 by default", () => {
        const q = amiQuery("al2023", architectureOf("t3.micro"));
        assert.deepEqual(q.owners, ["137112412989"]);
        assert.deepEqual(q.filters[0], { name: "name", values: ["al2023-ami-2023.*-kernel-*-x86_64"] });
        assert.ok(q.filters.some((f) => f.name === "architecture" && f.values[0] === "x86_64"));
    });

    it("Ubuntu 22.04 by Canonical, arm64 for Graviton types", () => {
        const q = amiQuery("ubuntu-22.04", architectureOf("t4g.small"));
        assert.deepEqual(q.owners, ["099720109477"]);
        assert.deepEqual(q.filters[0].values, ["ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-arm64-server-*"]);
    });

    it("tells Graviton and burstable families apart", () => {
        assert.equal(architectureOf("m7g.large"), "arm64");
        assert.equal(architectureOf("c7gn.xlarge"), "arm64");
        assert.equal(architectureOf("m5.large"), "x86_64");
        assert.equal(isBurstable("t3.micro"), true);
        assert.equal(isBurstable("m5.large"), false);
    });
});
