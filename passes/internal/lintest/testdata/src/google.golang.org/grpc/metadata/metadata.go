// Package metadata is a stub of google.golang.org/grpc/metadata for the
// analysistest cases: declarations only, same names and signatures.
package metadata

import "context"

type MD map[string][]string

func New(m map[string]string) MD                                                { return nil }
func Pairs(kv ...string) MD                                                     { return nil }
func (md MD) Len() int                                                          { return 0 }
func (md MD) Copy() MD                                                          { return nil }
func (md MD) Get(k string) []string                                             { return nil }
func (md MD) Set(k string, vals ...string)                                      {}
func (md MD) Append(k string, vals ...string)                                   {}
func (md MD) Delete(k string)                                                   {}
func Join(mds ...MD) MD                                                         { return nil }
func NewIncomingContext(ctx context.Context, md MD) context.Context             { return ctx }
func NewOutgoingContext(ctx context.Context, md MD) context.Context             { return ctx }
func AppendToOutgoingContext(ctx context.Context, kv ...string) context.Context { return ctx }
func FromIncomingContext(ctx context.Context) (MD, bool)                        { return nil, false }
func ValueFromIncomingContext(ctx context.Context, key string) []string         { return nil }
func FromOutgoingContext(ctx context.Context) (MD, bool)                        { return nil, false }
func ValueFromOutgoingContext(ctx context.Context, key string) []string         { return nil }
