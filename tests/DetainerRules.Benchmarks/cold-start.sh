#!/usr/bin/env bash
# Cold-start wall time of the published `detainer` command: each run is a new process, so it
# includes runtime start-up, JIT, loading the policy YAML and compiling the rule network.
#
#   tests/DetainerRules.Benchmarks/cold-start.sh [RUNS]      (RUNS defaults to 20)
#
# Publishes src/DetainerRules.Cli in Release to a temporary folder, then, from the repository
# root, times RUNS runs (no warm-up) of
#   detainer evaluate --policy lvmpd-2023 seeds/scenarios/lv-robbery-no-ice.yaml
#   detainer compare lvmpd-2023 california --space
# with hyperfine when it is installed (JSON exported beside the published program), else with a
# bash loop; prints the median and the maximum of each. `compare` exits 3 when the policies
# differ, which they do, so non-zero exit codes are not failures here.
# Environment: KEEP=1 keeps the published folder; PUBLISH_DIR=DIR publishes there instead.
set -euo pipefail

runs="${1:-20}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

dir="${PUBLISH_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/detainer-cold-start.XXXXXX")}"
if [[ -z "${PUBLISH_DIR:-}" && -z "${KEEP:-}" ]]; then
    trap 'rm -rf "$dir"' EXIT
fi

echo "publishing src/DetainerRules.Cli (Release) to $dir ..." >&2
dotnet publish src/DetainerRules.Cli -c Release -o "$dir" --nologo -v quiet >&2
exe="$dir/detainer"
[[ -x "$exe" ]] || { echo "no $exe after publishing" >&2; exit 1; }

names=(evaluate compare)
commands=(
    "$exe evaluate --policy lvmpd-2023 seeds/scenarios/lv-robbery-no-ice.yaml"
    "$exe compare lvmpd-2023 california --space"
)

# Each command must work before it is timed (compare's 3 means "the policies differ").
for i in "${!commands[@]}"; do
    set +e
    ${commands[$i]} >/dev/null 2>&1
    code=$?
    set -e
    if [[ $code -ne 0 && $code -ne 3 ]]; then
        echo "\`${commands[$i]}\` exited $code" >&2
        exit 1
    fi
done

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
summary=()
if command -v hyperfine >/dev/null 2>&1; then
    for i in "${!commands[@]}"; do
        json="$dir/cold-start-${names[$i]}.json"
        hyperfine --warmup 0 --runs "$runs" -N -i --style basic --export-json "$json" "${commands[$i]}" >&2
        summary+=("$(python3 - "$json" "${names[$i]}" <<'EOF'
import json, statistics, sys
times = json.load(open(sys.argv[1]))["results"][0]["times"]
print(f"{sys.argv[2]:<9} runs {len(times):>3}  median {statistics.median(times)*1000:8.1f} ms  max {max(times)*1000:8.1f} ms  min {min(times)*1000:8.1f} ms")
EOF
)")
    done
    echo "(hyperfine $(hyperfine --version | cut -d' ' -f2); JSON in $dir, kept only with KEEP=1 or PUBLISH_DIR)"
else
    for i in "${!commands[@]}"; do
        times=()
        for ((r = 0; r < runs; r++)); do
            start=$(date +%s.%N)
            ${commands[$i]} >/dev/null 2>&1 || true
            end=$(date +%s.%N)
            times+=("$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", (b - a) * 1000 }')")
        done
        summary+=("$(printf '%s\n' "${times[@]}" | sort -g | awk -v name="${names[$i]}" '
            { t[NR] = $1 }
            END {
                median = NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
                printf "%-9s runs %3d  median %8.1f ms  max %8.1f ms  min %8.1f ms\n", name, NR, median, t[NR], t[1]
            }')")
    done
    echo "(bash loop with date +%s.%N; install hyperfine for a finer measurement)"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%s\n' "${summary[@]}"
