// stagecraft: read and validate this stack's config, build the phase it selects, export outputs.
// Invalid config stops here, before any resource is registered (components/config).
import { loadSettings } from "./components/config";
import { buildStack } from "./components/architectures/program";

export = buildStack(loadSettings());
