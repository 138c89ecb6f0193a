#!/usr/bin/env bash
# Regenerates PublicAPI.Unshipped.txt of every project under src/ from the code as it is now, so a public API
# change is one command and shows up as a diff of these files in review.
#
#   scripts/update-public-api.sh
#
# How: every Unshipped file is reset to `#nullable enable`, the src projects are built once (offline, Release,
# warnings not as errors) and every RS0016 ("Symbol '<api line>' is not part of the declared public API") is
# written back, sorted, into its project's Unshipped file. The analyzer's message carries the exact line it
# expects, so nothing here re-implements its format. Running it twice gives the same files (idempotent).
# PublicAPI.Shipped.txt is never edited: moving lines to it is the release step. A Shipped line whose member
# is gone (RS0017) is printed, because only a person can decide to mark it *REMOVED*.
# Needs only the .NET SDK (and bash, grep, sed, sort). Exit code 0 when the files are written.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

repo=$(pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/chatapis-public-api.XXXXXX")
trap 'rm -rf "$work"' EXIT

projects=()
for project in src/*/*.csproj; do
    projects+=("$project")
    dir=$(dirname "$project")
    [ -f "$dir/PublicAPI.Shipped.txt" ] || printf '#nullable enable\n' > "$dir/PublicAPI.Shipped.txt"
    # Writing the file also makes it newer than the assembly, so the compiler (and the analyzer) runs again.
    printf '#nullable enable\n' > "$dir/PublicAPI.Unshipped.txt"
done

# One build of just the src projects (a solution filter keeps tests, samples and benchmarks out).
filter="$work/src.slnf"
{
    printf '{ "solution": { "path": "%s", "projects": [' "$repo/ChatApis.sln"
    separator=""
    for project in "${projects[@]}"; do
        printf '%s "%s"' "$separator" "${project//\//\\\\}"
        separator=","
    done
    printf ' ] } }\n'
} > "$filter"

log="$work/warnings.log"
if ! dotnet build "$filter" -c Release -nologo -tl:off -v:q -clp:NoSummary \
        -p:TreatWarningsAsErrors=false -p:WarningsAsErrors= \
        -flp:"WarningsOnly;Verbosity=minimal;LogFile=$log" > "$work/build.out" 2>&1; then
    cat "$work/build.out" >&2
    echo "update-public-api: the src projects do not build; PublicAPI.Unshipped.txt files were reset, fix the build and run again." >&2
    exit 1
fi

# A line looks like: <file>(l,c): warning RS0016: Symbol '<api line>' is not part of the declared public API (<help url>) [<project>]
for project in "${projects[@]}"; do
    dir=$(dirname "$project")
    {
        printf '#nullable enable\n'
        grep -F " warning RS0016: " "$log" | grep -F "[$repo/$project]" \
            | sed -E "s/^.* warning RS0016: Symbol '(.*)' is not part of the declared public API .*$/\1/" \
            | LC_ALL=C sort -u
    } > "$dir/PublicAPI.Unshipped.txt"
    echo "$project: $(($(wc -l < "$dir/PublicAPI.Unshipped.txt") - 1)) unshipped API lines"
done

if grep -F " warning RS0017: " "$log" | LC_ALL=C sort -u | grep .; then
    echo "update-public-api: the lines above are in a PublicAPI.Shipped.txt but no longer in the code: mark each *REMOVED* (a breaking change) or restore the member." >&2
fi
