// Phase 1's intents on plans of the real program: egressPorts reach the internet (seed 001's
// MongoDB Atlas on 27017 was unreachable while the host's egress was fixed to 80/443), SSH stays
// closed to the internet, the app port follows appPortCidrs.
import * as assert from "node:assert/strict";
import { intentsOf, resultOf } from "./stack";

describe("phase 1 intents (dev stack variants)", function () {
    this.timeout(180_000);

    it("egressPorts [443, 80, 27017]: the host reaches MongoDB Atlas on 27017, and every intent is proved", async () => {
        const results = await intentsOf("dev", { egressPorts: [443, 80, 27017] });
        assert.equal(resultOf(results, "host-egress-27017").status, "proved", resultOf(results, "host-egress-27017").explanation);
        assert.deepEqual(results.filter((r) => r.status !== "proved").map((r) => `${r.id}: ${r.explanation}`), []);
    });

    it("SSH from an admin CIDR is proved reachable from it and closed to the internet; a closed app port is proved closed", async () => {
        const results = await intentsOf("dev", { sshCidrs: ["203.0.113.10/32"], appPortCidrs: [] });
        assert.equal(resultOf(results, "admin-ssh").status, "proved");
        assert.equal(resultOf(results, "no-internet-ssh").status, "proved");
        assert.equal(resultOf(results, "no-internet-to-app-port").status, "proved");
    });
});
