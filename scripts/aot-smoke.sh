#!/usr/bin/env bash
# Native AOT smoke test: publishes samples/TrimSmoke with PublishAot=true (warnings as errors, and the log is
# checked for none), starts the standalone simulator, runs the native binary against it (one call per vendor,
# every JSON field compared), reports the binary's size and run time, and stops the simulator.
# Needs the .NET SDK, the package registry, clang and zlib1g-dev (the native linker; .ci/run installs them).
# The last line says PASSED or FAILED; the exit code agrees.
#   scripts/aot-smoke.sh               # the runtime identifier of this machine (e.g. linux-x64)
#   RID=linux-arm64 scripts/aot-smoke.sh
#
# Why no separate trimmed (IL, JIT) publish any more: Native AOT runs the same trimmer (the same IL2xxx
# analysis, in full trim mode) and adds the AOT analysis (IL3xxx) and a run with no JIT at all, so a trimmed
# publish would prove nothing this one does not.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

started=$SECONDS
work=$(mktemp -d "${TMPDIR:-/tmp}/chatapis-aot-smoke.XXXXXX")
simulator_pid=""

finish() {
    local status=$?
    if [ -n "$simulator_pid" ] && kill -0 "$simulator_pid" 2>/dev/null; then
        # The simulator runs in its own process group (set -m below): stop `dotnet run` and the server it started.
        kill -TERM -- "-$simulator_pid" 2>/dev/null || kill -TERM "$simulator_pid" 2>/dev/null || true
        wait "$simulator_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
    exit "$status"
}
trap finish EXIT

fail() {
    echo "aot-smoke: FAILED: $1 (after $((SECONDS - started))s)"
    exit 1
}

rid=${RID:-$(dotnet --info | awk '/^ *RID:/ { print $2; exit }')}
[ -n "$rid" ] || fail "could not tell this machine's runtime identifier; set RID"

command -v clang >/dev/null || fail "clang is not installed (Native AOT links with it): apt-get install -y clang zlib1g-dev"

# 1. Publish Native AOT. Warnings are errors; the log is also searched for any warning at all, so a warning
#    that some setting downgraded still fails the run. A private artifacts path makes it a clean build every
#    time: an up-to-date publish would be skipped, and with it the warnings this run is here to see.
echo "== Publishing samples/TrimSmoke as Native AOT for $rid"
publish_started=$SECONDS
log="$work/publish.log"
if ! dotnet publish samples/TrimSmoke -c Release -r "$rid" \
        -p:PublishAot=true -p:TreatWarningsAsErrors=true -p:ILLinkTreatWarningsAsErrors=true \
        -p:IlcTreatWarningsAsErrors=true \
        --artifacts-path "$work/artifacts" -o "$work/publish" >"$log" 2>&1; then
    grep -E "error|IL[23][0-9]{3}" "$log" | sort -u || tail -n 30 "$log"
    fail "dotnet publish failed"
fi
publish_seconds=$((SECONDS - publish_started))
warnings=$(grep -Eic ": warning [A-Z]+[0-9]+|(warning|error) IL[23][0-9]{3}" "$log" || true)
if [ "$warnings" -ne 0 ]; then
    grep -Ei ": warning [A-Z]+[0-9]+|IL[23][0-9]{3}" "$log" | sort -u
    fail "$warnings warning(s) in the Native AOT publish"
fi
binary="$work/publish/TrimSmoke"
[ -x "$binary" ] || fail "the publish produced no native binary at $binary"
# A native binary (ELF/Mach-O), not the apphost of an IL build: there must be no TrimSmoke.dll beside it.
[ ! -e "$work/publish/TrimSmoke.dll" ] || fail "the publish produced TrimSmoke.dll: it was not a Native AOT publish"
size_mb=$(awk -v b="$(stat -c %s "$binary")" 'BEGIN { printf "%.1f", b / 1048576 }')
echo "   published in ${publish_seconds}s, 0 warnings, native binary ${size_mb} MB"

# 2. The standalone simulator on free ports. Once listening it writes every vendor's client settings (base address
#    and seeded credentials, as ChatApis__<Vendor>__<Setting>=value lines) to a file, and stops by itself after 120 s.
#    The vendors come from its catalog: this script names none.
echo "== Starting the standalone simulator"
sim_log="$work/simulator.log"
settings="$work/simulator.env"
set -m
dotnet run --project src/ChatApis.Simulator -c Release -- --port 0 --duration 120 --settings-file "$settings" >"$sim_log" 2>&1 &
simulator_pid=$!
set +m

for _ in $(seq 1 600); do
    [ -s "$settings" ] && break
    kill -0 "$simulator_pid" 2>/dev/null || { cat "$sim_log"; fail "the simulator exited before listening"; }
    sleep 0.5
done
[ -s "$settings" ] || { cat "$sim_log"; fail "the simulator wrote no settings within 5 minutes"; }
vendors=0
while IFS='=' read -r name value; do
    export "$name=$value"
    case "$name" in *__BaseAddress) vendors=$((vendors + 1)); echo "   ${name#ChatApis__} $value" ;; esac
done <"$settings"

# 3. The native program against it, timed (the run includes one call per vendor and every field check). It reads
#    the settings from the environment, and fails for a vendor the simulator serves that it has no check for.
echo "== Running the Native AOT TrimSmoke"
run_started=$(date +%s%N)
if ! "$binary"; then
    fail "the Native AOT program found a problem (see above)"
fi
run_ms=$((($(date +%s%N) - run_started) / 1000000))

echo "aot-smoke: PASSED: Native AOT publish with 0 warnings (${publish_seconds}s), a ${size_mb} MB binary that checked every field for ${vendors} vendors in ${run_ms} ms, in $((SECONDS - started))s"
