// Package condpanics holds options helpers that give a second
// UnaryInterceptor or StreamInterceptor under a condition: every server
// built from them panics when it holds (rule 3), whoever calls them.
package condpanics

import (
	"context"
	"errors"

	"google.golang.org/grpc"
)

type Settings struct {
	Auth  *Authentication
	Debug bool
	Mode  string
}

type Authentication struct{ Name string }

type authenticator struct{}

func (authenticator) Unary(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	return handler(ctx, req)
}

func (authenticator) Stream(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
	return handler(srv, ss)
}

func lookup(name string) (authenticator, error) {
	if name == "" {
		return authenticator{}, errors.New("no authenticator")
	}
	return authenticator{}, nil
}

func tracingUnary(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	return handler(ctx, req)
}

func tracingStream(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
	return handler(srv, ss)
}

// The telemetry collector's options helper before its fix: with auth
// configured, both halves are given twice.
func (gss *Settings) ToServerOption() ([]grpc.ServerOption, error) { // want ToServerOption:"options UnaryInterceptor\\?, StreamInterceptor\\?, UnaryInterceptor, StreamInterceptor"
	var opts []grpc.ServerOption
	if gss.Auth != nil {
		authenticator, err := lookup(gss.Auth.Name)
		if err != nil {
			return nil, err
		}
		opts = append(opts,
			grpc.UnaryInterceptor(authenticator.Unary),
			grpc.StreamInterceptor(authenticator.Stream),
		)
	}
	opts = append(opts, grpc.UnaryInterceptor(tracingUnary))   // want `when gss\.Auth != nil, grpc\.NewServer panics on a second grpc\.UnaryInterceptor; use grpc\.ChainUnaryInterceptor`
	opts = append(opts, grpc.StreamInterceptor(tracingStream)) // want `when gss\.Auth != nil, grpc\.NewServer panics on a second grpc\.StreamInterceptor; use grpc\.ChainStreamInterceptor`
	return opts, nil
}

// The fix: one chain of each.
func (gss *Settings) Fixed() ([]grpc.ServerOption, error) { // want Fixed:"options ChainUnaryInterceptor, ChainStreamInterceptor"
	var us []grpc.UnaryServerInterceptor
	var ss []grpc.StreamServerInterceptor
	if gss.Auth != nil {
		authenticator, err := lookup(gss.Auth.Name)
		if err != nil {
			return nil, err
		}
		us = append(us, authenticator.Unary)
		ss = append(ss, authenticator.Stream)
	}
	us = append(us, tracingUnary)
	ss = append(ss, tracingStream)
	return []grpc.ServerOption{grpc.ChainUnaryInterceptor(us...), grpc.ChainStreamInterceptor(ss...)}, nil
}

// The option given on every path comes first: the conditional one is
// the second.
func (gss *Settings) debugLast() []grpc.ServerOption { // want debugLast:"options UnaryInterceptor, UnaryInterceptor\\?"
	opts := []grpc.ServerOption{grpc.UnaryInterceptor(tracingUnary)}
	if gss.Debug {
		opts = append(opts, grpc.UnaryInterceptor(tracingUnary)) // want `when gss\.Debug, grpc\.NewServer panics on a second grpc\.UnaryInterceptor; use grpc\.ChainUnaryInterceptor`
	}
	return opts
}

// An else branch, a switch case, nested conditions, an else if.
func (gss *Settings) elseBranch() []grpc.ServerOption { // want elseBranch:"options other\\?, UnaryInterceptor\\?, UnaryInterceptor"
	var opts []grpc.ServerOption
	if gss.Debug {
		opts = append(opts, grpc.MaxRecvMsgSize(1))
	} else {
		opts = append(opts, grpc.UnaryInterceptor(tracingUnary))
	}
	return append(opts, grpc.UnaryInterceptor(tracingUnary)) // want `when !gss\.Debug, grpc\.NewServer panics on a second grpc\.UnaryInterceptor; use grpc\.ChainUnaryInterceptor`
}

