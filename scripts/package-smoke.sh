#!/usr/bin/env bash
# Package smoke test: "NuGet package reference in apps" works.
#   1. packs the solution (every src project: the libraries and the simulator tool, with symbols) into a temporary artifacts folder;
#   2. checks every package (scripts/package-smoke/check-packages.cs): README, license, docs, repository commit,
#      dependency versions, tool layout, SourceLink;
#   3. creates a fresh console app in a temporary folder outside the repository, with its own nuget.config (the
#      artifacts folder for ChatApis.*, nuget.org for the rest, its own packages folder so no cached copy is used),
#      references every library package but Core (the vendor packages, ChatApis.AspNetCore, ChatApis.Testing; Core
#      must come in as their dependency) by version, and runs
#      scripts/package-smoke/Program.cs: simulators from the package, clients from services.AddXxxClient(...), real calls,
#      and a Chatting trigger delivered to a ChatApis.AspNetCore endpoint, checked;
#   4. installs the simulator tool from the artifacts folder and starts it once.
# Needs only the .NET SDK and the package registry. The last line says PASSED or FAILED; the exit code agrees.
# KEEP=1 keeps the temporary folder for inspection.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

repo=$(pwd)
started=$SECONDS
work=$(mktemp -d "${TMPDIR:-/tmp}/chatapis-package-smoke.XXXXXX")
case "$work/" in "$repo"/*) echo "package-smoke: FAILED: the temporary folder $work is inside the repository"; exit 1 ;; esac

finish() {
    local status=$?
    if [ "${KEEP:-0}" = 1 ]; then echo "(kept $work)"; else rm -rf "$work"; fi
    exit "$status"
}
trap finish EXIT

fail() {
    echo "package-smoke: FAILED: $1 (after $((SECONDS - started))s)"
    exit 1
}

# Runs a step quietly; on failure shows its output and stops.
step() {
    local name=$1
    shift
    if ! "$@" >"$work/step.log" 2>&1; then
        tail -n 40 "$work/step.log"
        fail "$name"
    fi
}

version=$(dotnet msbuild src/ChatApis.Core/ChatApis.Core.csproj -getProperty:Version)
commit=$(git rev-parse HEAD 2>/dev/null || echo unknown)
origin=$(git remote get-url origin 2>/dev/null || echo "")
# SourceLink can only map sources to URLs when the clone's origin is a hosted repository.
case "$origin" in
    https://github.com/* | git@github.com:*) sourcelink=required ;;
    *) sourcelink=report ;;
esac
# Every src project is a package (src/Directory.Build.props): the libraries and the simulator tool. No list to keep.
tool=ChatApis.Simulator
libraries=$(cd src && for d in ChatApis.*/; do d=${d%/}; [ "$d" = "$tool" ] || echo "$d"; done)
package_count=$(($(echo "$libraries" | wc -l) + 1))
pin() { sed -n "s/.*PackageVersion Include=\"$1\" Version=\"\([^\"]*\)\".*/\1/p" Directory.Packages.props; }

# 1. Pack. A private artifacts path makes it a clean, CI-style (deterministic paths) build that leaves the repo's bin/obj alone.
echo "== Packing $version (commit ${commit:0:7}) into $work/artifacts"
pack_started=$SECONDS
step "dotnet pack" dotnet pack ChatApis.sln -c Release -o "$work/artifacts" --artifacts-path "$work/build" -p:ContinuousIntegrationBuild=true
pack_seconds=$((SECONDS - pack_started))

# 2. The packages themselves.
echo "== Checking the packages (SourceLink: $sourcelink; origin: ${origin:-none})"
mkdir -p "$work/check"
cp scripts/package-smoke/check-packages.cs "$work/check/"
if ! (cd "$work/check" && dotnet run check-packages.cs -- "$work/artifacts" "$version" "$repo/Directory.Packages.props" "$commit" "$sourcelink" $libraries); then
    fail "the packages are not right (see PROBLEM lines above)"
fi

# 3. A fresh app outside the repository, referencing the packages by version.
echo "== Building a fresh console app against the packages"
app="$work/app"
step "dotnet new console" dotnet new console --name PackageSmoke --output "$app" --framework net10.0
cat >"$app/nuget.config" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <config>
    <add key="globalPackagesFolder" value="$work/packages" />
  </config>
  <packageSources>
    <clear />
    <add key="chatapis-artifacts" value="$work/artifacts" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="chatapis-artifacts">
      <package pattern="ChatApis.*" />
    </packageSource>
    <packageSource key="nuget.org">
      <package pattern="*" />
    </packageSource>
  </packageSourceMapping>
</configuration>
EOF
for package in $libraries; do
    [ "$package" = ChatApis.Core ] && continue
    step "dotnet add package $package" dotnet add "$app/PackageSmoke.csproj" package "$package" --version "$version" --no-restore
done
step "dotnet add package Microsoft.Extensions.DependencyInjection" \
    dotnet add "$app/PackageSmoke.csproj" package Microsoft.Extensions.DependencyInjection --version "$(pin Microsoft.Extensions.DependencyInjection)" --no-restore
cp scripts/package-smoke/Program.cs "$app/Program.cs"
step "restore and build of the app" dotnet build "$app/PackageSmoke.csproj" -c Release -warnaserror
for package in $(echo "$libraries" | tr '[:upper:]' '[:lower:]'); do
    [ -f "$work/packages/$package/$version/$package.$version.nupkg" ] || fail "$package $version was not restored from the artifacts folder"
done

echo "== Running it"
if ! dotnet run --project "$app/PackageSmoke.csproj" -c Release --no-build; then
    fail "the app against the packages failed (see above)"
fi

# 4. The simulator tool, installed from the artifacts folder like any .NET tool.
echo "== Installing and starting the chatapis-simulator tool"
step "dotnet tool install ChatApis.Simulator" dotnet tool install ChatApis.Simulator --version "$version" --tool-path "$work/tool" --configfile "$app/nuget.config"
"$work/tool/chatapis-simulator" --port 0 --duration 1 >"$work/tool.log" 2>&1 || { cat "$work/tool.log"; fail "chatapis-simulator failed"; }
grep -Eq "^ +[A-Za-z].* +http://127\.0\.0\.1:[0-9]+/" "$work/tool.log" || { cat "$work/tool.log"; fail "chatapis-simulator printed no URLs"; }
echo "   chatapis-simulator $version ran and printed its URLs"

echo "package-smoke: PASSED: ${package_count} packages + symbols (pack ${pack_seconds}s), a fresh app on ChatApis.* $version from the artifacts folder, the tool installed, in $((SECONDS - started))s"
