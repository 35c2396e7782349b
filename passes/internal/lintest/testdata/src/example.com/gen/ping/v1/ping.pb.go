// Package pingv1 stands for protoc-gen-go's messages of ping.v1 (the
// generated code of testdata/e2e/connect121, shortened).
package pingv1

type PingRequest struct{ Text string }

type PingResponse struct{ Text string }

type CountUpRequest struct{ Number int64 }

type CountUpResponse struct{ Number int64 }
