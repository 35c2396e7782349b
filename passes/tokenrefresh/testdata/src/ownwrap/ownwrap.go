// Package ownwrap calls per-use wrappers returning values of their own
// package's types, in this package and another: using the value within
// the call is right; keeping it freezes the token.
package ownwrap

import (
	"context"

	"golang.org/x/oauth2"

	"ownwrap/lib"
)

func do(*lib.Config) error        { return nil }
func send(*lib.AccessToken) error { return nil }
func useCreds(*Credentials) error { return nil }
func useSession(*session) error   { return nil }

var shared *lib.Config

type Service struct {
	ts    oauth2.TokenSource
	p     *lib.Provider
	tok   *lib.AccessToken
	creds *Credentials
}

// Used within the call: fine.
func (s *Service) Call(ctx context.Context) error {
	cfg, err := lib.RestConfig(ctx, s.ts, "https://api.example.com")
	if err != nil {
		return err
	}
	return do(cfg)
}

// Kept in a package variable.
func Init(ctx context.Context, ts oauth2.TokenSource) {
	shared, _ = lib.RestConfig(ctx, ts, "https://api.example.com") // want `access token in lib\.RestConfig's result frozen in package variable shared; call lib\.RestConfig for each use`
}

// The provider's token, used per call: fine.
func (s *Service) Send() error {
	t, err := s.p.Token()
	if err != nil {
		return err
	}
	return send(t)
}

// Kept in a field of the receiver.
func (s *Service) Start() error {
	t, err := s.p.Token() // want `access token in \(\*lib\.Provider\)\.Token's result frozen in field Service\.tok; call \(\*lib\.Provider\)\.Token for each use`
	if err != nil {
		return err
	}
	s.tok = t
	return nil
}

// Credentials is this package's own per-use value.
type Credentials struct {
	Bearer string
}

// credentials fetches and returns a fresh Credentials: a fetcher.
func credentials(ts oauth2.TokenSource) (*Credentials, error) { // want credentials:"returns a value holding a fetched access token \\(result 0\\)"
	tok, err := ts.Token()
	if err != nil {
		return nil, err
	}
	return &Credentials{Bearer: tok.AccessToken}, nil
}

func (s *Service) Once() error {
	c, err := credentials(s.ts)
	if err != nil {
		return err
	}
	return useCreds(c)
}

func (s *Service) Keep() {
	s.creds, _ = credentials(s.ts) // want `access token in credentials's result frozen in field Service\.creds; call credentials for each use`
}

// session is neither named for a token, credentials or a configuration,
// nor returned by a function named like a refresher: the package's
// long-lived state, reported at the fetch as before.
type session struct {
	bearer string
}

func openSession(ts oauth2.TokenSource) *session {
	tok, _ := ts.Token() // want `access token frozen in the session returned by openSession; fetch it per call from the token source`
	return &session{bearer: tok.AccessToken}
}

func (s *Service) Run() error {
	return useSession(openSession(s.ts))
}

// GetToken is named like a refresher and returns the package's own
// type: a fetcher, whatever the type's name.
type grant struct{ value string }

func GetToken(ts oauth2.TokenSource) (*grant, error) { // want GetToken:"returns a value holding a fetched access token \\(result 0\\)"
	tok, err := ts.Token()
	if err != nil {
		return nil, err
	}
	return &grant{value: tok.AccessToken}, nil
}

var kept *grant

func initGrant(ts oauth2.TokenSource) {
	kept, _ = GetToken(ts) // want `access token in GetToken's result frozen in package variable kept; call GetToken for each use`
}
