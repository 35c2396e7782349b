package tokenrefresh

import "fmt"

// ruleKeptToken: a fetched access-token string kept where it outlives
// the call.
const ruleKeptToken = "kept-token"

func keptToken(ft fetch, s *sink) string {
	alt := "fetch it per call from the token source"
	switch ft.kind {
	case fetchConfig:
		alt = "fetch it per call from cfg.TokenSource(ctx, tok)"
	case fetchClientCreds:
		alt = "fetch it per call from cfg.TokenSource(ctx)"
	case fetchCloud:
		alt = "call the token provider's Token per call"
	}
	return fmt.Sprintf("access token frozen in %s; %s", s.what, alt)
}
