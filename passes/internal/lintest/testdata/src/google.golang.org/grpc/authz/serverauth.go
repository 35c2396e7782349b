// Package authz is a stub of google.golang.org/grpc/authz for the
// analysistest cases.
package authz

import (
	"context"
	"time"

	"google.golang.org/grpc"
)

type StaticInterceptor struct{}

func NewStatic(authzPolicy string) (*StaticInterceptor, error) { return nil, nil }

func (i *StaticInterceptor) UnaryInterceptor(ctx context.Context, req any, _ *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	return nil, nil
}

func (i *StaticInterceptor) StreamInterceptor(srv any, ss grpc.ServerStream, _ *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
	return nil
}

type FileWatcherInterceptor struct{}

func NewFileWatcher(file string, duration time.Duration) (*FileWatcherInterceptor, error) {
	return nil, nil
}
