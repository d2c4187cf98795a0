// Seed 003's public prefixes on the dev stack's plan: the distribution reads the prefixes, and —
// in apply mode, where the grant's ARNs are known — nothing else of the uploads bucket; the
// bucket answers no unauthenticated caller. A preview cannot tell one key of a bucket from
// another (docs/intents.md), so the private-key intent is asked of the apply plan.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runCheck } from "../../tools/check";

const REPO = path.resolve(__dirname, "..", "..");

describe("public-files intents (dev stack, apply mode)", function () {
    this.timeout(240_000);

    it("CloudFront reads profile-pictures/ and educational-materials/ for its distribution only, and no private document; every declared intent is proved", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "public-files-intents-"));
        const file = path.join(dir, "intents.yaml");
        const ask = (id: string, expect: string, key: string) =>
            `  - id: ${id}\n    expect: ${expect}\n    access: { principal: service:cloudfront.amazonaws.com, source: chat-dev-public-files, action: s3:GetObject, resource: chat-dev-uploads/${key} }\n`;
        fs.writeFileSync(file, "intents:\n"
            + ask("private-documents-closed", "deny", "student-documents/student-456/laudo.pdf")
            + ask("lookalike-prefix-closed", "deny", "profile-pictures-private/a.jpg")
            + ask("materials-open", "allow", "educational-materials/guia-inclusao.pdf"));
        try {
            const { report } = await runCheck({ programDir: REPO, stack: "dev", mode: "apply", intents: file, noPolicy: true, typecheck: false });
            const results = report.intents ?? [];
            assert.deepEqual(results.filter((r) => r.status !== "proved").map((r) => `${r.id}: ${r.explanation}`), []);
            for (const id of ["private-documents-closed", "lookalike-prefix-closed", "materials-open", "public-files-read-1", "public-files-read-2", "public-files-no-backups", "uploads-not-public"]) {
                assert.ok(results.some((r) => r.id === id), id);
            }
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});