func (gss *Settings) switchCase() []grpc.ServerOption { // want switchCase:"options StreamInterceptor\\?, StreamInterceptor"
	var opts []grpc.ServerOption
	switch gss.Mode {
	case "auth", "mtls":
		opts = append(opts, grpc.StreamInterceptor(tracingStream))
	case "none":
	}
	opts = append(opts, grpc.StreamInterceptor(tracingStream)) // want `when gss\.Mode == "auth" \|\| gss\.Mode == "mtls", grpc\.NewServer panics on a second grpc\.StreamInterceptor; use grpc\.ChainStreamInterceptor`
	return opts
}

func (gss *Settings) nested() []grpc.ServerOption { // want nested:"options UnaryInterceptor\\?, UnaryInterceptor"
	var opts []grpc.ServerOption
	if gss.Auth != nil {
		if gss.Debug {
			opts = append(opts, grpc.UnaryInterceptor(tracingUnary))
		}
	}
	opts = append(opts, grpc.UnaryInterceptor(tracingUnary)) // want `when gss\.Auth != nil && gss\.Debug, grpc\.NewServer panics on a second grpc\.UnaryInterceptor; use grpc\.ChainUnaryInterceptor`
	return opts
}

func (gss *Settings) elseIf() []grpc.ServerOption { // want elseIf:"options other\\?, UnaryInterceptor\\?, UnaryInterceptor"
	var opts []grpc.ServerOption
	if gss.Debug {
		opts = append(opts, grpc.MaxRecvMsgSize(1))
	} else if gss.Auth != nil {
		opts = append(opts, grpc.UnaryInterceptor(tracingUnary))
	}
	opts = append(opts, grpc.UnaryInterceptor(tracingUnary)) // want `when !gss\.Debug && gss\.Auth != nil, grpc\.NewServer panics on a second grpc\.UnaryInterceptor; use grpc\.ChainUnaryInterceptor`
	return opts
}

// Two under the same condition.
func (gss *Settings) sameCond() []grpc.ServerOption { // want sameCond:"options UnaryInterceptor\\?, UnaryInterceptor\\?"
	var opts []grpc.ServerOption
	if gss.Debug {
		opts = append(opts, grpc.UnaryInterceptor(tracingUnary))
		opts = append(opts, grpc.UnaryInterceptor(tracingUnary)) // want `when gss\.Debug, grpc\.NewServer panics on a second grpc\.UnaryInterceptor; use grpc\.ChainUnaryInterceptor`
	}
	return opts
}

// A condition too long to quote.
func (gss *Settings) longCond() []grpc.ServerOption { // want longCond:"options UnaryInterceptor\\?, UnaryInterceptor"
	var opts []grpc.ServerOption
	if gss.Auth != nil && gss.Auth.Name != "none" && gss.Mode != "insecure" && !gss.Debug {
		opts = append(opts, grpc.UnaryInterceptor(tracingUnary))
	}
	opts = append(opts, grpc.UnaryInterceptor(tracingUnary)) // want `on one branch, grpc\.NewServer panics on a second grpc\.UnaryInterceptor; use grpc\.ChainUnaryInterceptor`
	return opts
}

// Where the server is built, as well.
func build(debug bool) {
	opts := []grpc.ServerOption{grpc.MaxRecvMsgSize(1)}
	if debug {
		opts = append(opts, grpc.UnaryInterceptor(tracingUnary))
	}
	grpc.NewServer(append(opts, grpc.UnaryInterceptor(tracingUnary))...) // want `when debug, grpc\.NewServer panics on a second grpc\.UnaryInterceptor; use grpc\.ChainUnaryInterceptor`
}

// Alternatives: one of the two, never both.
func (gss *Settings) alternatives() []grpc.ServerOption { // want alternatives:"options UnaryInterceptor\\?, UnaryInterceptor\\?"
	var opts []grpc.ServerOption
	if gss.Debug {
		opts = append(opts, grpc.UnaryInterceptor(tracingUnary))
	} else {
		opts = append(opts, grpc.UnaryInterceptor(tracingUnary))
	}
	return opts
}

