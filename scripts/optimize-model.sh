#!/usr/bin/env bash
# Regenerate the compiled EF Core model (src/CjpPortal.Core/Database/CompiledModel) after changing an entity or its
# configuration, and commit the result with the change (and its migration).
#
#   bash scripts/optimize-model.sh
#
# The portal uses the compiled model instead of building the model from the configurations at start-up (cold start:
# bench/coldstart.sh). EF Core finds it by itself and does not check it against the configurations;
# CompiledModelTests fails until it has been regenerated. No database is needed: like `dotnet ef migrations add`,
# it runs with src/CjpPortal.Core as its own startup project (AppDbContextDesignTimeFactory).
set -euo pipefail

# shellcheck source=scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=scripts/lib/prereqs.sh
source "$CJP_ROOT/scripts/lib/prereqs.sh"

cd "$CJP_ROOT"
output=Database/CompiledModel

cjp_step "Restoring the .NET tools"
cjp_restore_dotnet_tools

cjp_step "Generating the compiled model into src/CjpPortal.Core/$output"
# Start from an empty folder, so that the file of an entity type that no longer exists goes too.
rm -rf "src/CjpPortal.Core/$output"
dotnet ef dbcontext optimize --project src/CjpPortal.Core --startup-project src/CjpPortal.Core \
  --context AppDbContext --output-dir "$output" --namespace CjpPortal.Core.Database.CompiledModel
cjp_ok "Done. Review and commit src/CjpPortal.Core/$output"
