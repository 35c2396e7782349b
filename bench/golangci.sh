#!/usr/bin/env bash
# Compares golangci-lint with the grpcauthlint plugin against the same
# golangci-lint build with a do-nothing plugin (bench/golangci-floor), on
# the corpora bench/run.sh prepared in the same workdir:
#
#	bench/run.sh /tmp/bench && bench/golangci.sh /tmp/bench
#	LINTERS=standard REPEAT=3 SKIP_COLD=1 CORPORA=mono3 bench/golangci.sh /tmp/bench
#
# States: cold (empty GOCACHE and golangci-lint cache), lintcold (build
# cache warm, golangci-lint's cache empty: just upgraded), warm (again).
# Linters: the plugin alone (LINTERS=none, the default), or beside
# golangci-lint's standard set (LINTERS=standard: errcheck, govet,
# ineffassign, staticcheck, unused), as most configurations run it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=${1:?usage: bench/golangci.sh WORKDIR (prepared by bench/run.sh)}
go build -C "$root/testdata/golangci" -o "$work/gcl-suite" .
go build -C "$root/bench/golangci-floor" -o "$work/gcl-floor" .
cat > "$work/gcl.yml" <<YML
version: "2"
linters:
  default: ${LINTERS:-none}
  enable: [grpcauthlint]
  settings:
    custom:
      grpcauthlint:
        type: module
issues:
  uniq-by-line: false
  max-issues-per-linter: 0
  max-same-issues: 0
YML

measure() {
	local corpus=$1 state=$2 tool=$3
	(cd "$work/$corpus" && /usr/bin/time -f '%e %M' -o "$work/time.txt" "$work/gcl-$tool" run -c "$work/gcl.yml" ./... >/dev/null 2>"$work/last.err") || true
	local out
	out=$(tail -n1 "$work/time.txt")
	printf '| %s | %s | golangci(%s)+%s | %s | %s |\n' "$corpus" "$state" "${LINTERS:-none}" "$tool" "${out% *}" "$(( ${out#* } / 1024 ))"
}

echo "| corpus | cache | tool | seconds | peak MB |"
echo "|---|---|---|---|---|"
for corpus in ${CORPORA:-mono0 mono3 grpc}; do
	if [ -z "${SKIP_COLD:-}" ]; then
		for tool in floor suite; do
			export GOLANGCI_LINT_CACHE="$work/gcl-cache-$corpus-$tool-cold"
			export GOCACHE="$work/gcl-gocache-$corpus-$tool"
			rm -rf "$GOCACHE" "$GOLANGCI_LINT_CACHE"
			measure "$corpus" cold "$tool"
			rm -rf "$GOCACHE" "$GOLANGCI_LINT_CACHE"
		done
	fi
	# lintcold, then warm, REPEAT times (default 1), the tools interleaved.
	export GOCACHE="$work/cache-$corpus-shared" # warm: prepared by bench/run.sh
	for rep in $(seq "${REPEAT:-1}"); do
		for tool in floor suite; do
			export GOLANGCI_LINT_CACHE="$work/gcl-cache-$corpus-$tool"
			rm -rf "$GOLANGCI_LINT_CACHE"
			measure "$corpus" lintcold "$tool"
			measure "$corpus" warm "$tool"
		done
	done
done
