#!/usr/bin/env bash
# Trim smoke test: publishes samples/TrimSmoke trimmed and self-contained with trim warnings as errors
# (and checks there are none), starts the standalone simulator, runs the trimmed binary against it (one call
# per vendor, every JSON field compared), and stops the simulator.
# Needs only the .NET SDK and the package registry. The last line says PASSED or FAILED; the exit code agrees.
#   scripts/trim-smoke.sh               # the runtime identifier of this machine (e.g. linux-x64)
#   RID=linux-arm64 scripts/trim-smoke.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

started=$SECONDS
work=$(mktemp -d "${TMPDIR:-/tmp}/chatapis-trim-smoke.XXXXXX")
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
    echo "trim-smoke: FAILED: $1 (after $((SECONDS - started))s)"
    exit 1
}

rid=${RID:-$(dotnet --info | awk '/^ *RID:/ { print $2; exit }')}
[ -n "$rid" ] || fail "could not tell this machine's runtime identifier; set RID"

# 1. Publish trimmed. ILLink's warnings are errors; the log is also searched, so a warning that some setting
#    downgraded still fails the run. A private artifacts path makes it a clean build every time: an up-to-date
#    trim would be skipped, and with it the warnings this run is here to see.
echo "== Publishing samples/TrimSmoke trimmed for $rid"
publish_started=$SECONDS
log="$work/publish.log"
if ! dotnet publish samples/TrimSmoke -c Release -r "$rid" --self-contained \
        -p:PublishTrimmed=true -p:TreatWarningsAsErrors=true -p:ILLinkTreatWarningsAsErrors=true \
        --artifacts-path "$work/artifacts" -o "$work/publish" >"$log" 2>&1; then
    grep -E "error|IL[23][0-9]{3}" "$log" | sort -u || tail -n 30 "$log"
    fail "dotnet publish failed"
fi
publish_seconds=$((SECONDS - publish_started))
trim_warnings=$(grep -Ec "(warning|error) IL[23][0-9]{3}" "$log" || true)
if [ "$trim_warnings" -ne 0 ]; then
    grep -E "IL[23][0-9]{3}" "$log" | sort -u
    fail "$trim_warnings trim warning(s)"
fi
grep -q "Optimizing assemblies for size" "$log" || fail "the publish did not run the trimmer"
echo "   published in ${publish_seconds}s, 0 trim warnings, $(du -sh "$work/publish" | cut -f1) self-contained"

# 2. The standalone simulator on free ports; it prints its URLs once listening (and stops by itself after 120 s).
echo "== Starting the standalone simulator"
sim_log="$work/simulator.log"
set -m
dotnet run --project src/ChatApis.Simulator -c Release -- --port 0 --duration 120 >"$sim_log" 2>&1 &
simulator_pid=$!
set +m

url() { awk -v name="$1" '$0 ~ "^ +" name " " { print $NF; exit }' "$sim_log"; }
for _ in $(seq 1 600); do
    [ -n "$(url Vertext)" ] && break
    kill -0 "$simulator_pid" 2>/dev/null || { cat "$sim_log"; fail "the simulator exited before listening"; }
    sleep 0.5
done
[ -n "$(url Vertext)" ] || { cat "$sim_log"; fail "the simulator printed no URLs within 5 minutes"; }
assistloop=$(url "AssistLoop Zapier")
zipchat=$(url Zipchat)
chatting=$(url Chatting)
vertext=$(url Vertext)
echo "   AssistLoop $assistloop, Zipchat $zipchat, Chatting $chatting, Vertext $vertext"

# 3. The trimmed program against it.
echo "== Running the trimmed TrimSmoke"
if ! "$work/publish/TrimSmoke" --assistloop "$assistloop" --zipchat "$zipchat" --chatting "$chatting" --vertext "$vertext"; then
    fail "the trimmed program found a problem (see above)"
fi

echo "trim-smoke: PASSED: trimmed publish with 0 trim warnings (${publish_seconds}s), every field intact for 4 vendors, in $((SECONDS - started))s"
