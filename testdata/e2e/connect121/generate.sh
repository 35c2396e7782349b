#!/bin/sh
# Regenerates gen/ from proto/ with pinned generator versions.
set -eu
cd "$(dirname "$0")"
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
GOBIN=$bin go install github.com/bufbuild/buf/cmd/buf@v1.75.0
GOBIN=$bin go install google.golang.org/protobuf/cmd/protoc-gen-go@v1.36.12
GOBIN=$bin go install connectrpc.com/connect/cmd/protoc-gen-connect-go@v1.21.1
rm -rf gen
PATH=$bin:$PATH buf generate
