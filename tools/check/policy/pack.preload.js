// Preloaded (node -r) into every policy pack process the offline check starts, before
// @pulumi/pulumi's run-policy-pack. Plain JavaScript on purpose: it runs before any TypeScript
// support is registered. (The watchdog that ends the pack when the check is gone is preloaded before
// it: ../parent-watchdog.js.) It does four things:
//
// 1. The stack's config. The Pulumi CLI hands a pack its config in PULUMI_CONFIG; Linux limits one
//    environment string to 128 KiB (spawn fails with E2BIG beyond), so the check writes the config
//    to a private temporary file and this sets PULUMI_CONFIG from it, before anything reads the
//    environment, and removes the file.
// 2. Unless the check runs with --typecheck: @pulumi/pulumi's run-policy-pack registers ts-node
//    with `typeCheck: true`, which for a pack importing @pulumi/aws costs ~10 s and ~600 MB before
//    the pack can serve; type errors in a pack are the job of `tsc --noEmit` (npm run lint). This
//    makes that one registration transpile-only; everything else is untouched.
// 3. With that transpile-only registration, the pack's compiled files are kept in the check's
//    cache folder (OFFLINE_CHECK_TRANSPILE_CACHE), so the next run does not transpile them again.
// 4. The server answers Analyze without the "not applicable" list, which the check never reads
//    (not-applicable.js says why and what it saves).
"use strict";
const fs = require("node:fs");
const { createRequire } = require("node:module");

const configFile = process.env.OFFLINE_CHECK_CONFIG_FILE;
if (configFile) {
    delete process.env.OFFLINE_CHECK_CONFIG_FILE;
    try {
        process.env.PULUMI_CONFIG = fs.readFileSync(configFile, "utf8");
    } catch (err) {
        console.error(`offline check: cannot read the stack config from ${configFile}: ${err.message}`);
        process.exit(1);
    }
    // Read once: the file (and the private folder the check made for it) goes at once, so that no
    // copy of the config stays behind even if the check is killed outright.
    fs.rmSync(require("node:path").dirname(configFile), { recursive: true, force: true });
}

const runScript = process.env.OFFLINE_CHECK_RUN_POLICY_PACK;
const transpileCache = process.env.OFFLINE_CHECK_TRANSPILE_CACHE;
delete process.env.OFFLINE_CHECK_TRANSPILE_CACHE;
if (runScript) {
    delete process.env.OFFLINE_CHECK_RUN_POLICY_PACK;
    try {
        const tsnodePath = createRequire(runScript).resolve("ts-node");
        const tsnode = require(tsnodePath);
        const register = tsnode.register;
        tsnode.register = function registerTranspileOnly(options) {
            const transpileOnly = Object.assign({}, options, { typeCheck: false, transpileOnly: true });
            // 3. The pack's TypeScript, transpiled once and then read from the check's cache
            //    (compile-cache/): the stagecraft pack's 110 files cost ~1 s to transpile, and
            //    loading TypeScript to do it ~0.7 s more. Lazily when it can (nothing is loaded
            //    while every file is cached); else a ts-node service with the cache on it.
            if (!transpileCache) return register.call(this, transpileOnly);
            const sourceMapSupport = require(createRequire(tsnodePath).resolve("@cspotcode/source-map-support"));
            if (require("../compile-cache/lazy").registerLazily(tsnodePath, transpileOnly, transpileCache, sourceMapSupport)) return undefined;
            const service = register.call(this, transpileOnly);
            require("../compile-cache/cache").cacheCompiles(service, transpileCache, tsnode.VERSION, sourceMapSupport);
            return service;
        };
    } catch {
        // No ts-node next to the pack's @pulumi/pulumi: run-policy-pack falls back to its vendored
        // copy; leave it as it is.
    }
}

// 4. Resolved from the pack's folder, as run-policy-pack resolves the pack's @pulumi/policy.
try {
    const fromPack = createRequire(require("node:path").join(process.cwd(), "package.json"));
    require("./not-applicable").skipNotApplicable(
        require(fromPack.resolve("@pulumi/policy/protoutil")),
        require(fromPack.resolve("@pulumi/pulumi/proto/analyzer_pb")),
    );
} catch {
    // A pack without @pulumi/policy fails to serve on its own, with its own message.
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
