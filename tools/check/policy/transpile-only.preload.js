// Preloaded (node -r) into a policy pack process by the offline check unless --typecheck is
// given. @pulumi/pulumi's run-policy-pack registers ts-node with `typeCheck: true`, which for a
// pack importing @pulumi/aws costs ~10 s and ~600 MB before the pack can serve; type errors in
// a pack are the job of `tsc --noEmit` (npm run lint). This makes that one registration
// transpile-only; everything else in the pack's start-up and serving is untouched.
// Plain JavaScript on purpose: it runs before any TypeScript support is registered.
"use strict";
const { createRequire } = require("node:module");

const runScript = process.env.OFFLINE_CHECK_RUN_POLICY_PACK;
if (runScript) {
    try {
        const tsnode = require(createRequire(runScript).resolve("ts-node"));
        const register = tsnode.register;
        tsnode.register = function registerTranspileOnly(options) {
            return register.call(this, Object.assign({}, options, { typeCheck: false, transpileOnly: true }));
        };
    } catch {
        // No ts-node next to the pack's @pulumi/pulumi: run-policy-pack falls back to its vendored
        // copy; leave it as it is.
    }
}

// CHECK_PROFILE_DIR=<dir> (set by the offline check for tuning): profile the pack until it is
// stopped with SIGTERM, then write the CPU profile there.
const profileDir = process.env.OFFLINE_CHECK_PROFILE_DIR;
if (profileDir) {
    const inspector = require("node:inspector");
    const session = new inspector.Session();
    session.connect();
    session.post("Profiler.enable", () => session.post("Profiler.start"));
    process.on("SIGTERM", () => {
        session.post("Profiler.stop", (err, result) => {
            if (!err) {
                require("node:fs").writeFileSync(require("node:path").join(profileDir, `pack-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
            }
            process.exit(0);
        });
    });
}
