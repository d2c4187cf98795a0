import * as assert from "node:assert/strict";
import { parseMtlsSettings } from "../../components/config/mtls";
import { type RawConfig, readerFor } from "../helpers/settings";

const TAKEN = { appSubdomain: "app", cdnSubdomain: "cdn", websocketSubdomain: "ws", tenantSubdomain: "tenant" };

function parse(raw: RawConfig, phase: 1 | 2 | 3 | 4 = 3) {
    const read = readerFor(raw);
    return { settings: parseMtlsSettings(read, phase, TAKEN), problems: read.problems };
}

describe("config: the mTLS API (seed 002)", () => {
    it("is off unless mtlsApi is true", () => {
        assert.deepEqual(parse({}), { settings: undefined, problems: [] });
    });

    it("defaults: 2 gateway and 2 API tasks, port 8080, self-signed CA, a year of validity", () => {
        const { settings, problems } = parse({ mtlsApi: true, mtlsApiImageTag: "8c41d07", mtlsClientCidrs: ["198.51.100.0/24"] });
        assert.deepEqual(problems, []);
        assert.deepEqual(settings, {
            subdomain: "mtls", clientCidrs: ["198.51.100.0/24"], clients: [], gatewayCount: 2, apiCount: 2, apiPort: 8080,
            apiCpu: 512, apiMemory: 1024, gatewayImageTag: "1.27-alpine", apiImageTag: "8c41d07", certificateAuthority: "self-signed", certificateValidityDays: 365,
        });
    });

    it("has no default for the API's image tag: the API is code of its own, not the chat app's image", () => {
        const { problems } = parse({ mtlsApi: true, mtlsClientCidrs: ["198.51.100.0/24"] });
        assert.deepEqual(problems.map((p) => p.key), ["stagecraft:mtlsApiImageTag"]);
        assert.match(problems[0].allowed, /own repository/);
        assert.deepEqual(parse({ mtlsApi: true, mtlsApiImageTag: "bad tag", mtlsClientCidrs: ["198.51.100.0/24"] }).problems.map((p) => p.key), ["stagecraft:mtlsApiImageTag"]);
    });

    it("has no default for who may connect: the stack names the ranges, or 0.0.0.0/0 on purpose", () => {
        const missing = parse({ mtlsApi: true, mtlsApiImageTag: "8c41d07" });
        assert.deepEqual(missing.problems.map((p) => p.key), ["stagecraft:mtlsClientCidrs"]);
        assert.match(missing.problems[0].allowed, /0\.0\.0\.0\/0.*certificate still authenticates/);
        assert.deepEqual(parse({ mtlsApi: true, mtlsApiImageTag: "8c41d07", mtlsClientCidrs: [] }).problems.map((p) => p.key), ["stagecraft:mtlsClientCidrs"]);
        const open = parse({ mtlsApi: true, mtlsApiImageTag: "8c41d07", mtlsClientCidrs: ["0.0.0.0/0"] });
        assert.deepEqual([open.problems, open.settings?.clientCidrs], [[], ["0.0.0.0/0"]]);
        assert.deepEqual(parse({}).problems, [], "nothing asked while the API is off");
    });

    it("takes IPv4 ranges only: the NLB listens on IPv4", () => {
        const { problems } = parse({ mtlsApi: true, mtlsApiImageTag: "8c41d07", mtlsClientCidrs: ["198.51.100.0/24", "2001:db8::/32"] });
        assert.deepEqual(problems.map((p) => [p.key, p.value]), [["stagecraft:mtlsClientCidrs", "2001:db8::/32"]]);
    });

    it("never fewer than two tasks of either service", () => {
        const { problems } = parse({ mtlsApi: true, mtlsApiImageTag: "8c41d07", mtlsClientCidrs: ["0.0.0.0/0"], mtlsGatewayCount: 1, mtlsApiCount: 1 });
        assert.deepEqual(problems.map((p) => p.key), ["stagecraft:mtlsGatewayCount", "stagecraft:mtlsApiCount"]);
    });

    it("rejects bad client names, CIDRs, sizes Fargate does not offer and unknown authorities", () => {
        const { problems } = parse({
            mtlsApi: true, mtlsApiImageTag: "8c41d07", mtlsClients: ["Partner A", "ok", "ok"], mtlsClientCidrs: ["10.0.0.1/8"], mtlsApiCpu: 256, mtlsApiMemory: 4096,
            mtlsCertificateAuthority: "letsencrypt",
        });
        assert.deepEqual(problems.map((p) => p.key), [
            "stagecraft:mtlsClientCidrs", "stagecraft:mtlsClients", "stagecraft:mtlsClients", "stagecraft:mtlsApiMemory", "stagecraft:mtlsCertificateAuthority",
        ]);
    });

    it("needs the phase-3 platform", () => {
        const { settings, problems } = parse({ mtlsApi: true, mtlsApiImageTag: "8c41d07" }, 2);
        assert.equal(settings, undefined);
        assert.equal(problems[0].key, "stagecraft:mtlsApi");
    });
});