func (gss *Settings) longAlternatives() []grpc.ServerOption { // want longAlternatives:"options UnaryInterceptor\\?, UnaryInterceptor\\?"
	var opts []grpc.ServerOption
	if gss.Auth != nil && gss.Auth.Name != "none" && gss.Mode != "insecure" && !gss.Debug {
		opts = append(opts, grpc.UnaryInterceptor(tracingUnary))
	} else {
		opts = append(opts, grpc.UnaryInterceptor(tracingUnary))
	}
	return opts
}

func (gss *Settings) switchAlternatives() []grpc.ServerOption { // want switchAlternatives:"options UnaryInterceptor\\?, UnaryInterceptor\\?"
	var opts []grpc.ServerOption
	switch gss.Mode {
	case "a":
		opts = append(opts, grpc.UnaryInterceptor(tracingUnary))
	case "b":
		opts = append(opts, grpc.UnaryInterceptor(tracingUnary))
	}
	return opts
}

// Two conditions that may or may not hold together: not judged.
func (gss *Settings) twoConds() []grpc.ServerOption { // want twoConds:"options UnaryInterceptor\\?, UnaryInterceptor\\?"
	var opts []grpc.ServerOption
	if gss.Debug {
		opts = append(opts, grpc.UnaryInterceptor(tracingUnary))
	}
	if gss.Auth != nil {
		opts = append(opts, grpc.UnaryInterceptor(tracingUnary))
	}
	return opts
}

// Conditions the pass does not name: a loop, a default case, a
// function literal, several returns.
func (gss *Settings) loop(is []grpc.UnaryServerInterceptor) []grpc.ServerOption { // want loop:"options UnaryInterceptor\\?, UnaryInterceptor"
	var opts []grpc.ServerOption
	for _, i := range is {
		opts = append(opts, grpc.UnaryInterceptor(i))
	}
	return append(opts, grpc.UnaryInterceptor(tracingUnary))
}

func (gss *Settings) defaultCase() []grpc.ServerOption { // want defaultCase:"options UnaryInterceptor\\?, UnaryInterceptor"
	var opts []grpc.ServerOption
	switch gss.Mode {
	case "a":
	default:
		opts = append(opts, grpc.UnaryInterceptor(tracingUnary))
	}
	return append(opts, grpc.UnaryInterceptor(tracingUnary))
}

func (gss *Settings) closure() []grpc.ServerOption { // want closure:"options UnaryInterceptor\\?, UnaryInterceptor"
	var opts []grpc.ServerOption
	add := func() { opts = append(opts, grpc.UnaryInterceptor(tracingUnary)) }
	if gss.Debug {
		add()
	}
	return append(opts, grpc.UnaryInterceptor(tracingUnary))
}

func (gss *Settings) twoReturns() []grpc.ServerOption { // want twoReturns:"options UnaryInterceptor\\?, UnaryInterceptor\\?, UnaryInterceptor\\?"
	opts := []grpc.ServerOption{grpc.UnaryInterceptor(tracingUnary)}
	if gss.Debug {
		return opts
	}
	return append(opts, grpc.UnaryInterceptor(tracingUnary))
}

// Options from a parameter: unknown.
func withExtra(extra []grpc.ServerOption, debug bool) []grpc.ServerOption { // want withExtra:"options unknown, UnaryInterceptor"
	opts := extra
	return append(opts, grpc.UnaryInterceptor(tracingUnary))
}

// The branch returns its own server: the later option never meets the
// conditional one.
func earlyReturn(debug bool) *grpc.Server { // want earlyReturn:"returns servers \\[UnaryInterceptor\\] or \\[UnaryInterceptor\\?, UnaryInterceptor\\]"
	var opts []grpc.ServerOption
	if debug {
		opts = append(opts, grpc.UnaryInterceptor(tracingUnary))
		return grpc.NewServer(opts...)
	}
	return grpc.NewServer(append(opts, grpc.UnaryInterceptor(tracingUnary))...)
}

func (gss *Settings) breakOut() []grpc.ServerOption { // want breakOut:"options UnaryInterceptor\\?, UnaryInterceptor"
	var opts []grpc.ServerOption
	switch gss.Mode {
	case "a":
		opts = append(opts, grpc.UnaryInterceptor(tracingUnary))
		if gss.Debug {
			panic("debug")
		}
	}
	return append(opts, grpc.UnaryInterceptor(tracingUnary))
}
