// Package agent is a monitoring agent: transactions and spans kept in
// the context, as APM agents keep them.
package agent

import (
	"context"

	"google.golang.org/grpc/metadata"
)

// Txn is a transaction found in a context.
type Txn struct{ payload string }

// FromContext returns the transaction in ctx, or nil.
func FromContext(ctx context.Context) *Txn { return nil }

// Payload is the distributed-tracing payload to send downstream.
func (t *Txn) Payload() string { return t.payload }

// Headers returns the tracing headers as metadata.
func (t *Txn) Headers() metadata.MD { return nil }

// Span is a span started by Start.
type Span struct{}

// TraceID is the span's trace id.
func (s *Span) TraceID() string { return "" }

// SpanFromContext returns the span in ctx, or nil.
func SpanFromContext(ctx context.Context) *Span { return nil }

// OutgoingMD returns the metadata to send for ctx; it may merge what
// ctx already carries.
func OutgoingMD(ctx context.Context) metadata.MD { return nil }

// Carried returns the headers the agent keeps for ctx; they may include
// the outgoing metadata ctx carries.
func Carried(ctx context.Context) map[string]string { return nil }
