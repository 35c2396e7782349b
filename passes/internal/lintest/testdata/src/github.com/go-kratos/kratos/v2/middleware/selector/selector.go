// Package selector is a stub of github.com/go-kratos/kratos/v2/middleware/selector (v2.8.3).
package selector

import (
	"context"

	"github.com/go-kratos/kratos/v2/middleware"
)

type MatchFunc func(ctx context.Context, operation string) bool

type Builder struct {
	ms []middleware.Middleware
}

func Server(ms ...middleware.Middleware) *Builder { return &Builder{ms: ms} }

func (b *Builder) Prefix(prefix ...string) *Builder { return b }

func (b *Builder) Path(path ...string) *Builder { return b }

func (b *Builder) Match(fn MatchFunc) *Builder { return b }

func (b *Builder) Build() middleware.Middleware { return middleware.Chain(b.ms...) }
