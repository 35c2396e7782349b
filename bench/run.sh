#!/usr/bin/env bash
# Benchmarks grpcauthlint against its floor and go vet, on the same
# packages, in each cache state, with /usr/bin/time: wall seconds, CPU
# seconds of all processes (user + system: steadier than wall time on a
# shared machine), peak RSS of the largest. Usage, from the repository
# root:
#
#	bench/run.sh [workdir]        # default workdir: a new temp dir
#	CORPORA="mono0 mono3" TOOLS="floor suite" bench/run.sh   # a subset
#	SKIP_COLD=1 bench/run.sh      # only the warm and tool-cache-cold states
#	REPEAT=3 bench/run.sh         # the toolcold and warm runs three times
#	BASE=v1 TOOLS="cli clibase" bench/run.sh   # the standalone command now
#	                              # against the one built at git revision v1
#
# Corpora: grpc-go v1.85.0 (every package of its module, tests included),
# and a generated 300-package monorepo with 0% and 3% of its
# packages importing gRPC. Tools, each run as `go vet -vettool=TOOL`:
#   floor  bench/floor, an inspect-only do-nothing analyzer
#   suite  grpcauthlint
#   govet  go vet's default analyzers (cmd/vet, as -vettool)
# and `grpcauthlint ./...` standalone (its go vet wrapper) as "cli"; with
# BASE set, "clibase" and "suitebase" are the same two built at that
# revision, to see what a change costs.
# Cache states:
#   cold      empty GOCACHE: everything compiled and analysed
#   warm      the same command again
#   toolcold  build cache warm (go list -export -deps -test), the tool's
#             vet results and facts not: as right after installing or
#             upgrading it
# Modules are downloaded first; downloads are never timed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-$(mktemp -d)}
mkdir -p "$work"
echo "# workdir $work; $(go version); $(nproc) cores; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)" >&2

go build -o "$work/floor" "$root/bench/floor"
go build -o "$work/grpcauthlint" "$root/cmd/grpcauthlint"
if [ -n "${BASE:-}" ]; then
	rm -rf "$work/base-src" && mkdir -p "$work/base-src"
	git -C "$root" archive "$BASE" | tar -x -C "$work/base-src"
	(cd "$work/base-src" && go build -o "$work/grpcauthlint-base" ./cmd/grpcauthlint)
fi

# Corpus 1: grpc-go v1.85.0, every package of its main module with its
# tests (a writable copy of the module, so its own go.mod resolves them all).
if [ ! -f "$work/grpc/go.mod" ]; then
	dir=$(go mod download -json google.golang.org/grpc@v1.85.0 | sed -n 's/.*"Dir": "\(.*\)",/\1/p')
	cp -r "$dir" "$work/grpc" && chmod -R u+w "$work/grpc"
	(cd "$work/grpc" && go mod download all >/dev/null 2>&1)
fi
# Corpora 2 and 3: generated monorepos.
for pct in 0 3; do
	if [ ! -f "$work/mono$pct/go.mod" ]; then
		(cd "$root" && go run ./bench/gen -o "$work/mono$pct" -n 300 -grpc $pct)
		(cd "$work/mono$pct" && GOFLAGS=-mod=mod go mod tidy >/dev/null 2>&1)
	fi
done
declare -A pkgs=([grpc]="./..." [mono0]="./..." [mono3]="./...")

# toolbin TOOL REP: a copy of TOOL's vet tool with an identity of its
# own. go vet keys cached results and facts by the tool's identity (a hash
# of its executable), so bytes appended to a copy (ignored when it runs)
# make it new to the build cache: "just installed or upgraded". go vet's
# default analyzers are run the same way, through a copy of cmd/vet.
toolbin() {
	local src
	case $1 in
	floor) src="$work/floor" ;;
	suite | cli) src="$work/grpcauthlint" ;;
	suitebase | clibase) src="$work/grpcauthlint-base" ;;
	govet) src="$(go env GOTOOLDIR)/vet" ;;
	esac
	mkdir -p "$work/tools"
	cp "$src" "$work/tools/$1.$2"
	printf 'bench-%s-%s-%s' "$1" "$2" "$$" >>"$work/tools/$1.$2"
	echo "$work/tools/$1.$2"
}

# measure CORPUS STATE TOOL BIN: prints one table row.
measure() {
	local corpus=$1 state=$2 tool=$3 bin=$4 cmd
	case $tool in
	cli | clibase) cmd=("$bin" ${pkgs[$corpus]}) ;;
	*) cmd=(go vet -vettool="$bin" ${pkgs[$corpus]}) ;;
	esac
	local out
	(cd "$work/$corpus" && /usr/bin/time -f '%e %U %S %M' -o "$work/time.txt" "${cmd[@]}" >/dev/null 2>"$work/last.err") || true
	read -r wall user sys rss < <(tail -n1 "$work/time.txt")
	printf '| %s | %s | %s | %s | %s | %s |\n' "$corpus" "$state" "$tool" "$wall" "$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" "$((rss / 1024))"
}

echo "| corpus | cache | tool | seconds | CPU seconds | peak MB |"
echo "|---|---|---|---|---|---|"
for corpus in ${CORPORA:-grpc mono0 mono3}; do
	# cold: a fresh, empty build cache per tool.
	if [ -z "${SKIP_COLD:-}" ]; then
		for tool in ${TOOLS:-floor suite govet cli}; do
			export GOCACHE="$work/cache-$corpus-cold-$tool"
			rm -rf "$GOCACHE"
			measure "$corpus" cold "$tool" "$(toolbin "$tool" cold)"
			rm -rf "$GOCACHE"
		done
	fi
	# toolcold, then warm: one build cache holding every package's export
	# data (go list -export), shared by the tools; each repetition (REPEAT,
	# default 1) runs a new copy of each tool, interleaved.
	export GOCACHE="$work/cache-$corpus-shared"
	rm -rf "$GOCACHE"
	(cd "$work/$corpus" && go list -export -deps -test ${pkgs[$corpus]} >/dev/null 2>&1 || true)
	for rep in $(seq "${REPEAT:-1}"); do
		for tool in ${TOOLS:-floor suite govet cli}; do
			bin=$(toolbin "$tool" "$rep")
			measure "$corpus" toolcold "$tool" "$bin"
			measure "$corpus" warm "$tool" "$bin"
		done
	done
done
