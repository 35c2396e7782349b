#!/bin/sh
# Regenerates gen/ from proto/ with pinned plugin versions: the code the
# gateway-bypass proof runs is what these generators really write.
# google/api/{annotations,http}.proto are vendored from googleapis (via
# grpc-gateway v1.16.0's third_party copy) so no registry is needed.
set -eu
cd "$(dirname "$0")"
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
GOBIN=$bin go install github.com/bufbuild/buf/cmd/buf@v1.75.0
GOBIN=$bin go install google.golang.org/protobuf/cmd/protoc-gen-go@v1.36.12
GOBIN=$bin go install google.golang.org/grpc/cmd/protoc-gen-go-grpc@v1.6.0
GOBIN=$bin go install github.com/grpc-ecosystem/grpc-gateway/v2/protoc-gen-grpc-gateway@v2.34.0
rm -f gen/echo/v1/*.pb.go gen/echo/v1/*.pb.gw.go
PATH=$bin:$PATH buf generate
