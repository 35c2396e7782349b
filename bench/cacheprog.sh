#!/usr/bin/env bash
# Measures grpcauthlint on two CI runners that share the go command's
# cache through GOCACHEPROG (go-cacher and go-cacher-server of
# github.com/bradfitz/go-tool-cache, pinned in testdata/cacheprog/go.mod,
# the server on loopback), against one runner with its own cache. Usage,
# from the repository root:
#
#	bench/cacheprog.sh [workdir]          # default workdir: a new temp dir
#	CORPORA="example mono3" bench/cacheprog.sh
#	REPEAT=3 bench/cacheprog.sh           # every state three times (new caches each time)
#
# Corpora: example (testdata/example, the README's example module: 3
# packages, grpc-go and oauth2 among its 130 dependencies) and mono3 (the
# generated 300-package monorepo of bench/run.sh, 3% of its packages
# importing gRPC). States, each `grpcauthlint ./...` standalone:
#   local cold   empty GOCACHE, no GOCACHEPROG: the usual CI runner
#   local warm   the same again
#   A cold       runner A: empty GOCACHE and go-cacher directory, empty
#                cache server; everything compiled, analysed and uploaded
#   A warm       runner A again (its go-cacher directory is warm)
#   B            runner B: empty GOCACHE and go-cacher directory, the
#                server filled by A: what a second CI machine sees
#   B moved      as B, on a copy of the tree at another path (vet results
#                are keyed on absolute file names: only dependencies hit)
# Columns: wall seconds, CPU seconds of all processes (user + system),
# and go-cacher's counts (gets, hits, misses, puts). Modules are
# downloaded first (GOMODCACHE is shared by all runs); downloads are
# never timed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-$(mktemp -d)}
mkdir -p "$work"
echo "# workdir $work; $(go version); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)" >&2

go build -o "$work/grpcauthlint" "$root/cmd/grpcauthlint"
(cd "$root/testdata/cacheprog" && go build -o "$work/" github.com/bradfitz/go-tool-cache/cmd/go-cacher github.com/bradfitz/go-tool-cache/cmd/go-cacher-server)

if [ ! -f "$work/example/go.mod" ]; then
	cp -r "$root/testdata/example" "$work/example"
	(cd "$work/example" && go mod download)
fi
if [[ " ${CORPORA:-example mono3} " == *" mono3 "* && ! -f "$work/mono3/go.mod" ]]; then
	(cd "$root" && go run ./bench/gen -o "$work/mono3" -n 300 -grpc 3)
	(cd "$work/mono3" && GOFLAGS=-mod=mod go mod tidy >/dev/null 2>&1)
fi

port=${PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
server_pid=
stop_server() { if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; server_pid=; fi; }
trap stop_server EXIT
# start_server: a new, empty cache server on 127.0.0.1:$port.
start_server() {
	stop_server
	rm -rf "$work/server"
	"$work/go-cacher-server" -listen "127.0.0.1:$port" -cache-dir "$work/server" >"$work/server.log" 2>&1 &
	server_pid=$!
	for _ in $(seq 100); do
		curl -fs "http://127.0.0.1:$port/" >/dev/null 2>&1 && return
		sleep 0.1
	done
	echo "go-cacher-server did not start; see $work/server.log" >&2
	exit 1
}

# measure CORPUS DIR STATE RUNNER [shared]: one table row; RUNNER names
# the GOCACHE (and go-cacher directory) used; "shared" sets GOCACHEPROG.
measure() {
	local corpus=$1 dir=$2 state=$3 runner=$4 shared=${5:-}
	local -a env=(GOCACHE="$work/$runner/gocache")
	if [ -n "$shared" ]; then
		env+=(GOCACHEPROG="$work/go-cacher -verbose -cache-dir $work/$runner/go-cacher -cache-server http://127.0.0.1:$port")
	fi
	(cd "$dir" && env "${env[@]}" /usr/bin/time -f '%e %U %S' -o "$work/time.txt" "$work/grpcauthlint" ./... >"$work/last.out" 2>"$work/last.err") || true
	read -r wall user sys < <(tail -n1 "$work/time.txt") || { echo "no timing for $corpus $state; see $work/last.err" >&2; return; }
	local stats="-"
	if [ -n "$shared" ]; then
		stats=$(sed -n 's/.*closing; \([0-9]*\) gets (\([0-9]*\) hits, \([0-9]*\) misses.*; \([0-9]*\) puts.*/\1 \/ \2 \/ \3 \/ \4/p' "$work/last.err" | tail -n1)
	fi
	printf '| %s | %s | %s | %s | %s | %s |\n' "$corpus" "$state" "$wall" "$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" "$stats" "$(wc -l <"$work/last.out")"
}

echo "| corpus | state | seconds | CPU seconds | gets / hits / misses / puts | findings |"
echo "|---|---|---|---|---|---|"
for corpus in ${CORPORA:-example mono3}; do
	for rep in $(seq "${REPEAT:-1}"); do
		rm -rf "$work/local" "$work/A" "$work/B" "$work/Bmoved" "$work/moved"
		measure "$corpus" "$work/$corpus" "local cold" local
		measure "$corpus" "$work/$corpus" "local warm" local
		start_server
		measure "$corpus" "$work/$corpus" "A cold" A shared
		measure "$corpus" "$work/$corpus" "A warm" A shared
		measure "$corpus" "$work/$corpus" "B" B shared
		cp -r "$work/$corpus" "$work/moved"
		measure "$corpus" "$work/moved" "B moved" Bmoved shared
		rm -rf "$work/local" "$work/A" "$work/B" "$work/Bmoved" "$work/moved"
	done
done
