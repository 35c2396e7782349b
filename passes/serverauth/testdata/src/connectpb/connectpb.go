// Package connectpb stands for protoc-gen-go's messages of ping.v1.
package connectpb

type PingRequest struct{ Text string }

type PingResponse struct{ Text string }

type CountUpRequest struct{ Number int64 }

type CountUpResponse struct{ Number int64 }
