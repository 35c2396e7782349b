package tokenrefresh

import "fmt"

// ruleFrozenToken: a fetched token given to oauth.NewOauthAccess or
// oauth2.StaticTokenSource, whose result is kept: it never refreshes.
const ruleFrozenToken = "frozen-token"

func frozenToken(ft fetch, s *sink) string {
	alt := "oauth.TokenSource{TokenSource: ts}"
	switch ft.kind {
	case fetchConfig:
		alt = "oauth.TokenSource{TokenSource: cfg.TokenSource(ctx, tok)}"
	case fetchClientCreds:
		alt = "oauth.TokenSource{TokenSource: cfg.TokenSource(ctx)}"
	}
	return fmt.Sprintf("token frozen by %s; use %s", s.what, alt)
}
